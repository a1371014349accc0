"""Writing citizen pledges: drafting, publishing, progress, follow-up and corrections.

A draft is edited by the coordinator and the police together. Publishing freezes the text: after
that only progress updates (dated, append-only) and the year's follow-up are added, and a
correction is a new version that supersedes the published one.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import Area, Municipality
from est.uploads import file_stored, files_removed_on_rollback
from reports.incidents.models import Category

from .attachments import attachment_clean
from .models import Activity, CooperationAgreement, FocusArea, Pledge, ProgressUpdate


def _require_draft(pledge: Pledge) -> None:
    """Raise ValidationError unless ``pledge`` is a draft: published text is frozen."""
    if not pledge.is_draft:
        raise ValidationError(
            _("The pledge is published and cannot be changed. Make a correction instead.")
        )


def _agreement_clean(municipality: Municipality, agreement: CooperationAgreement | None):
    if agreement is not None and agreement.municipality_id != municipality.pk:
        raise ValidationError({"agreement": _("The agreement belongs to another municipality.")})
    return agreement


@transaction.atomic
def pledge_create(
    *,
    municipality: Municipality,
    year: int,
    introduction: str = "",
    agreement: CooperationAgreement | None = None,
    by,
) -> Pledge:
    """Create and return the draft pledge of ``municipality`` for ``year``.

    Raises ValidationError when the year already has a pledge: it is corrected, not replaced.
    """
    if Pledge.objects.for_municipality(municipality).filter(year=year).exists():
        raise ValidationError(
            {
                "year": _("%(municipality)s already has pledges for %(year)s.")
                % {"municipality": municipality.name, "year": year}
            }
        )
    pledge = Pledge(
        municipality=municipality,
        year=year,
        introduction=introduction.strip(),
        agreement=_agreement_clean(municipality, agreement),
        created_by=by,
    )
    pledge.full_clean()
    pledge.save()
    return pledge


@transaction.atomic
def pledge_update(
    *,
    pledge: Pledge,
    introduction: str,
    agreement: CooperationAgreement | None = None,
    correction_note: str | None = None,
    follow_up: str | None = None,
) -> Pledge:
    """Change a draft's introduction and agreement (and, for a correction, its notes)."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    _require_draft(pledge)
    pledge.introduction = introduction.strip()
    pledge.agreement = _agreement_clean(pledge.municipality, agreement)
    if correction_note is not None:
        pledge.correction_note = correction_note.strip()
    if follow_up is not None:
        pledge.follow_up = follow_up.strip()
    pledge.full_clean()
    pledge.save()
    return pledge


def _areas_clean(pledge: Pledge, areas) -> list[Area]:
    areas = list(areas or [])
    if any(area.municipality_id != pledge.municipality_id for area in areas):
        raise ValidationError({"areas": _("Choose areas of the pledge's municipality.")})
    return areas


def _walks_clean(pledge: Pledge, walks) -> list:
    walks = list(walks or [])
    if any(walk.municipality_id != pledge.municipality_id for walk in walks):
        raise ValidationError({"walks": _("Choose walks of the pledge's municipality.")})
    return walks


def _categories_clean(pledge: Pledge, categories) -> list[Category]:
    """Return ``categories`` when all are the pledge's municipality's own; else raise."""
    categories = list(categories or [])
    if any(category.municipality_id != pledge.municipality_id for category in categories):
        raise ValidationError(
            {"categories": _("Choose incident categories of the pledge's municipality.")}
        )
    return categories


@transaction.atomic
def focus_area_create(
    *, pledge: Pledge, title: str, reason: str, categories=(), areas=(), walks=()
) -> FocusArea:
    """Add a focus area at the end of a draft pledge and return it."""
    _require_draft(pledge)
    focus_area = FocusArea(
        pledge=pledge,
        position=pledge.focus_areas.count() + 1,
        title=title.strip(),
        reason=reason.strip(),
    )
    focus_area.full_clean()
    focus_area.save()
    focus_area.areas.set(_areas_clean(pledge, areas))
    focus_area.categories.set(_categories_clean(pledge, categories))
    focus_area.walks.set(_walks_clean(pledge, walks))
    return focus_area


