"""The demo's survey: Arboga's two waves with their answers, seeded once however often
seed_demo runs, and this year's compared with last year's."""

from dialogues.survey.demo import survey_seed
from dialogues.survey.models import SurveyWave


def test_the_demo_seeds_two_waves_to_compare_once(client, arboga, kungsor):
    survey_seed([arboga, kungsor])
    survey_seed([arboga, kungsor])
    waves = SurveyWave.objects.order_by("opens_on")
    assert [(w.status, w.responses.count()) for w in waves] == [("closed", 250), ("open", 300)]
    page = client.get(f"/trygghetsundersokning/1984/{waves[1].pk}/resultat/").content.decode()
    assert "300 svar." in page
    assert "Förändringen räknas från förra undersökningen" in page
