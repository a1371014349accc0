"""Settings for EST, read from the environment (see .env.example) with working local defaults."""

from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from .beat import beat_schedule
from .storage import media_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

SECRET_KEY = env("SECRET_KEY", default="local-development-only-not-secret")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
#: Whether ``manage.py seed_demo`` may create the demo users (known passwords); never in
#: production, whatever DEBUG says.
DEMO_DATA_ALLOWED = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "django.contrib.humanize",
    "leaflet",
    "rest_framework",
    "rest_framework_gis",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "simple_history",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "est",
    "reports",
    "cameras",
    "dialogues",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "est.middleware.SessionRefreshMiddleware",
    "est.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After the password, nothing but the second factor's own pages until it is given.
    "est.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "est.middleware.AdminAccessLogMiddleware",
    # Last, so that a lockout answers before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "est.urls"
WSGI_APPLICATION = "est.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "est.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default="postgis://est:est@127.0.0.1:25432/est")}
DATABASES["default"]["ENGINE"] = "django.contrib.gis.db.backends.postgis"
DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5
# PostgreSQL's JIT compiles expensive-looking plans for 60-100 ms before running them: a loss
# for the map's and the list's queries, which return in tens of milliseconds without it.
DATABASES["default"]["OPTIONS"]["options"] = "-c jit=off"
# A connection per request costs a PostgreSQL backend process each time: filing through the API
# managed 30 a second with 50 reporters at once (bench/README.md). Kept for a minute, checked
# before reuse so a restarted database costs one failed request at most.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:26379/0")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
}

# --- accounts ------------------------------------------------------------------------------
AUTH_USER_MODEL = "est.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, whose user comes with whether they have a second factor.
    "est.second_factor.UserBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Everyone who logs in is staff of a municipality or a partner: sessions end after 30 minutes
# without a request. Each request moves the end, but the session is written at most once a
# minute (est.middleware.SessionRefreshMiddleware; writing it on every request cost each
# filing a transaction of its own): an idle session ends 29-30 minutes after its last request.
SESSION_COOKIE_AGE = 30 * 60
SESSION_REFRESH_SECONDS = 60
# Sessions live in PostgreSQL (Django's default, named here on purpose): any web process on any
# machine behind the load balancer knows the user; the cache (rate limits, PDFs) is in Redis.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Lock a username out for 15 minutes after 5 failed attempts from the same address.
# A password reset link works for an hour: a mailbox read later by someone else opens nothing.
PASSWORD_RESET_TIMEOUT = 60 * 60
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The same client address as everywhere else: behind our proxy, from X-Forwarded-For; never from
# a header a stranger wrote (est/clients.py). With the lockout per user name AND address, a
# stranger's failures lock only the stranger out, not the user at their own address.
AXES_CLIENT_IP_CALLABLE = "est.clients.client_address"

# --- who is asking -----------------------------------------------------------------------------
#: Addresses (or networks) of our own reverse proxies: only a request from one of them may say,
#: in X-Forwarded-For, which client it came from. Empty: no proxy, REMOTE_ADDR is the client.
#: In docker-compose the proxy is on the compose network (see docker-compose.yml); gunicorn's
#: --forwarded-allow-ips must name the same proxies.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

# Second factor (django-otp: TOTP apps, recovery codes; django-otp-webauthn: passkeys). The roles
# listed must give one after their password ("superuser" stands for superusers of any role);
# others may enrol on their account page. Local and demo runs require none, so that the printed
# demo logins work with a password alone; production requires it of every role but reporters
# and council members (est/settings/prod.py), the tests of the same roles.
MFA_REQUIRED_ROLES = env.list("MFA_REQUIRED_ROLES", default=[])
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="EST")
OTP_WEBAUTHN_RP_ID = env("OTP_WEBAUTHN_RP_ID", default="localhost")
OTP_WEBAUTHN_RP_NAME = "EST"
OTP_WEBAUTHN_ALLOWED_ORIGINS = env.list(
    "OTP_WEBAUTHN_ALLOWED_ORIGINS", default=["http://localhost:8000"]
)
# Passkeys are a second factor here, never a way round the password.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
#: How long an API token works after it is made.
API_TOKEN_LIFETIME = timedelta(days=env.int("API_TOKEN_LIFETIME_DAYS", default=90))

# --- access log -------------------------------------------------------------------------------
#: How long the log of reads of sensitive data is kept; beat purges older entries daily. The
#: database refuses to delete entries younger than a year whatever this says (est/access_log.py).
ACCESS_LOG_RETENTION = timedelta(days=env.int("ACCESS_LOG_RETENTION_DAYS", default=2 * 365))

# --- e-mail ----------------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="est@localhost")
# Where links in e-mails point to.
SITE_URL = env("SITE_URL", default="http://localhost:8000")

# --- language and time -------------------------------------------------------------------------
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

