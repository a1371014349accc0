"""The Celery application: Redis broker, JSON messages, configuration from Django settings."""

import gc
import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.base")

# DjangoTask adds delay_on_commit(): work is queued only once the transaction that asked for it
# has committed, so a worker never looks for a row that is not there yet.
app = Celery("est", task_cls="celery.contrib.django.task:DjangoTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def _freeze_what_is_loaded(**_signal):
    """Keep everything a pool process starts with (Django, the task modules, pandas, WeasyPrint)
    out of the garbage collector's sight, as the web server does (est/wsgi.py): a full
    collection after a tertial analysis's PDF then took 0.02-0.14 s instead of 0.13-0.43 s, as
    it no longer walks the loaded code (gc.callbacks, bench/README.md)."""
    gc.freeze()
