from django.urls import re_path

from . import views

FORMAT = r"\.(?P<fmt>json|xml)$"

urlpatterns = [
    re_path(r"^open311/v2/services" + FORMAT, views.services, name="open311_services"),
    re_path(
        r"^open311/v2/services/(?P<code>[a-z_]{1,20})" + FORMAT,
        views.service_definition,
        name="open311_service",
    ),
    re_path(r"^open311/v2/requests" + FORMAT, views.requests, name="open311_requests"),
    re_path(
        r"^open311/v2/requests/(?P<pk>[0-9]{1,18})" + FORMAT,
        views.request_detail,
        name="open311_request",
    ),
]
