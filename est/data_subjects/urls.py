from django.urls import path

from . import views

urlpatterns = [
    path("", views.DataSubjectRequestList.as_view(), name="data_subject_request_list"),
    path("<int:pk>/", views.DataSubjectRequestUpdate.as_view(), name="data_subject_request"),
    path("<int:pk>/extract/", views.DataSubjectExtract.as_view(), name="data_subject_extract"),
    path("<int:pk>/erase/", views.DataSubjectErase.as_view(), name="data_subject_erase"),
]
