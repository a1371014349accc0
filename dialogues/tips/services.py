"""Every write to a tip: a resident sends it, the coordinator decides what becomes of it
(recorded as an incident, passed on as a measure, merged with an earlier tip, or closed with a
reason) and whether it is shown on the public map. Each change of status is mailed to a tipper
who left an address, by a task queued once the change is saved.

Each function validates, saves inside a transaction and raises ValidationError with messages by
field.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import Municipality
from est.projections import transformed
from est.rate_limits import rate_limit_hit
from est.uploads import files_removed_on_rollback
from reports.incidents.filing import incident_create, position_outside_error
from reports.incidents.models import Category
from reports.incidents.photos import photo_check

from ..measures.services import measure_create
from ..tasks import mail_tip_status
from .models import Tip
from .photos import tip_photo_hold
from .places.lookup import place_locate
from .public_map import public_map_changed

#: How many tips one sender may send per RATE_WINDOW seconds: a resident walking home and noting
#: several places gets through, a spam run does not.
RATE_LIMIT = 10
RATE_WINDOW = 60 * 60


def _position_errors(municipality: Municipality, position) -> dict[str, str]:
    if position is None:
        return {"position": _("Mark the place on the map, use your position or type it in.")}
    if not municipality.boundary.intersects(position):
        other = Municipality.objects.containing(position).exclude(pk=municipality.pk).first()
        return {"position": position_outside_error(municipality, other)}
    return {}


def tip_submit(
    *,
    municipality: Municipality,
    category: str,
    description: str,
    position,
    sender_key: str,
    place_name: str = "",
    email: str = "",
    photo=None,
    source: str = Tip.Source.FORM,
) -> Tip:
    """Store a resident's tip, waiting for the coordinator; return it.

    ``position`` may be in any SRID; it must lie in ``municipality``. Without it, the place
    is looked up by ``place_name`` (places.lookup.place_locate). ``photo`` is checked from
    its header and held; a worker re-encodes it without EXIF (photos.tip_photo_clean).
    ``sender_key`` names the sender to the rate limit only (est.rate_limits.client_key) and is
    not stored. Raises ValidationError by field, and one
    with code "rate_limited" when the sender has sent too many tips lately.
    """
    errors = {}
    if position is None and place_name.strip():
        try:
            position = place_locate(municipality=municipality, text=place_name)
        except ValidationError as error:
            errors.update(error.message_dict)
    if position is not None and position.srid != municipality.boundary.srid:
        position = transformed(position, municipality.boundary.srid)
    if "place_name" not in errors:
        errors.update(_position_errors(municipality, position))
    if category not in Tip.Category.values:
        errors["category"] = _("Choose what kind of place it is.")
    if not description.strip():
        errors["description"] = _("Describe what makes the place feel unsafe.")
    if photo is not None:
        try:
            photo_check(photo)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    if rate_limit_hit(scope="tip", sender=sender_key, limit=RATE_LIMIT, window=RATE_WINDOW):
        raise ValidationError(
            _("You have sent many tips in a short time. Please try again in an hour."),
            code="rate_limited",
        )
    tip = Tip(
        municipality=municipality,
        category=category,
        description=description.strip(),
        position=position,
        place_name=place_name.strip(),
        email=email.strip(),
        source=source,
    )
    with files_removed_on_rollback():
        if photo is not None:
            tip_photo_hold(tip=tip, upload=photo)
        # The fields' own checks (lengths, choices, the address). Not the queries: the
        # municipality is the one given, the token is 192 random bits, and a new tip meets
        # the status constraints by construction (the database enforces them anyway); they
        # were half of a tip's queries (bench/tips.py).
        tip.full_clean(
            exclude=["photo", "position", "municipality"],
            validate_unique=False,
            validate_constraints=False,
        )
        tip.save()
    return tip


def _locked(tip: Tip) -> Tip:
    return Tip.objects.select_for_update(of=("self",)).select_related("municipality").get(pk=tip.pk)


def _public_map_changed(tip: Tip) -> None:
    """Start a new edition of the public map once the change is saved (a rollback keeps the
    old one). Every change of status counts: the map shows statuses, and a tip unpublished
    just now is still in the kept edition."""
    municipality_id = tip.municipality_id
    transaction.on_commit(lambda: public_map_changed(municipality_id))


def _decided(tip: Tip, status: str, by) -> Tip:
    """Save ``tip`` in ``status`` and queue the tipper's mail once the change is saved."""
    tip.status, tip.decided_by, tip.status_changed_at = status, by, timezone.now()
    tip.save()
    _public_map_changed(tip)
    if tip.email:
        transaction.on_commit(lambda: mail_tip_status.delay(tip.pk))
    return tip


def _undecided(tip: Tip) -> Tip:
    tip = _locked(tip)
    if tip.status != Tip.Status.NEW:
        raise ValidationError(
            _("This tip has already been decided on: %(status)s.")
            % {"status": tip.get_status_display()}
        )
    return tip


@transaction.atomic
def tip_record_as_incident(*, tip: Tip, by, category: Category | None) -> Tip:
    """File an incident (source "tip") at the tip's place, from its description, and link the
    two; return the tip."""
    tip = _undecided(tip)
    tip.incident = incident_create(
        reporter=by,
        municipality=tip.municipality,
        category=category,
        occurred_from=tip.created_at,
        position=tip.position,
        place_name=tip.place_name,
        description=tip.description,
        source="tip",
    )
    return _decided(tip, Tip.Status.RECORDED, by)


@transaction.atomic
def tip_pass_as_measure(*, tip: Tip, by, **measure_fields) -> Tip:
    """Create a measure for the organisation responsible (``measure_fields`` are
    measure_create's: title, responsible, contact, due_on, description) and link the tip to
    it; return the tip."""
    tip = _undecided(tip)
    tip.measure = measure_create(municipality=tip.municipality, by=by, **measure_fields)
    return _decided(tip, Tip.Status.MEASURE, by)


@transaction.atomic
def tip_merge(*, tip: Tip, into: Tip | None, by) -> Tip:
    """Merge ``tip`` into an earlier tip of the same municipality (what becomes of that one
    becomes of this); return the tip."""
    tip = _undecided(tip)
    if into is None or into.pk == tip.pk or into.municipality_id != tip.municipality_id:
        raise ValidationError({"into": _("Choose another tip of the same municipality.")})
    if into.status == Tip.Status.MERGED:
        raise ValidationError({"into": _("That tip is itself merged. Choose the one it is in.")})
    tip.merged_into = into
    return _decided(tip, Tip.Status.MERGED, by)


@transaction.atomic
def tip_close(*, tip: Tip, by, reason: str) -> Tip:
    """Close ``tip`` with a reason the tipper will read; return it."""
    tip = _undecided(tip)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the tip is closed. The tipper reads it.")})
    tip.close_reason = reason.strip()
    return _decided(tip, Tip.Status.CLOSED, by)


@transaction.atomic
def tip_publish(*, tip: Tip, by, published: bool) -> Tip:
    """Show ``tip`` on the public map, or take it off; return it. A merged tip is never shown:
    the tip it is merged into stands for it."""
    tip = _locked(tip)
    if published and tip.status == Tip.Status.MERGED:
        raise ValidationError(_("A merged tip is shown through the tip it is merged into."))
    tip.published = published
    tip.save(update_fields=["published", "updated_at"])
    _public_map_changed(tip)
    return tip
