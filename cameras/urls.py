from django.urls import path

from . import footage_views, oversight_views, views

app_name = "cameras"

urlpatterns = [
    path("", views.CameraList.as_view(), name="camera_list"),
    path("new/", views.CameraCreate.as_view(), name="camera_create"),
    path("<int:pk>/", views.CameraDetail.as_view(), name="camera_detail"),
    path("<int:pk>/edit/", views.CameraUpdate.as_view(), name="camera_update"),
    path(
        "<int:pk>/approve-retention/",
        views.CameraRetentionApprove.as_view(),
        name="camera_retention_approve",
    ),
    path(
        "<int:pk>/permit-statistics/",
        views.PermitStatisticsView.as_view(),
        name="permit_statistics",
    ),
    path("<int:pk>/footage/new/", footage_views.FootageCreate.as_view(), name="footage_create"),
    path("footage/<int:pk>/", footage_views.FootageDetail.as_view(), name="footage_detail"),
    path(
        "footage/<int:pk>/file/", footage_views.FootageDownload.as_view(), name="footage_download"
    ),
    path(
        "footage/<int:pk>/hold/", footage_views.LegalHoldCreate.as_view(), name="legal_hold_create"
    ),
    path(
        "footage/<int:pk>/disclose/",
        footage_views.DisclosureCreate.as_view(),
        name="disclosure_create",
    ),
    path(
        "holds/<int:pk>/release/",
        footage_views.LegalHoldRelease.as_view(),
        name="legal_hold_release",
    ),
    path("disclosures/", footage_views.DisclosureList.as_view(), name="disclosure_list"),
    path("purges/", oversight_views.PurgeDashboard.as_view(), name="purge_dashboard"),
    path("compliance/", oversight_views.ComplianceList.as_view(), name="compliance"),
]