# --- static and uploaded files -----------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
# Uploaded files (incident photos, camera footage) are never served directly: views that check
# who may see them stream them. MEDIA_URL only names them.
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Limits on what comes in: a request body (forms and JSON, files not counted) of at most 2.5 MB,
# at most 1,000 fields; each kind of file has its own size limit checked by its form or service
# (photos 10 MB, attachments 10 MB, imports 200 MB, footage 2 GB), and the proxy in front caps
# the whole body (docker/Caddyfile). Uploads over 2.5 MB go to a temporary file, not memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# A round report holds up to 50 incidents with a photo each (reports/incidents/forms.py).
DATA_UPLOAD_MAX_NUMBER_FILES = 50
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Imports of incidents (reports/incidents/import_files.py): a file of at most this many bytes
# and rows (1,000,000 rows of CSV in the export's layout take about 95 MB), and a workbook
# (.xlsx, a ZIP) that unpacks to at most this many bytes: a zip bomb is refused before it is
# unpacked. Files are streamed in chunks, so memory does not grow with these.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=200 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=1_000_000)
# Rows read, checked and written at a time: an import holds about two chunks in memory.
IMPORT_CHUNK_ROWS = env.int("IMPORT_CHUNK_ROWS", default=10_000)
IMPORT_XLSX_MAX_UNPACKED_BYTES = env.int(
    "IMPORT_XLSX_MAX_UNPACKED_BYTES", default=1024 * 1024 * 1024
)
# Exports of incidents (reports/incidents/export_jobs.py): one of more than this many rows is
# offered as a file a worker writes (bench/README.md "Export" has the rates): nobody should wait
# on an open page for minutes. The file is deleted this many hours after it was asked for (beat,
# hourly): it holds the incidents' descriptions.
EXPORT_BACKGROUND_ROWS = env.int("EXPORT_BACKGROUND_ROWS", default=100_000)
EXPORT_KEPT = timedelta(hours=env.int("EXPORT_KEPT_HOURS", default=24))