@transaction.atomic
def focus_area_update(
    *,
    focus_area: FocusArea,
    title: str,
    reason: str,
    categories=(),
    areas=(),
    walks=(),
) -> FocusArea:
    """Change a focus area of a draft pledge and return it."""
    _require_draft(focus_area.pledge)
    focus_area.title = title.strip()
    focus_area.reason = reason.strip()
    focus_area.full_clean()
    focus_area.save()
    focus_area.areas.set(_areas_clean(focus_area.pledge, areas))
    focus_area.categories.set(_categories_clean(focus_area.pledge, categories))
    focus_area.walks.set(_walks_clean(focus_area.pledge, walks))
    return focus_area


@transaction.atomic
def focus_area_delete(*, focus_area: FocusArea) -> None:
    """Remove a focus area, with its activities, from a draft pledge."""
    _require_draft(focus_area.pledge)
    focus_area.delete()


def _activity_fill(activity: Activity, fields: dict) -> Activity:
    for name in ("description", "responsible", "partner", "starts_on", "ends_on", "target"):
        value = fields.get(name)
        if isinstance(value, str):
            value = value.strip()
        setattr(activity, name, value if value is not None else getattr(activity, name))
    if activity.starts_on and activity.ends_on and activity.ends_on < activity.starts_on:
        raise ValidationError({"ends_on": _("The activity cannot end before it starts.")})
    if activity.responsible == Activity.Responsible.PARTNER and not activity.partner:
        raise ValidationError({"partner": _("Name the partner who is responsible.")})
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def activity_create(*, focus_area: FocusArea, **fields) -> Activity:
    """Add an activity at the end of a draft's focus area and return it.

    ``fields``: description, responsible, partner, starts_on, ends_on, target.
    """
    _require_draft(focus_area.pledge)
    activity = Activity(focus_area=focus_area, position=focus_area.activities.count() + 1)
    return _activity_fill(activity, fields)


@transaction.atomic
def activity_update(*, activity: Activity, **fields) -> Activity:
    """Change an activity of a draft pledge and return it."""
    _require_draft(activity.focus_area.pledge)
    return _activity_fill(activity, fields)


@transaction.atomic
def activity_delete(*, activity: Activity) -> None:
    """Remove an activity from a draft pledge."""
    _require_draft(activity.focus_area.pledge)
    activity.delete()


def _is_current(pledge: Pledge) -> bool:
    return Pledge.objects.current().filter(pk=pledge.pk).exists()


def activity_progress_add(
    *,
    activity: Activity,
    on: datetime.date,
    text: str,
    status: str,
    attachment=None,
    by,
) -> ProgressUpdate:
    """Record what happened in ``activity`` on ``on``, set its status, return the update.

    Only the current published version of a pledge takes progress: drafts have nothing to
    report yet, and a followed-up or corrected version is closed.
    """
    with files_removed_on_rollback():
        pledge = Pledge.objects.select_for_update().get(pk=activity.focus_area.pledge_id)
        if pledge.status != Pledge.Status.PUBLISHED or not _is_current(pledge):
            raise ValidationError(
                _("Progress is reported on the current published pledges, not on this version.")
            )
        if on > timezone.localdate():
            raise ValidationError({"on": _("Report what has happened: the date cannot be ahead.")})
        update = ProgressUpdate(
            activity=activity,
            on=on,
            text=text.strip(),
            status=status,
            attachment=attachment_clean(attachment) or "",
            created_by=by,
        )
        update.full_clean()
        update.save()
        if update.attachment:
            # Written by save(): a rollback after it must not leave a file no row names.
            file_stored(update.attachment)
        if activity.status != status:
            activity.status = status
            activity.status_changed_on = on
            activity.save(update_fields=["status", "status_changed_on"])
        return update


