from django.urls import path

from . import views

urlpatterns = [
    path("measures/", views.MeasureList.as_view(), name="measure_list"),
    path("measures/<int:pk>/", views.MeasureDetail.as_view(), name="measure_detail"),
    path("measures/<int:pk>/edit/", views.MeasureUpdate.as_view(), name="measure_update"),
    path("measures/<int:pk>/status/", views.MeasureStatus.as_view(), name="measure_status"),
    path("measures/<int:pk>/photo/", views.measure_photo, name="measure_photo"),
    path("walks/<int:pk>/measures/new/", views.MeasureCreate.as_view(), name="measure_create"),
]
