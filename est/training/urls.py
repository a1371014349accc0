from django.urls import path

from . import views

urlpatterns = [
    path("", views.TrainingOverview.as_view(), name="training_overview"),
    path(
        "<municipality:code>/new/",
        views.TrainingSessionCreate.as_view(),
        name="training_session_create",
    ),
]
