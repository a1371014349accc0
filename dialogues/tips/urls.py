from django.urls import path

from . import public_views, views

urlpatterns = [
    # The public site, in Swedish words residents search for.
    path("otrygga-platser/", public_views.TipIndex.as_view(), name="public_tip_index"),
    path(
        "otrygga-platser/status/<str:token>/",
        public_views.TipStatus.as_view(),
        name="public_tip_status",
    ),
    path("otrygga-platser/<municipality:code>/", public_views.TipMap.as_view(), name="public_tips"),
    path(
        "otrygga-platser/<municipality:code>/tipsa/",
        public_views.TipCreate.as_view(),
        name="public_tip_create",
    ),
    path(
        "otrygga-platser/<municipality:code>/tips.geojson",
        public_views.tips_geojson,
        name="public_tips_geojson",
    ),
    path(
        "otrygga-platser/<municipality:code>/platser/",
        public_views.place_suggestions,
        name="public_tip_places",
    ),
    # Staff pages.
    path("tips/", views.TipQueue.as_view(), name="tip_queue"),
    path("tips/<int:pk>/", views.TipDetail.as_view(), name="tip_detail"),
    path("tips/<int:pk>/photo/", views.TipPhoto.as_view(), name="tip_photo"),
    path("tips/<int:pk>/publish/", views.TipPublish.as_view(), name="tip_publish"),
    path("tips/<int:pk>/<slug:decision>/", views.TipDecide.as_view(), name="tip_decide"),
]
