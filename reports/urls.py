from django.urls import path

from . import views

urlpatterns = [
    path("new/", views.IncidentFile.as_view(), name="incident_file"),
    path("mine/", views.IncidentMine.as_view(), name="incident_mine"),
    path("incidents/", views.IncidentList.as_view(), name="incident_list"),
    path("incidents.geojson", views.IncidentMapData.as_view(), name="incident_map_data"),
    path("incidents.csv", views.IncidentExport.as_view(), name="incident_export"),
    path("incidents/<int:pk>/", views.IncidentDetail.as_view(), name="incident_detail"),
    path("incidents/<int:pk>/correct/", views.IncidentCorrect.as_view(), name="incident_correct"),
    path("incidents/<int:pk>/triage/", views.IncidentTriage.as_view(), name="incident_triage"),
    path(
        "incidents/<int:pk>/photos/<int:photo_pk>/<str:size>/",
        views.IncidentPhotoFile.as_view(),
        name="incident_photo",
    ),
]
