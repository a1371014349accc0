"""Every write of the survey: composing and opening a wave, the invitation codes, and a
resident's anonymous response."""

import secrets
import uuid
from datetime import date

from django.conf import settings
from django.contrib.gis.geos import MultiPoint, Point
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from est.models import Area, Municipality
from est.rate_limits import rate_limit_hit

from . import bank
from .models import InvitationCode, SurveyResponse, SurveyWave

#: The invitation codes' letters: no 0/O or 1/I/L for a resident to mix up.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
#: How many answers one client address may send per hour: a family or a school class behind
#: one address gets through, a stuffing run does not.
RATE_WINDOW = 60 * 60
UNREADABLE = gettext_lazy("The answer could not be read. Please reload the form and try again.")
RECEIVED = gettext_lazy("Your answer has already been received. Thank you!")


@transaction.atomic
def survey_wave_create(
    *,
    municipality: Municipality,
    title: str,
    questions,
    opens_on: date,
    closes_on: date,
    requires_code: bool = False,
) -> SurveyWave:
    """Create a draft wave of the survey with the bank's ``questions`` (keys); return it."""
    unknown = set(questions) - set(bank.BY_KEY)
    if unknown or not questions:
        raise ValidationError({"questions": _("Choose at least one question of the bank.")})
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("The survey cannot close before it opens.")})
    wave = SurveyWave(
        municipality=municipality,
        title=title.strip(),
        questions=[key for key in bank.DEFAULT_KEYS if key in set(questions)],
        opens_on=opens_on,
        closes_on=closes_on,
        requires_code=requires_code,
    )
    wave.full_clean()
    wave.save()
    return wave


@transaction.atomic
def survey_wave_status_set(*, wave: SurveyWave, status: str) -> SurveyWave:
    """Open a draft wave to residents, or close an open one; return it."""
    allowed = {SurveyWave.Status.OPEN: SurveyWave.Status.DRAFT}
    allowed[SurveyWave.Status.CLOSED] = SurveyWave.Status.OPEN
    if allowed.get(status) != wave.status:
        raise ValidationError(_("The survey cannot go to that state from where it is."))
    wave.status = status
    wave.save(update_fields=["status"])
    return wave


@transaction.atomic
def invitation_codes_create(*, wave: SurveyWave, count: int) -> list[str]:
    """Create ``count`` new one-time codes for ``wave``'s postal invitations; return them."""
    if not 1 <= count <= 50_000:
        raise ValidationError(_("Make between 1 and 50,000 codes at a time."))
    codes = {
        "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH)) for _i in range(count)
    }
    taken = set(
        InvitationCode.objects.filter(wave=wave, code__in=codes).values_list("code", flat=True)
    )
    fresh = sorted(codes - taken)
    InvitationCode.objects.bulk_create(InvitationCode(wave=wave, code=code) for code in fresh)
    return fresh


def _cleaned_answers(wave: SurveyWave, answers: dict) -> dict[str, list[str]]:
    malformed = ValidationError(UNREADABLE, code="malformed")
    if not isinstance(answers, dict):
        raise malformed
    cleaned = {}
    for key, given in answers.items():
        question = bank.BY_KEY.get(key)
        if question is None or key not in wave.questions or question.kind == bank.PLACES:
            raise malformed
        if isinstance(given, str):
            given = [given] if given else []
        if not isinstance(given, list) or not all(isinstance(option, str) for option in given):
            raise malformed
        if question.kind == bank.SINGLE and len(given) > 1:
            raise malformed
        if set(given) - set(question.option_keys):
            raise malformed
        if given:
            cleaned[key] = sorted(set(given))
    return cleaned


def _places(wave: SurveyWave, places) -> MultiPoint | None:
    if not places:
        return None
    if "avoided_places" not in wave.questions or len(places) > bank.MAX_PLACES:
        raise ValidationError({"places": _("Mark at most five places.")}, code="malformed")
    try:
        points = [Point(float(lng), float(lat), srid=settings.MAP_SRID) for lat, lng in places]
    except (TypeError, ValueError) as error:
        raise ValidationError(
            {"places": _("The places could not be read.")}, code="malformed"
        ) from error
    multipoint = MultiPoint(points, srid=settings.MAP_SRID)
    multipoint.transform(settings.STORAGE_SRID)
    if not Municipality.objects.filter(
        pk=wave.municipality_id, boundary__contains=multipoint
    ).exists():
        raise ValidationError(
            {"places": _("Mark only places within the municipality.")}, code="malformed"
        )
    return multipoint


def _use_code(wave: SurveyWave, code: str) -> None:
    code = code.strip().upper().replace(" ", "").replace("-", "")
    used = InvitationCode.objects.filter(wave=wave, code=code, used=False).update(used=True)
    if used != 1:
        raise ValidationError(
            {"code": _("The code is not right or has already been used. Check the letter.")},
            code="repeated",
        )


@transaction.atomic
def survey_response_submit(
    *,
    wave: SurveyWave,
    answers: dict,
    submission_key: uuid.UUID,
    sender_key: str,
    today: date,
    age_band: str = "",
    gender: str = "",
    area: Area | None = None,
    places=(),
    code: str = "",
) -> SurveyResponse:
    """Store one resident's anonymous response to an open wave; return it.

    Nothing of the sender is stored: ``sender_key`` (est.rate_limits.client_key) only counts
    the rate limit. Raises ValidationError with code "rate_limited" when the client sent too
    many answers lately, "repeated" for a form or invitation code already used, "malformed" for
    answers the wave did not ask for, and "closed" when the wave is not open."""
    if wave.status != SurveyWave.Status.OPEN or not wave.opens_on <= today <= wave.closes_on:
        raise ValidationError(_("The survey is not open for answers."), code="closed")
    if rate_limit_hit(
        scope="survey-answer",
        sender=sender_key,
        limit=settings.SURVEY_RATE_LIMIT,
        window=RATE_WINDOW,
    ):
        raise ValidationError(
            _(
                "Many answers have come from your connection in a short time. "
                "Please try again in an hour."
            ),
            code="rate_limited",
        )
    cleaned = _cleaned_answers(wave, answers)
    multipoint = _places(wave, places)
    if area is not None and area.municipality_id != wave.municipality_id:
        raise ValidationError({"area": _("Choose an area of this municipality.")}, code="malformed")
    if age_band not in {"", *dict(bank.AGE_BANDS)} or gender not in {"", *dict(bank.GENDERS)}:
        raise ValidationError(
            UNREADABLE,
            code="malformed",
        )
    if not cleaned and multipoint is None:
        raise ValidationError(_("Answer at least one question before you send."), code="empty")
    if SurveyResponse.objects.filter(submission_key=submission_key).exists():
        raise ValidationError(RECEIVED, code="repeated")
    if wave.requires_code:
        _use_code(wave, code)
    try:
        with transaction.atomic():
            return SurveyResponse.objects.create(
                wave=wave,
                answers=cleaned,
                age_band=age_band,
                gender=gender,
                area=area,
                avoided_places=multipoint,
                submission_key=submission_key,
                submitted_on=today,
            )
    except IntegrityError as error:
        # The same form sent twice at once: the second one lost the race for its key.
        raise ValidationError(RECEIVED, code="repeated") from error
