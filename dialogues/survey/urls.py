from django.urls import path, re_path

from . import public_views, views

urlpatterns = [
    # The public site, in the Swedish words residents search for.
    path(
        "trygghetsundersokning/",
        public_views.PublicSurveyIndex.as_view(),
        name="public_surveys_index",
    ),
    path(
        "trygghetsundersokning/<municipality:code>/",
        public_views.PublicSurveyList.as_view(),
        name="public_surveys",
    ),
    path(
        "trygghetsundersokning/<municipality:code>/<int:pk>/",
        public_views.PublicSurveyAnswer.as_view(),
        name="public_survey",
    ),
    path(
        "trygghetsundersokning/<municipality:code>/<int:pk>/tack/",
        public_views.PublicSurveyThanks.as_view(),
        name="public_survey_thanks",
    ),
    path(
        "trygghetsundersokning/<municipality:code>/<int:pk>/resultat/",
        public_views.PublicSurveyResults.as_view(),
        name="public_survey_results",
    ),
    # Staff pages.
    path("survey/", views.WaveList.as_view(), name="survey_list"),
    path("survey/<municipality:code>/new/", views.WaveCreate.as_view(), name="survey_create"),
    path("survey/<int:pk>/", views.WaveDetail.as_view(), name="survey_wave"),
    path("survey/<int:pk>/state/", views.WaveStatus.as_view(), name="survey_status"),
    path("survey/<int:pk>/codes/", views.WaveCodes.as_view(), name="survey_codes"),
    re_path(
        r"^survey/(?P<pk>[0-9]+)/results\.(?P<format>csv|xlsx|pdf)$",
        views.WaveExport.as_view(),
        name="survey_export",
    ),
]
