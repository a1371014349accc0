from django.urls import path

from reports.situation import observation_views, views

urlpatterns = [
    path("", views.SituationList.as_view(), name="situation_list"),
    path("<int:pk>/", views.SituationDetail.as_view(), name="situation_detail"),
    path("<int:pk>/pdf/", views.SituationPdf.as_view(), name="situation_pdf"),
    path("<int:pk>/geopackage/", views.SituationGeoPackage.as_view(), name="situation_geopackage"),
    path("<int:pk>/edit/", views.SituationEdit.as_view(), name="situation_edit"),
    path(
        "<int:pk>/interventions/new/",
        views.InterventionCreate.as_view(),
        name="intervention_create",
    ),
    path(
        "<int:pk>/observations/new/",
        observation_views.ObservationCreate.as_view(),
        name="observation_create",
    ),
    path(
        "<int:pk>/meeting/",
        observation_views.PictureMeetingEdit.as_view(),
        name="picture_meeting",
    ),
    path(
        "working-group/<municipality:code>/",
        observation_views.WorkingGroupEdit.as_view(),
        name="working_group",
    ),
    path(
        "working-group/<municipality:code>/<int:pk>/remove/",
        observation_views.WorkingGroupRemove.as_view(),
        name="working_group_remove",
    ),
    path(
        "interventions/<int:pk>/status/",
        views.InterventionStatus.as_view(),
        name="intervention_status",
    ),
    *[
        path(f"<int:pk>/{step}/", views.SituationStep.as_view(step=step), name=f"situation_{step}")
        for step in views.STEPS
    ],
]
