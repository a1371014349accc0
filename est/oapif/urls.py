"""The service's routes; est.urls mounts them twice: the staff service and the open data."""

from django.urls import path

from . import views


def service_urls(*, public: bool) -> list:
    """Return the routes of the staff service, or with ``public`` of the open-data service."""
    return [
        path("", views.Landing.as_view(public=public), name="landing"),
        path("conformance", views.Conformance.as_view(public=public), name="conformance"),
        path("collections", views.CollectionList.as_view(public=public), name="collections"),
        path(
            "collections/<str:collection_id>",
            views.CollectionDetail.as_view(public=public),
            name="collection",
        ),
        path(
            "collections/<str:collection_id>/items",
            views.Items.as_view(public=public),
            name="items",
        ),
        path(
            "collections/<str:collection_id>/items/<str:feature_id>",
            views.Item.as_view(public=public),
            name="item",
        ),
    ]
