from django.urls import path

from . import category_views, public_views, recording_views, report_views, views

urlpatterns = [
    # The public site, in Swedish words residents search for.
    path("trygghetsvandringar/", public_views.PublicWalkIndex.as_view(), name="public_walk_index"),
    path(
        "trygghetsvandringar/<municipality:code>/",
        public_views.PublicWalkList.as_view(),
        name="public_walks",
    ),
    path(
        "trygghetsvandringar/<municipality:code>/kalender.ics",
        public_views.public_walk_calendar,
        name="public_walk_calendar",
    ),
    path(
        "trygghetsvandringar/<municipality:code>/<int:pk>/",
        public_views.PublicWalkDetail.as_view(),
        name="public_walk",
    ),
    path(
        "trygghetsvandringar/<municipality:code>/<int:pk>/uppfoljning/",
        report_views.PublicWalkFollowUp.as_view(),
        name="public_walk_follow_up",
    ),
    path(
        "trygghetsvandringar/<municipality:code>/<int:pk>/foton/<int:photo>/",
        report_views.public_finding_photo,
        name="public_finding_photo",
    ),
    path(
        "trygghetsvandringar/<municipality:code>/<int:pk>/atgardsfoton/<int:measure>/",
        report_views.public_measure_photo,
        name="public_measure_photo",
    ),
    # Staff pages.
    path("walks/", views.WalkList.as_view(), name="walk_list"),
    path("walks/<municipality:code>/new/", views.WalkCreate.as_view(), name="walk_create"),
    path("walks/<int:pk>/", views.WalkDetail.as_view(), name="walk_detail"),
    path("walks/<int:pk>/edit/", views.WalkUpdate.as_view(), name="walk_update"),
    path("walks/<int:pk>/announce/", views.WalkPublish.as_view(), name="walk_publish"),
    path("walks/<int:pk>/cancel/", views.WalkCancel.as_view(), name="walk_cancel"),
    path("walks/<int:pk>/report/", report_views.WalkReport.as_view(), name="walk_report"),
    path("walks/<int:pk>/report.pdf", report_views.WalkReportPdf.as_view(), name="walk_report_pdf"),
    path(
        "walks/<int:pk>/public-photos/",
        report_views.WalkPhotosPublic.as_view(),
        name="walk_photos_public",
    ),
    # On the walk, from a phone.
    path("walks/<int:pk>/walk/", recording_views.WalkRecord.as_view(), name="walk_record"),
    path(
        "walks/<int:pk>/walk/findings/",
        recording_views.FindingCreate.as_view(),
        name="walk_finding_create",
    ),
    path("walks/<int:pk>/walk/audits/", recording_views.AuditCreate.as_view(), name="walk_audit"),
    path(
        "walks/<int:pk>/walk/participants/",
        recording_views.ParticipantsUpdate.as_view(),
        name="walk_participants",
    ),
    path(
        "walks/<int:pk>/photos/<int:photo_pk>/<str:size>/",
        recording_views.FindingPhotoFile.as_view(),
        name="walk_finding_photo",
    ),
    path(
        "walks/<municipality:code>/categories/",
        category_views.FindingCategoryList.as_view(),
        name="finding_categories",
    ),
]
