"""The Celery application: Redis broker, JSON messages, configuration from Django settings."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.base")

# DjangoTask adds delay_on_commit(): work is queued only once the transaction that asked for it
# has committed, so a worker never looks for a row that is not there yet.
app = Celery("est", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
