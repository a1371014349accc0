"""The public page: no login. Mounted at /kamerabevakning/ by est.urls."""

from django.urls import path

from . import views

app_name = "cameras_public"

urlpatterns = [
    path("", views.PublicCameraMap.as_view(), name="map"),
]
