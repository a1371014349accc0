"""Demo tips for seed_demo: in Arboga and Kungsör, in every status (new, recorded as an incident,
passed on as a measure, merged, closed), some shown on the public map. Sent and decided through
the services, as residents and the coordinator would; safe to run again."""

import uuid

from est.demo import ARBOGA, KUNGSOR
from est.models import Organisation, User
from reports.incidents.filing import point_from_lat_lon
from reports.incidents.models import Category

from .models import Tip
from .services import (
    tip_close,
    tip_merge,
    tip_pass_as_measure,
    tip_publish,
    tip_record_as_incident,
    tip_submit,
)

#: (municipality, category, latitude, longitude, place, description, decision, published)
TIPS = [
    (
        ARBOGA,
        "dark_path",
        59.3952,
        15.8318,
        "Gångvägen bakom Ekbacksskolan",
        "Helt mörkt på kvällarna, lamporna längs halva sträckan lyser inte.",
        "measure",
        True,
    ),
    (
        ARBOGA,
        "dark_path",
        59.3954,
        15.8322,
        "Ekbacksskolan",
        "Mörk gångväg vid skolan, känns otäckt att gå hem här.",
        "merge",
        False,
    ),
    (
        ARBOGA,
        "vandalism",
        59.3931,
        15.8412,
        "Busskuren vid Nygatan",
        "Krossat glas i busskuren igen, tredje gången i månaden.",
        "incident",
        True,
    ),
    (
        ARBOGA,
        "bushes",
        59.3890,
        15.8545,
        "Nyby, cykelvägen mot centrum",
        "Buskarna har växt över cykelvägen så man inte ser vem som kommer.",
        "new",
        False,
    ),
    (
        ARBOGA,
        "traffic",
        59.3925,
        15.8390,
        "Övergångsstället vid torget",
        "Bilarna kör fort förbi övergångsstället när barnen går till skolan.",
        "close",
        True,
    ),
    (
        KUNGSOR,
        "gathering",
        59.4222,
        16.0975,
        "Centrum, vid järnvägsstationen",
        "Grupper samlas kvällstid och stämningen känns hotfull.",
        "incident",
        True,
    ),
    (
        KUNGSOR,
        "lighting",
        59.4185,
        16.1070,
        "Kungsudden, gångbron",
        "Belysningen på gångbron är trasig sedan flera veckor.",
        "new",
        False,
    ),
]
CLOSE_REASON = (
    "Vägen är Trafikverkets; vi har skickat tipset vidare till dem och följer upp vid nästa "
    "trafikmöte."
)


def _decide(tip, decision, coordinator, earlier):
    municipality = tip.municipality
    if decision == "incident":
        category = Category.objects.filter(municipality=municipality, retired=False).first()
        tip_record_as_incident(tip=tip, by=coordinator, category=category)
    elif decision == "measure":
        responsible = Organisation.objects.filter(
            municipalities=municipality, name__icontains="utbildning"
        ).first()
        tip_pass_as_measure(
            tip=tip,
            by=coordinator,
            title="Laga belysningen längs gångvägen",
            responsible=responsible,
        )
    elif decision == "merge":
        tip_merge(tip=tip, into=earlier, by=coordinator)
    elif decision == "close":
        tip_close(tip=tip, by=coordinator, reason=CLOSE_REASON)


def tips_seed(municipalities) -> None:
    """Send and decide the demo tips in Arboga and Kungsör where there are none yet."""
    coordinator = User.objects.filter(username="samordnare").first()
    for municipality in municipalities:
        if municipality.code not in (ARBOGA, KUNGSOR) or municipality.tips.exists():
            continue
        earlier = None
        for code, category, lat, lon, place, text, decision, published in TIPS:
            if code != municipality.code:
                continue
            tip = tip_submit(
                municipality=municipality,
                category=category,
                description=text,
                position=point_from_lat_lon(lat, lon),
                place_name=place,
                # A sender of its own each time: the rate limit counts in Redis across
                # databases, so seeding again within the hour (a benchmark's database, a second
                # `make run`) would otherwise be refused.
                sender_key=f"demo:{uuid.uuid4()}",
            )
            _decide(tip, decision, coordinator, earlier)
            if published:
                tip_publish(tip=Tip.objects.get(pk=tip.pk), by=coordinator, published=True)
            earlier = earlier or tip