@transaction.atomic
def pledge_publish(*, pledge: Pledge, by) -> Pledge:
    """Publish a draft and return it; from now on its text is frozen.

    A correction takes over the progress reported on the version it supersedes, and its
    follow-up state. Raises ValidationError for an incomplete draft.
    """
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    _require_draft(pledge)
    focus_areas = list(pledge.focus_areas.prefetch_related("activities"))
    if not focus_areas:
        raise ValidationError(_("Add at least one focus area before publishing."))
    empty = [area.title for area in focus_areas if not area.activities.all()]
    if empty:
        raise ValidationError(
            _("Every focus area needs an activity. Missing in: %(titles)s")
            % {"titles": ", ".join(empty)}
        )
    previous = pledge.supersedes
    if previous is not None:
        if not _is_current(previous):
            raise ValidationError(_("The version this corrects has already been replaced."))
        _progress_carry_over(pledge)
        if previous.status == Pledge.Status.FOLLOWED_UP:
            pledge.status = Pledge.Status.FOLLOWED_UP
            pledge.followed_up_on = previous.followed_up_on
    if pledge.status == Pledge.Status.DRAFT:
        pledge.status = Pledge.Status.PUBLISHED
    pledge.published_at = timezone.now()
    pledge.published_by = by
    pledge.save()
    return pledge


def _progress_carry_over(pledge: Pledge) -> None:
    """Copy the progress of the superseded version's activities onto their copies in ``pledge``.

    Done at publishing, not when the correction is drafted, so that progress reported while the
    correction was being written is not lost.
    """
    activities = Activity.objects.filter(focus_area__pledge=pledge, copied_from__isnull=False)
    for activity in activities.select_related("copied_from"):
        original = activity.copied_from
        activity.status = original.status
        activity.status_changed_on = original.status_changed_on
        activity.save(update_fields=["status", "status_changed_on"])
        ProgressUpdate.objects.bulk_create(
            ProgressUpdate(
                activity=activity,
                on=update.on,
                text=update.text,
                status=update.status,
                attachment=update.attachment.name,
                created_by=update.created_by,
            )
            for update in original.updates.all()
        )


@transaction.atomic
def pledge_follow_up(*, pledge: Pledge, text: str, by) -> Pledge:
    """Close the year: store the follow-up of what was done and return the pledge."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if pledge.status != Pledge.Status.PUBLISHED or not _is_current(pledge):
        raise ValidationError(_("Only the current published pledges can be followed up."))
    if not text.strip():
        raise ValidationError({"follow_up": _("Write what was done during the year.")})
    pledge.follow_up = text.strip()
    pledge.status = Pledge.Status.FOLLOWED_UP
    pledge.followed_up_on = timezone.localdate()
    pledge.save()
    return pledge


@transaction.atomic
def pledge_correct(*, pledge: Pledge, note: str, by) -> Pledge:
    """Start a correction of a published pledge: return a new draft version copied from it.

    The published version stays as it is until the correction is published.
    """
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if not pledge.is_public or not _is_current(pledge):
        raise ValidationError(_("Only the current published version can be corrected."))
    if Pledge.objects.for_municipality(pledge.municipality).filter(year=pledge.year).drafts():
        raise ValidationError(_("A correction of these pledges is already being drafted."))
    if not note.strip():
        raise ValidationError({"note": _("Say what is corrected: residents will read it.")})
    correction = Pledge.objects.create(
        municipality=pledge.municipality,
        year=pledge.year,
        version=pledge.version + 1,
        supersedes=pledge,
        agreement=pledge.agreement,
        introduction=pledge.introduction,
        follow_up=pledge.follow_up,
        correction_note=note.strip(),
        created_by=by,
    )
    for focus_area in pledge.focus_areas.prefetch_related("areas", "categories", "activities"):
        copy = FocusArea.objects.create(
            pledge=correction,
            position=focus_area.position,
            title=focus_area.title,
            reason=focus_area.reason,
        )
        copy.areas.set(focus_area.areas.all())
        copy.categories.set(focus_area.categories.all())
        Activity.objects.bulk_create(
            Activity(
                focus_area=copy,
                position=activity.position,
                description=activity.description,
                responsible=activity.responsible,
                partner=activity.partner,
                starts_on=activity.starts_on,
                ends_on=activity.ends_on,
                target=activity.target,
                status=activity.status,
                status_changed_on=activity.status_changed_on,
                copied_from=activity,
            )
            for activity in focus_area.activities.all()
        )
    return correction


@transaction.atomic
def pledge_discard(*, pledge: Pledge) -> None:
    """Delete a draft (a new pledge never published, or an abandoned correction)."""
    _require_draft(pledge)
    pledge.delete()
