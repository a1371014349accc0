"""Demo pledges for Arboga and Kungsör: 2025 followed up, 2026 published and under way, made
through the same functions the staff pages call (their text is in ``demo_data``)."""

import datetime

from django.db import transaction
from django.utils import timezone

from est.models import Area, User
from reports.incidents.models import Category

from .agreements import commitment_save
from .demo_data import AGREEMENTS, ARBOGA, COMMENTS, COMMITMENTS, PLEDGES
from .models import Activity, CooperationAgreement, Pledge
from .services import (
    activity_create,
    activity_progress_add,
    focus_area_create,
    pledge_create,
    pledge_follow_up,
    pledge_publish,
)


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


@transaction.atomic
def pledges_seed(municipalities) -> None:
    """Create the demo pledges, their progress and a few comments where they are missing."""
    by_code = {municipality.code: municipality for municipality in municipalities}
    coordinator = User.objects.filter(username="samordnare").first()
    police = User.objects.filter(username="polis").first()
    today = timezone.localdate()
    for code, (title, signed_on, valid_until, summary) in AGREEMENTS.items():
        CooperationAgreement.objects.get_or_create(
            municipality=by_code[code],
            title=title,
            defaults={"signed_on": signed_on, "valid_until": valid_until, "summary": summary},
        )
    arboga_agreement = CooperationAgreement.objects.filter(municipality=by_code[ARBOGA]).first()
    if arboga_agreement and not arboga_agreement.commitments.exists():
        for party, what, due_on, status in COMMITMENTS:
            commitment_save(
                agreement=arboga_agreement,
                by=coordinator,
                party=party,
                what=what,
                due_on=due_on,
                status=status,
            )
    for code, year, published_on, introduction, follow_up, focus_areas in PLEDGES:
        municipality = by_code[code]
        if Pledge.objects.for_municipality(municipality).filter(year=year).exists():
            continue
        pledge = pledge_create(
            municipality=municipality,
            year=year,
            introduction=introduction,
            agreement=CooperationAgreement.objects.filter(municipality=municipality).first(),
            by=coordinator,
        )
        for title, reason, categories, area_names, activities in focus_areas:
            focus_area = focus_area_create(
                pledge=pledge,
                title=title,
                reason=reason,
                categories=Category.objects.for_municipality(municipality).filter(
                    code__in=categories
                ),
                areas=Area.objects.for_municipality(municipality).filter(name__in=area_names),
            )
            for what, who, partner, starts, ends, target, _updates in activities:
                activity_create(
                    focus_area=focus_area,
                    description=what,
                    responsible=who,
                    partner=partner,
                    starts_on=starts,
                    ends_on=ends,
                    target=target,
                )
        pledge_publish(pledge=pledge, by=coordinator)
        activities = Activity.objects.filter(focus_area__pledge=pledge)
        for (_, _, _, _, planned), focus_area in zip(
            focus_areas, pledge.focus_areas.all(), strict=True
        ):
            for (*_, updates), activity in zip(
                planned, activities.filter(focus_area=focus_area), strict=True
            ):
                for day, text, status in updates:
                    if day <= today:
                        activity_progress_add(
                            activity=activity, on=day, text=text, status=status, by=police
                        )
        if follow_up:
            pledge_follow_up(pledge=pledge, text=follow_up, by=coordinator)
        # The demo tells a story over two years: date it as it would have happened.
        Pledge.objects.filter(pk=pledge.pk).update(
            published_at=_at(published_on),
            followed_up_on=datetime.date(year + 1, 1, 28) if follow_up else None,
        )
    for code, year, name, body, reply in COMMENTS:
        pledge = Pledge.objects.current().get(municipality=by_code[code], year=year)
        comment, created = pledge.comments.get_or_create(display_name=name, body=body)
        if created and reply is not None:
            comment.status = comment.Status.APPROVED
            comment.reply = reply
            comment.moderated_by = coordinator
            comment.moderated_at = timezone.now()
            comment.save()
