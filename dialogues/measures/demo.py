"""Demo measures for seed_demo, one in every status and one overdue, for the findings of the
Arboga walk that has been held (made by the walks' seeders, which run first). Without such a
walk the measures are made without findings. Made through the services, as a coordinator would;
safe to run again."""

import datetime

from django.utils import timezone

from est.demo import ARBOGA
from est.models import Organisation, User

from ..walks.models import SafetyWalk
from .models import Measure
from .services import measure_create, measure_status_set

STREETS = "Arboga kommun, tekniska förvaltningen"
HOUSING = "Arboga Bostäder AB"

#: (title, organisation, days from today to the due date, status, note or reason)
MEASURES = [
    (
        "Byt de trasiga armaturerna längs gångvägen",
        STREETS,
        -20,
        Measure.Status.DONE,
        "Sex armaturer bytta till LED den 10 november; gångvägen är upplyst hela vägen.",
    ),
    ("Klipp ner buskaget vid busshållplatsen", STREETS, 5, Measure.Status.IN_PROGRESS, ""),
    ("Sanera klottret på miljöhuset", HOUSING, 30, Measure.Status.DECIDED, ""),
    ("Sätt upp fler papperskorgar vid torget", STREETS, 45, Measure.Status.PROPOSED, ""),
    ("Belys gångtunneln under järnvägen", STREETS, -6, Measure.Status.IN_PROGRESS, ""),
    (
        "Sätt upp kameror vid återvinningsstationen",
        HOUSING,
        None,
        Measure.Status.REJECTED,
        "Platsen uppfyller inte kraven för kamerabevakning; bättre belysning prövas först.",
    ),
]


def measures_seed(municipalities) -> None:
    """Make the demo measures in Arboga where there are none yet."""
    arboga = next((m for m in municipalities if m.code == ARBOGA), None)
    if arboga is None or Measure.objects.filter(municipality=arboga).exists():
        return
    coordinator = User.objects.filter(username="samordnare").first()
    today = timezone.localdate()
    held = (
        SafetyWalk.objects.for_municipality(arboga)
        .held(timezone.now())
        .order_by("-starts_at")
        .first()
    )
    findings = list(held.findings.all()) if held else []
    for index, (title, organisation, days, status, text) in enumerate(MEASURES):
        # The findings shared out in turn, so that every finding gets a measure.
        covered = findings[index :: len(MEASURES)] if findings else []
        measure = measure_create(
            municipality=arboga,
            by=coordinator,
            findings=covered,
            title=title,
            description="",
            responsible=Organisation.objects.get(name=organisation),
            contact="gata@arboga.example.se" if organisation == STREETS else "",
            due_on=today + datetime.timedelta(days=days) if days is not None else None,
        )
        if status != Measure.Status.PROPOSED:
            measure_status_set(
                measure=measure,
                by=coordinator,
                status=status,
                rejection_reason=text if status == Measure.Status.REJECTED else "",
                done_note=text if status == Measure.Status.DONE else "",
            )
