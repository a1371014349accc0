"""WSGI entry point for gunicorn and runserver."""

import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.prod")

application = get_wsgi_application()


def warm_up() -> None:
    """Load now what every process otherwise loads on its first requests: the URL names in each
    language, Pillow's image formats, Celery's tasks and its Redis transport.

    With gunicorn's --preload this runs once, before the workers fork. Left to the first
    requests, each worker spent 0.2-0.3 s of CPU on them (cProfile of a walk's first finding:
    imports, Image.init(), the task registry, the URL resolver), and those requests were the
    slowest of a benchmark run (bench/README.md, "Recording findings on a walk")."""
    from django.urls import reverse
    from django.utils import translation
    from PIL import Image

    from est.celery import app

    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            reverse("start")
    Image.init()
    app.finalize()
    import_module("kombu.transport.redis")


# Everything loaded at start (the URL conf imports the views, and they the rest) lives as long
# as the process: out of the garbage collector's sight, full collections stop walking it. They
# took 13-15 ms of a map request that builds thousands of small objects (cProfile). Before
# gunicorn forks (--preload), this also keeps the workers' memory shared.
import_module(settings.ROOT_URLCONF)
warm_up()
gc.freeze()
