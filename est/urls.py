from django.contrib import admin
from django.urls import include, path, register_converter
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import access_log_views, api, offline, views
from .converters import MunicipalityCodeConverter
from .oapif.urls import service_urls

register_converter(MunicipalityCodeConverter, "municipality")

router = DefaultRouter()
router.register("municipalities", api.MunicipalityViewSet, basename="municipality")
router.register("areas", api.AreaViewSet, basename="area")

handler404 = "est.views.page_not_found"
handler500 = "est.views.server_error"

urlpatterns = [
    path("", views.StartView.as_view(), name="start"),
    path("health/", views.health, name="health"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("municipalities/", views.MunicipalityList.as_view(), name="municipality_list"),
    path(
        "municipalities/<municipality:code>/",
        views.MunicipalityDetail.as_view(),
        name="municipality_detail",
    ),
    path(
        "municipalities/<municipality:code>/areas/new/",
        views.AreaCreate.as_view(),
        name="area_create",
    ),
    path("areas/<int:pk>/edit/", views.AreaUpdate.as_view(), name="area_update"),
    path("areas/<int:pk>/delete/", views.AreaDelete.as_view(), name="area_delete"),
    path("training/", include("est.training.urls")),
    path("", include("est.contacts.urls")),
    path("data-subject-requests/", include("est.data_subjects.urls")),
    path("access-log/", access_log_views.AccessLogSearch.as_view(), name="access_log"),
    path("reports/", include("reports.incidents.urls")),
    path("situation/", include("reports.situation.urls")),
    path("tertial/", include("reports.tertial.urls")),
    path("council/", include("reports.council.urls")),
    path("cameras/", include("cameras.urls")),
    path("kamerabevakning/", include("cameras.public_urls")),
    path("", include("dialogues.urls")),
    # Accounts: the password reset limited per client address, the second factor and tokens.
    path("accounts/password_reset/", views.PasswordReset.as_view(), name="password_reset"),
    path("accounts/", include("est.account_urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("webauthn/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # API
    path("api/v1/", include(router.urls)),
    path("api/v1/", include("reports.incidents.api_urls")),
    # OGC API – Features: the staff layers behind the API's authentication, and the open data
    path("api/features/", include((service_urls(public=False), "oapif"))),
    path("oppna-data/", include((service_urls(public=True), "oapif_public"))),
    path("api/v1/", include("dialogues.measures.api_urls")),
    path("api/v1/", include("dialogues.walks.api_urls")),
    path("api/v1/", include("dialogues.survey.api_urls")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path(
        "api/v1/docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"
    ),
]
