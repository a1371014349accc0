"""The dialogues features' pages; each feature keeps its own URLs."""

from django.urls import include, path

urlpatterns = [
    path("", include("dialogues.pledges.urls")),
    path("", include("dialogues.walks.urls")),
    path("", include("dialogues.measures.urls")),
    path("", include("dialogues.survey.urls")),
    path("", include("dialogues.dialogue.urls")),
    path("", include("dialogues.tips.urls")),
    path("", include("dialogues.tips.open311.urls")),
    path("", include("dialogues.watch.urls")),
]
