from django.urls import path

from reports.situation import views

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
        "interventions/<int:pk>/status/",
        views.InterventionStatus.as_view(),
        name="intervention_status",
    ),
    *[
        path(f"<int:pk>/{step}/", views.SituationStep.as_view(step=step), name=f"situation_{step}")
        for step in views.STEPS
    ],
]
