"""The survey's API: the waves the caller may see, and each wave's results as aggregates with
the same small groups hidden as on the pages (never a response)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from est.access import HasPermission
from est.api import error_responses, read_only_schema

from ..permissions import SURVEY_VIEW
from .models import SurveyWave
from .results import wave_results


class WaveSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = SurveyWave
        fields = ["id", "municipality", "title", "questions", "opens_on", "closes_on", "status"]


class ShareSerializer(serializers.Serializer):
    option = serializers.CharField()
    count = serializers.IntegerField(allow_null=True, help_text="Null when hidden.")
    share = serializers.FloatField(allow_null=True)
    low = serializers.FloatField(allow_null=True, help_text="Wilson 95 % interval.")
    high = serializers.FloatField(allow_null=True)
    change = serializers.FloatField(allow_null=True, help_text="From the previous wave.")
    p_value = serializers.FloatField(allow_null=True)


class GroupSerializer(serializers.Serializer):
    grouping = serializers.CharField()
    label = serializers.CharField()
    respondents = serializers.IntegerField(allow_null=True, help_text="Null when hidden.")
    shares = ShareSerializer(many=True, allow_null=True)


class QuestionResultSerializer(serializers.Serializer):
    question = serializers.CharField()
    groups = GroupSerializer(many=True)


class ResultsSerializer(serializers.Serializer):
    wave = serializers.IntegerField()
    previous_wave = serializers.IntegerField(allow_null=True)
    minimum = serializers.IntegerField(help_text="No figure rests on fewer responses.")
    respondents = serializers.IntegerField(allow_null=True, help_text="Null when hidden.")
    questions = QuestionResultSerializer(many=True)


def _results_data(wave: SurveyWave) -> dict:
    results = wave_results(wave)
    return {
        "wave": wave.pk,
        "previous_wave": results.previous.pk if results.previous else None,
        "minimum": results.minimum,
        "respondents": results.respondents,
        "questions": [
            {
                "question": result.question.key,
                "groups": [
                    {
                        "grouping": grouping,
                        "label": group.label,
                        "respondents": group.respondents,
                        "shares": group.shares,
                    }
                    for grouping, _label, groups in result.breakdowns
                    for group in groups
                ],
            }
            for result in results.questions
        ],
    }


@extend_schema_view(
    **read_only_schema(WaveSerializer),
    results=extend_schema(responses={200: ResultsSerializer, **error_responses(403, 404)}),
)
class WaveViewSet(viewsets.ReadOnlyModelViewSet):
    """Survey waves of the caller's municipalities, newest first; …/results/ gives a wave's
    shares per answer and group, the groups and answers under the minimum hidden."""

    serializer_class = WaveSerializer
    permission_classes = [HasPermission]
    permission = SURVEY_VIEW

    def get_queryset(self):
        return SurveyWave.objects.for_user(self.request.user).select_related("municipality")

    @action(detail=True)
    def results(self, request, pk=None):
        return Response(ResultsSerializer(_results_data(self.get_object())).data)
