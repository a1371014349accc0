"""The cooperation agreement with the police (samverkansöverenskommelse): staff write it and
its commitments one by one (who, what, by when, how far), and beat tells the coordinators
when it is due for renewal."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from .models import AgreementCommitment, CooperationAgreement


def _dates_check(signed_on, valid_until) -> None:
    if valid_until is not None and valid_until <= signed_on:
        raise ValidationError({"valid_until": _("The agreement must run out after it is signed.")})


@transaction.atomic
def agreement_create(*, municipality, by, **fields) -> CooperationAgreement:
    """Record a cooperation agreement of ``municipality`` with the police; return it."""
    _dates_check(fields["signed_on"], fields.get("valid_until"))
    return CooperationAgreement.objects.create(municipality=municipality, **fields)


@transaction.atomic
def agreement_update(*, agreement: CooperationAgreement, by, **fields) -> CooperationAgreement:
    """Change the agreement's text and dates; a new end date (a renewal) is reminded of anew."""
    _dates_check(fields["signed_on"], fields.get("valid_until"))
    agreement = CooperationAgreement.objects.select_for_update().get(pk=agreement.pk)
    if fields.get("valid_until") != agreement.valid_until:
        agreement.renewal_reminded_at = None
    for name, value in fields.items():
        setattr(agreement, name, value)
    agreement.save()
    return agreement


@transaction.atomic
def commitment_save(
    *, agreement: CooperationAgreement, by, commitment: AgreementCommitment | None = None, **fields
) -> AgreementCommitment:
    """Add a commitment to ``agreement``, or change ``commitment`` of it; return it."""
    if not fields["party"].strip() or not fields["what"].strip():
        raise ValidationError(_("Say who commits to what."))
    if commitment is None:
        return AgreementCommitment.objects.create(agreement=agreement, **fields)
    AgreementCommitment.objects.filter(pk=commitment.pk, agreement=agreement).update(**fields)
    commitment.refresh_from_db()
    return commitment


def _renewal_mail(agreement: CooperationAgreement) -> None:
    recipients = agreement.municipality.coordinator_addresses()
    if not recipients:
        return
    url = settings.SITE_URL.rstrip("/") + reverse(
        "agreement_list", kwargs={"code": agreement.municipality.code}
    )
    send_mail(
        _("The cooperation agreement with the police runs out on %(day)s")
        % {"day": agreement.valid_until.isoformat()},
        _("Start renewing “%(title)s” with the police in time. The agreement: %(url)s")
        % {"title": agreement.title, "url": url},
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )


def agreement_renewal_reminders_send(*, today=None) -> int:
    """E-mail the coordinators of each agreement that runs out within
    AGREEMENT_RENEWAL_NOTICE, once per end date; return how many agreements."""
    today = today or timezone.localdate()
    due = CooperationAgreement.objects.filter(
        valid_until__lte=today + settings.AGREEMENT_RENEWAL_NOTICE,
        valid_until__gte=today,
        renewal_reminded_at__isnull=True,
    ).values_list("pk", flat=True)
    told = 0
    for pk in due:
        with transaction.atomic():
            # The claim: two beat ticks or a retried task mail once. A failed mail rolls the
            # claim back, so the next tick tries again.
            claimed = CooperationAgreement.objects.filter(
                pk=pk, renewal_reminded_at__isnull=True
            ).update(renewal_reminded_at=timezone.now())
            if not claimed:
                continue
            agreement = CooperationAgreement.objects.select_related("municipality").get(pk=pk)
            with override(settings.LANGUAGE_CODE):
                _renewal_mail(agreement)
            told += 1
    return told
