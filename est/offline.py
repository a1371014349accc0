"""The service worker, at /sw.js: a worker's scope is the folder it is served from, and the pages
it keeps for offline use (a walk's page, the incident form, the round report) are all over the
site. Its source is ``static/js/sw.js``."""

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

SOURCE = settings.BASE_DIR / "static" / "js" / "sw.js"


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    """Return the service worker's script; browsers check it for a new version on every visit
    (no-cache), so a change reaches phones at once."""
    return HttpResponse(SOURCE.read_bytes(), content_type="text/javascript; charset=utf-8")