# Uploaded files on the local disk (MEDIA_ROOT), or in an S3-compatible bucket when S3_BUCKET is
# set: the latter for more than one machine (est/settings/storage.py, README "Deployment").
STORAGES = {
    "default": media_storage(env),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- geography --------------------------------------------------------------------------------
# Geometries are stored in SWEREF 99 TM (EPSG:3006), the Swedish national metric grid: distances,
# areas, buffers and grids are then plain metres. Maps get WGS 84 (EPSG:4326).
STORAGE_SRID = 3006
MAP_SRID = 4326
MAP_TILE_URL = env("MAP_TILE_URL", default="")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION", default="")
LEAFLET_CONFIG = {
    # No tile server unless one is configured: maps still show boundaries and data.
    "TILES": [(_("Map"), MAP_TILE_URL, MAP_TILE_ATTRIBUTION)] if MAP_TILE_URL else [],
    "DEFAULT_CENTER": (59.39, 15.84),
    "DEFAULT_ZOOM": 10,
    "MIN_ZOOM": 4,
    "MAX_ZOOM": 19,
    "RESET_VIEW": False,
    "ATTRIBUTION_PREFIX": "",
}


def tile_origin(url: str) -> str:
    """Return the origin (scheme and host) of a tile URL template such as
    ``https://{s}.tile.example.org/{z}/{x}/{y}.png`` as a CSP source: ``{s}`` becomes ``*``."""
    parts = urlsplit(url)
    host = parts.netloc.replace("{s}", "*")
    if not host:
        return ""
    # A scheme-relative template ("//tiles.example.org/...") gives a host source, which CSP
    # matches with the page's own scheme.
    return f"{parts.scheme}://{host}" if parts.scheme else host


# --- Content Security Policy (django-csp) -------------------------------------------------------
# No script runs unless it comes from our own static files or carries the request's nonce
# (``nonce="{{ request.csp_nonce }}"``): a name like "<img src=x onerror=...>" that slipped into a
# page as HTML would still run nothing. Styles are as strict: our own stylesheets and <style>
# elements with the nonce, no style attributes (Leaflet and Leaflet.draw set their positions
# through element.style, which a policy does not block, so they need no 'unsafe-inline').
# Images may come from the tile server when one is configured.
_TILE_ORIGIN = tile_origin(MAP_TILE_URL)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:", *([_TILE_ORIGIN] if _TILE_ORIGIN else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# --- API ---------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "est.api_tokens.ApiTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "est.api_pages.WholePageNumberPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Per user: a reporter filing every second or two stays far below; a runaway script or a
    # stolen token gets 429 with Retry-After.
    "DEFAULT_THROTTLE_CLASSES": ["est.throttles.UserThrottle"],
    "DEFAULT_THROTTLE_RATES": {"user": env("API_USER_RATE", default="120/min")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "EST API",
    "DESCRIPTION": "Municipal crime prevention data, scoped to the caller's municipalities.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and its documentation are for those who may use the API: a logged-in session
    # or a token (the API's own authentication); anyone else gets 401 or 403.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # Swagger UI from our own static files, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a status; each set of statuses gets its own name in the schema.
    "ENUM_NAME_OVERRIDES": {"MeasureStatusEnum": "dialogues.measures.models.Measure.Status"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "est.api.empty_filters_allowed",
        "est.api.throttling_documented",
    ],
}

# --- Celery ------------------------------------------------------------------------------------
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_RESULT_EXPIRES = timedelta(days=1)
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 9 * 60
# A task is acknowledged when it is done, so a worker that dies hands it to another; every task
# is written to be safe to run twice.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
# What beat runs, and when: est/settings/beat.py.
CELERY_BEAT_SCHEDULE = beat_schedule()
# A second beat started by mistake, or overlapping the first during a redeploy, stands by
# instead of sending every task a second time (est/single_beat.py).
CELERY_BEAT_SCHEDULER = "est.single_beat:SingleBeatScheduler"
# The police's open events API, polled every 10 minutes (144 calls a day; its rules allow at
# most 60 an hour and 1,440 a day, see reports/police_poll.py). Empty turns the poll off.
POLICE_EVENTS_URL = env("POLICE_EVENTS_URL", default="https://polisen.se/api/events")
POLICE_EVENTS_TIMEOUT = env.float("POLICE_EVENTS_TIMEOUT", default=20.0)
# The API's rules ask every call to name its application, so that the police can get in touch.
POLICE_EVENTS_USER_AGENT = env(
    "POLICE_EVENTS_USER_AGENT", default="EST (Effektiv samordning för trygghet; municipal)"
)
if POLICE_EVENTS_URL:
    CELERY_BEAT_SCHEDULE["police-events"] = {
        "task": "reports.tasks.poll_police_events",
        "schedule": 600.0,
    }
# A Nominatim-compatible geocoder asked, server-side, for an address typed in a tip when the
# local gazetteer (dialogues/tips/places) finds nothing. Empty (the default): none is asked;
# the product needs no outside service. Short timeout: a slow geocoder must not hold the form.
TIPS_GEOCODER_URL = env("TIPS_GEOCODER_URL", default="")
TIPS_GEOCODER_TIMEOUT = env.float("TIPS_GEOCODER_TIMEOUT", default=2.0)
# Scheduled polls of outside sources whose last success the health check shows (as warnings).
HEALTH_POLLS = ["police-events"] if POLICE_EVENTS_URL else []
# The Monday that the 14-day situation-picture periods are counted from.
SITUATION_PERIOD_ANCHOR = date.fromisoformat(env("SITUATION_PERIOD_ANCHOR", default="2025-01-06"))
# The open data (OGC API – Features at /oppna-data/): its licence, named in every collection.
OAPIF_LICENCE = env("OAPIF_LICENCE", default="CC0-1.0")
OAPIF_LICENCE_URL = env(
    "OAPIF_LICENCE_URL", default="https://creativecommons.org/publicdomain/zero/1.0/"
)
# The fewest incidents an area–category–tertial count of the open data may show; a smaller one
# could point at a person, so it is left out.
OPEN_DATA_MIN_COUNT = env.int("OPEN_DATA_MIN_COUNT", default=5)
# The fewest survey responses any shown figure may rest on (a table cell, a map cell, an export,
# the API, a PDF): a group smaller than this could point at a resident, so it is hidden.
SURVEY_MIN_RESPONSES = env.int("SURVEY_MIN_RESPONSES", default=10)
# How many months a neighbourhood watch contact is kept after their group ends or they withdraw.
WATCH_CONTACT_KEPT_MONTHS = env.int("WATCH_CONTACT_KEPT_MONTHS", default=6)
# How many survey answers one client address may send per hour.
SURVEY_RATE_LIMIT = env.int("SURVEY_RATE_LIMIT", default=30)
# How old the last heartbeat may be before the health check says beat or the worker is down.
HEARTBEAT_MAX_AGE = timedelta(minutes=3)
# How long a reporter's certification lasts after a training, and how early reporter and
# coordinator are told that it runs out.
CERTIFICATION_MONTHS = env.int("CERTIFICATION_MONTHS", default=24)
CERTIFICATION_REMINDER = timedelta(days=30)
# How long before a cooperation agreement with the police runs out its coordinators are told
# to renew it (the negotiation with the police takes months).
AGREEMENT_RENEWAL_NOTICE = timedelta(days=env.int("AGREEMENT_RENEWAL_NOTICE_DAYS", default=90))

SILENCED_SYSTEM_CHECKS = [
    # Debian 12 ships GDAL 3.6, which cannot block file and network access from spatial
    # references. EST never hands user input to GDAL: uploads are parsed as GeoJSON by GEOS
    # and spatial references are fixed in code.
    "gis.W001",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # django-axes logs every successful login at INFO; failures and lockouts still show.
        "axes": {"level": "WARNING"},
        # WeasyPrint and fontTools narrate every step of a render at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
