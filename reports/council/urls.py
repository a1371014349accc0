from django.urls import path

from reports.council import views

urlpatterns = [
    path(
        "tertial/<int:pk>/priorities/new/", views.PriorityCreate.as_view(), name="priority_create"
    ),
    path("priorities/<int:pk>/delete/", views.PriorityDelete.as_view(), name="priority_delete"),
]
