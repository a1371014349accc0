"""Settings for the test suite: real PostGIS and Redis, fast password hashing, mails kept."""

from .base import *  # noqa: F403
from .base import REDIS_URL, env

# Tests use their own Redis database so they never touch the data of a running product.
REDIS_URL = env("TEST_REDIS_URL", default=REDIS_URL.rsplit("/", 1)[0] + "/15")
CACHES = {"default": {**CACHES["default"], "LOCATION": REDIS_URL}}  # noqa: F405
CELERY_BROKER_URL = CELERY_RESULT_BACKEND = REDIS_URL

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Most tests run tasks in-process; tests marked "worker" go through a real worker process.
CELERY_TASK_ALWAYS_EAGER = True
# The tests run with the production's rule for the second factor.
MFA_REQUIRED_ROLES = ["coordinator", "police", "administrator", "dpo", "superuser"]
CELERY_TASK_EAGER_PROPAGATES = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Schemathesis sends hundreds of requests a minute with one token; the throttle's own test sets
# the real rates.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"user": "100000/min"},
}
