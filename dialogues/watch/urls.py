from django.urls import path

from . import public_views, views

urlpatterns = [
    # The public site, in Swedish words residents search for.
    path("grannsamverkan/", public_views.WatchIndex.as_view(), name="public_watch_index"),
    path(
        "grannsamverkan/avsluta/<str:token>/",
        public_views.WatchWithdraw.as_view(),
        name="public_watch_withdraw",
    ),
    path(
        "grannsamverkan/<municipality:code>/", public_views.WatchMap.as_view(), name="public_watch"
    ),
    path(
        "grannsamverkan/<municipality:code>/anmal/",
        public_views.WatchSignup.as_view(),
        name="public_watch_signup",
    ),
    # Staff pages.
    path("watch/", views.WatchGroupList.as_view(), name="watch_group_list"),
    path("watch/<int:pk>/", views.WatchGroupDetail.as_view(), name="watch_group"),
    path("watch/<int:pk>/contacts/", views.WatchContactAdd.as_view(), name="watch_contact_add"),
    path(
        "watch/<int:pk>/contacts/<int:contact_pk>/delete/",
        views.WatchContactRemove.as_view(),
        name="watch_contact_remove",
    ),
    path("watch/<int:pk>/letter/", views.WatchLetterCreate.as_view(), name="watch_letter"),
]
