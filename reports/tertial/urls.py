from django.urls import path

from reports.tertial import views

urlpatterns = [
    path("", views.TertialList.as_view(), name="tertial_list"),
    path("<int:pk>/", views.TertialDetail.as_view(), name="tertial_detail"),
    path("<int:pk>/pdf/", views.TertialPdf.as_view(), name="tertial_pdf"),
    path("<int:pk>/pdf/status/", views.TertialRenderStatus.as_view(), name="tertial_pdf_status"),
    path("<int:pk>/geopackage/", views.TertialGeoPackage.as_view(), name="tertial_geopackage"),
    path("<int:pk>/edit/", views.TertialEdit.as_view(), name="tertial_edit"),
    *[
        path(f"<int:pk>/{step}/", views.TertialStep.as_view(step=step), name=f"tertial_{step}")
        for step in views.STEPS
    ],
]
