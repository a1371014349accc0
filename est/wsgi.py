"""WSGI entry point for gunicorn and runserver."""

import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "est.settings.prod")

application = get_wsgi_application()

# Everything loaded at start (the URL conf imports the views, and they the rest) lives as long
# as the process: out of the garbage collector's sight, full collections stop walking it. They
# took 13-15 ms of a map request that builds thousands of small objects (cProfile). Before
# gunicorn forks (--preload), this also keeps the workers' memory shared.
import_module(settings.ROOT_URLCONF)
gc.freeze()
