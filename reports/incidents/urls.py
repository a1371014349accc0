from django.urls import path

from reports.incidents import (
    category_views,
    duplicate_views,
    export_views,
    import_views,
    list_views,
    round_views,
    views,
)

urlpatterns = [
    path("new/", views.IncidentFile.as_view(), name="incident_file"),
    path("round/", round_views.RoundFile.as_view(), name="round_file"),
    path("mine/", views.IncidentMine.as_view(), name="incident_mine"),
    path("incidents/", list_views.IncidentList.as_view(), name="incident_list"),
    path("incidents.geojson", list_views.IncidentMapData.as_view(), name="incident_map_data"),
    path("incidents.csv", list_views.IncidentExport.as_view(), name="incident_export"),
    path(
        "incidents.xlsx",
        list_views.IncidentExport.as_view(format="xlsx"),
        name="incident_export_xlsx",
    ),
    path(
        "incidents-export.geojson",
        list_views.IncidentExport.as_view(format="geojson"),
        name="incident_export_geojson",
    ),
    path("exports/", export_views.ExportStart.as_view(), name="incident_export_start"),
    path("exports/<int:pk>/", export_views.ExportDetail.as_view(), name="incident_export_detail"),
    path(
        "exports/<int:pk>/progress/",
        export_views.ExportProgress.as_view(),
        name="incident_export_progress",
    ),
    path(
        "exports/<int:pk>/file/",
        export_views.ExportDownload.as_view(),
        name="incident_export_download",
    ),
    path("incidents/<int:pk>/", views.IncidentDetail.as_view(), name="incident_detail"),
    path("incidents/<int:pk>/correct/", views.IncidentCorrect.as_view(), name="incident_correct"),
    path("incidents/<int:pk>/triage/", views.IncidentTriage.as_view(), name="incident_triage"),
    path(
        "incidents/<int:pk>/merge/<int:duplicate_pk>/",
        duplicate_views.IncidentMerge.as_view(),
        name="incident_merge",
    ),
    path(
        "incidents/<int:pk>/photos/<int:photo_pk>/<str:size>/",
        views.IncidentPhotoFile.as_view(),
        name="incident_photo",
    ),
    path("incidents/import/", import_views.ImportStart.as_view(), name="incident_import"),
    path(
        "incidents/import/<str:code>/",
        import_views.ImportUpload.as_view(),
        name="incident_import_upload",
    ),
    path("imports/<int:pk>/", import_views.ImportPreview.as_view(), name="incident_import_preview"),
    path(
        "imports/<int:pk>/progress/",
        import_views.ImportProgress.as_view(),
        name="incident_import_progress",
    ),
    path(
        "imports/<int:pk>/confirm/",
        import_views.ImportConfirm.as_view(),
        name="incident_import_confirm",
    ),
    path("categories/", category_views.CategoryList.as_view(), name="category_list"),
    path(
        "categories/<str:code>/new/",
        category_views.CategoryCreate.as_view(),
        name="category_create",
    ),
    path(
        "categories/<int:pk>/retire/",
        category_views.CategoryChange.as_view(retire=True),
        name="category_retire",
    ),
    path(
        "categories/<int:pk>/restore/",
        category_views.CategoryChange.as_view(retire=False),
        name="category_restore",
    ),
]
