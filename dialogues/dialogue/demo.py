"""Demo citizen dialogues for seed_demo: two occasions in Arboga that have taken place, with
attendance, views and the themes' responses (one taken up as a focus area of the pledges, one
passed as a measure), and one coming online occasion. Planned and recorded through the
services as a coordinator would."""

import datetime

from django.contrib.gis.geos import Point
from django.utils import timezone

from est.demo import ARBOGA
from est.models import Organisation, User
from est.periods import local_midnight
from est.projections import WGS84

from ..pledges.models import FocusArea, Pledge
from .models import DialogueOccasion, ThemeResponse
from .responses import theme_response_set
from .services import (
    dialogue_attendance_set,
    dialogue_occasion_create,
    dialogue_occasion_publish,
    dialogue_view_record,
)
from .themes import dialogue_themes

#: (title, format, days ahead (negative: days ago), place, point in WGS 84 or None, partners,
#:  announcement, attendance by group, views as (theme code, what was said, how many))
OCCASIONS = [
    (
        "Medborgardialog på Stora torget",
        DialogueOccasion.Format.STAND,
        -40,
        "Stora torget, vid fontänen",
        (15.8415, 59.3934),
        ["Polisen, lokalpolisområde Köping"],
        "Kom och prata med kommunen och polisen om hur du upplever tryggheten i Arboga. Vi "
        "står vid fontänen under torgdagen, med kaffe.",
        {"young": 6, "adults": 38, "older": 21},
        [
            ("lighting", "Mörkt längs Strandvägen och vid gångtunneln under Ringvägen.", 14),
            ("drugs", "Langning vid busstationen på kvällarna.", 9),
            ("centre", "Otryggt på torget sent på fredagar.", 7),
            ("traffic", "Bilar kör fort på Nygatan.", 3),
        ],
    ),
    (
        "Öppet möte om tryggheten i Ekbacken",
        DialogueOccasion.Format.MEETING,
        -20,
        "Ekbackens centrumbyggnad, samlingslokalen",
        (15.8232, 59.3986),
        ["Arboga Bostäder AB", "Polisen, lokalpolisområde Köping"],
        "Ett öppet möte för alla som bor i Ekbacken: vad gör området tryggt och otryggt?",
        {"adults": 24, "older": 9, "unknown": 4},
        [
            ("lighting", "Trasiga lampor på gångvägen mot skolan.", 8),
            ("youth", "Ungdomarna saknar en träffpunkt på kvällarna.", 6),
            ("drugs", "Oro för narkotika kring parkeringen.", 5),
        ],
    ),
    (
        "Digital medborgardialog",
        DialogueOccasion.Format.ONLINE,
        24,
        "Via Teams; länken finns på kommunens webbplats",
        None,
        [],
        "Säg vad du tycker om tryggheten hemifrån: en timme med kommunen och polisen på nätet.",
        {},
        [],
    ),
]


def _afternoon(days_ahead: int) -> tuple[datetime.datetime, datetime.datetime]:
    start = local_midnight(timezone.localdate() + datetime.timedelta(days=days_ahead))
    start += datetime.timedelta(hours=15)
    return start, start + datetime.timedelta(hours=2)


def _took_place(occasion: DialogueOccasion, days: int) -> None:
    """Move ``occasion`` ``-days`` days into the past, as if announced then and held since:
    the services rightly refuse to announce an occasion that is over."""
    starts_at, ends_at = _afternoon(days)
    DialogueOccasion.objects.filter(pk=occasion.pk).update(
        starts_at=starts_at, ends_at=ends_at, published_at=starts_at - datetime.timedelta(days=21)
    )
    occasion.refresh_from_db()


def _responses_seed(municipality, year: int, coordinator) -> None:
    """Answer the demo's themes: drugs taken up as the 2026 focus area on drugs in the centre,
    lighting passed to the housing company, young people already addressed."""
    themes = {theme.code: theme for theme in dialogue_themes(municipality)}
    if ThemeResponse.objects.filter(theme__municipality=municipality, year=year).exists():
        return
    focus_area = FocusArea.objects.filter(
        pledge__in=Pledge.objects.current().for_municipality(municipality),
        title="Narkotika i centrummiljön",
    ).first()
    if focus_area is not None:
        theme_response_set(
            theme=themes["drugs"],
            year=year,
            by=coordinator,
            kind=ThemeResponse.Kind.FOCUS_AREA,
            reason="Många tog upp narkotika i centrum. Det är nu ett fokusområde i "
            "medborgarlöftena, med polisnärvaro vid busstationen på kvällarna.",
            focus_area=focus_area,
        )
    theme_response_set(
        theme=themes["lighting"],
        year=year,
        by=coordinator,
        kind=ThemeResponse.Kind.MEASURE,
        reason="Arboga Bostäder ser över belysningen på gångvägarna i Ekbacken, där flest "
        "tog upp den.",
        new_measure={
            "title": "Se över belysningen på gångvägarna i Ekbacken",
            "responsible": Organisation.objects.get(name="Arboga Bostäder AB"),
        },
    )
    theme_response_set(
        theme=themes["youth"],
        year=year,
        by=coordinator,
        kind=ThemeResponse.Kind.ADDRESSED,
        reason="Fritidsgården i Ekbacken har sedan i höstas öppet även fredagskvällar.",
    )


def dialogues_seed(municipalities) -> None:
    """Plan, announce and record the demo occasions where they are missing (safe to run
    again)."""
    arboga = next((m for m in municipalities if m.code == ARBOGA), None)
    coordinator = User.objects.filter(username="samordnare").first()
    if arboga is None:
        return
    themes = {theme.code: theme for theme in dialogue_themes(arboga)}
    for title, kind, days, place, lon_lat, partners, text, counts, views in OCCASIONS:
        if DialogueOccasion.objects.filter(municipality=arboga, title=title).exists():
            continue
        starts_at, ends_at = _afternoon(max(days, 1))
        occasion = dialogue_occasion_create(
            municipality=arboga,
            by=coordinator,
            partners=Organisation.objects.filter(name__in=partners),
            title=title,
            format=kind,
            starts_at=starts_at,
            ends_at=ends_at,
            place=place,
            point=Point(*lon_lat, srid=WGS84) if lon_lat else None,
            announcement=text,
        )
        dialogue_occasion_publish(occasion=occasion, by=coordinator)
        if days >= 0:
            continue
        _took_place(occasion, days)
        dialogue_attendance_set(occasion=occasion, by=coordinator, counts=counts, notes="")
        for code, said, raised_by in views:
            dialogue_view_record(
                occasion=occasion,
                by=coordinator,
                theme=themes[code],
                text=said,
                raised_by=raised_by,
            )
    held = DialogueOccasion.objects.filter(municipality=arboga, views__isnull=False).first()
    if held is not None:
        _responses_seed(arboga, timezone.localtime(held.starts_at).year, coordinator)
