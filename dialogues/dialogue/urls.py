from django.urls import path

from . import public_views, theme_views, views

urlpatterns = [
    # The public site, in Swedish words residents search for.
    path("evenemang/", public_views.PublicEventIndex.as_view(), name="public_event_index"),
    path(
        "evenemang/<municipality:code>/",
        public_views.PublicEventCalendar.as_view(),
        name="public_events",
    ),
    path(
        "evenemang/<municipality:code>/kalender.ics",
        public_views.public_event_calendar,
        name="public_event_calendar",
    ),
    path(
        "medborgardialoger/<municipality:code>/",
        public_views.PublicDialogueYear.as_view(),
        name="public_dialogues",
    ),
    path(
        "medborgardialoger/<municipality:code>/<int:year>/",
        public_views.PublicDialogueYear.as_view(),
        name="public_dialogue_year",
    ),
    path(
        "medborgardialoger/<municipality:code>/tillfallen/<int:pk>/",
        public_views.PublicOccasion.as_view(),
        name="public_occasion",
    ),
    # Staff pages.
    path("dialogues/", views.OccasionList.as_view(), name="occasion_list"),
    path(
        "dialogues/<municipality:code>/new/", views.OccasionCreate.as_view(), name="occasion_create"
    ),
    path("dialogues/<int:pk>/", views.OccasionDetail.as_view(), name="occasion_detail"),
    path("dialogues/<int:pk>/edit/", views.OccasionUpdate.as_view(), name="occasion_update"),
    path("dialogues/<int:pk>/announce/", views.OccasionPublish.as_view(), name="occasion_publish"),
    path("dialogues/<int:pk>/cancel/", views.OccasionCancel.as_view(), name="occasion_cancel"),
    path(
        "dialogues/<int:pk>/views/<int:view>/delete/",
        views.ViewDelete.as_view(),
        name="dialogue_view_delete",
    ),
    path(
        "dialogues/<municipality:code>/themes/",
        theme_views.ThemeList.as_view(),
        name="dialogue_themes",
    ),
    path(
        "dialogues/<municipality:code>/responses/<int:year>/",
        theme_views.ThemeResponses.as_view(),
        name="theme_responses",
    ),
]
