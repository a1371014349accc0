"""A situation picture's workflow: the coordinator's texts, review, publishing (with mail to
the police and the organisations it is shared with) and new versions of published pictures."""

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from est.models import User
from est.roles import Role
from reports.situation.compile import situation_picture_compile
from reports.situation.models import SituationPicture

#: A RUNNING claim older than this belongs to a worker that died; the picture may be claimed again.
#: Sanitising the coordinator's analysis: the formatting a rich-text field produces, no more.
ANALYSIS_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "h3", "h4", "blockquote"}


def picture_editable_check(picture: SituationPicture) -> None:
    if picture.is_frozen:
        raise ValidationError(_("A published picture can't change; make a new version."))
    if picture.superseded_by_id:
        raise ValidationError(_("This is an old version; change the newest one."))


def situation_picture_recompile(*, picture: SituationPicture, by) -> SituationPicture:
    """Compile a draft picture again from the incidents as they are now."""
    picture_editable_check(picture)
    situation_picture_compile(picture_id=picture.pk, force=True)
    picture.refresh_from_db()
    return picture


def sanitise_analysis(html: str) -> str:
    """Return the analysis with only harmless formatting left (no scripts, links or styles)."""
    return nh3.clean(html, tags=ANALYSIS_TAGS, attributes={}, link_rel=None)


@transaction.atomic
def situation_picture_update(
    *, picture: SituationPicture, by, analysis: str, problems: str, shared_with=()
) -> SituationPicture:
    """Save the coordinator's analysis, the problems identified and whom to share it with."""
    picture = SituationPicture.objects.select_for_update().get(pk=picture.pk)
    picture_editable_check(picture)
    picture.analysis = sanitise_analysis(analysis)
    picture.problems = problems
    picture.save(update_fields=["analysis", "problems", "updated_at"])
    picture.shared_with.set(shared_with)
    return picture


def _transition(picture, source, target) -> SituationPicture:
    with transaction.atomic():
        picture = SituationPicture.objects.select_for_update().get(pk=picture.pk)
        picture_editable_check(picture)
        if picture.status not in source:
            raise ValidationError(_("The picture can't make that step from its current status."))
        if not picture.is_compiled:
            raise ValidationError(_("The picture is not compiled yet."))
        picture.status = target
        return picture


def situation_picture_submit(*, picture: SituationPicture, by) -> SituationPicture:
    """Mark a draft picture ready for review."""
    picture = _transition(picture, {SituationPicture.Status.DRAFT}, SituationPicture.Status.REVIEW)
    picture.save(update_fields=["status", "updated_at"])
    return picture


def situation_picture_publish(*, picture: SituationPicture, by) -> SituationPicture:
    """Publish the picture: freeze it, let the police and the chosen organisations read it,
    and tell them by e-mail once the transaction has committed."""
    with transaction.atomic():
        picture = _transition(
            picture,
            {SituationPicture.Status.DRAFT, SituationPicture.Status.REVIEW},
            SituationPicture.Status.PUBLISHED,
        )
        picture.published_at = timezone.now()
        picture.published_by = by
        picture.save(update_fields=["status", "published_at", "published_by", "updated_at"])
        transaction.on_commit(lambda: _mail_published(picture.pk))
    return picture


def recipients_of(picture: SituationPicture) -> list[str]:
    """Return the e-mail addresses told of a published picture: the municipality's police and
    the members of the organisations it is shared with."""
    users = User.objects.filter(
        Q(role=Role.POLICE) | Q(organisation__in=picture.shared_with.all()),
        municipalities=picture.municipality_id,
        is_active=True,
    ).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def _mail_published(picture_id: int) -> None:
    picture = SituationPicture.objects.select_related("municipality").get(pk=picture_id)
    addresses = recipients_of(picture)
    if not addresses:
        return
    subject = _("Situation picture %(municipality)s %(start)s published") % {
        "municipality": picture.municipality.name,
        "start": picture.period_start.isoformat(),
    }
    body = render_to_string(
        "reports/situation/published_mail.txt",
        {
            "picture": picture,
            "url": settings.SITE_URL.rstrip("/")
            + reverse("situation_detail", kwargs={"pk": picture.pk}),
        },
    )
    # One message per recipient: partners never see each other's addresses.
    send_mass_mail(
        [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses]
    )


@transaction.atomic
def situation_picture_revise(*, picture: SituationPicture, by) -> SituationPicture:
    """Start a new draft version of a published picture; the published one is kept unchanged."""
    picture = SituationPicture.objects.select_for_update().get(pk=picture.pk)
    if picture.superseded_by_id:
        raise ValidationError(_("This is an old version; change the newest one."))
    if not picture.is_frozen:
        raise ValidationError(_("Only a published picture needs a new version."))
    latest = (
        SituationPicture.objects.filter(
            municipality=picture.municipality_id, period_start=picture.period_start
        )
        .order_by("-version")
        .first()
    )
    revision = SituationPicture.objects.create(
        municipality_id=picture.municipality_id,
        period_start=picture.period_start,
        period_end=picture.period_end,
        version=latest.version + 1,
        status=SituationPicture.Status.DRAFT,
        compile_state=SituationPicture.CompileState.DONE,
        compiled_at=picture.compiled_at,
        content=picture.content,
        analysis=picture.analysis,
        problems=picture.problems,
    )
    revision.shared_with.set(picture.shared_with.all())
    picture.superseded_by = revision
    picture.save(update_fields=["superseded_by", "updated_at"])
    return revision
