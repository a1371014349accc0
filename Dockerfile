# The EST application image: web (gunicorn), Celery worker and beat all run from it.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_COMPILE_BYTECODE=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=est.settings.prod

RUN apt-get update \
 && apt-get install -y --no-install-recommends gdal-bin libpango-1.0-0 libpangoft2-1.0-0 \
      libharfbuzz-subset0 fonts-dejavu-core gettext \
 && rm -rf /var/lib/apt/lists/* \
 && pip install --no-cache-dir uv==0.13.9 \
 && useradd --system --home /app est

WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
# Build-time only values: collectstatic and compilemessages need settings, not real secrets.
# Bytecode compiled once here (and for the dependencies by uv, UV_COMPILE_BYTECODE): with
# PYTHONDONTWRITEBYTECODE every process would otherwise compile each module it imports, and a
# web worker's first requests import what the app loads lazily.
RUN python -m compileall -q est reports dialogues cameras \
 && SECRET_KEY=build ALLOWED_HOSTS=build python manage.py collectstatic --no-input -v 0 \
 && SECRET_KEY=build ALLOWED_HOSTS=build python manage.py compilemessages -v 0 \
 && mkdir -p /app/media && chown est /app/media

USER est
EXPOSE 8000
# gunicorn believes X-Forwarded-Proto only from FORWARDED_ALLOW_IPS (its own default is the
# host itself); set it to the proxy's address, like TRUSTED_PROXIES (see docker-compose.yml).
CMD ["gunicorn", "est.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--preload", "--access-logfile", "-"]
