"""Residents' comments and questions on published pledges, and their moderation."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from est.rate_limits import rate_limit_hit

from .models import Comment, Pledge

#: How many comments one sender may leave per RATE_WINDOW seconds: enough for a resident with
#: a follow-up question, too few for a spam run.
RATE_LIMIT = 5
RATE_WINDOW = 60 * 60


@transaction.atomic
def comment_submit(*, pledge: Pledge, display_name: str, body: str, sender_key: str) -> Comment:
    """Store a resident's comment on a published pledge, waiting for moderation; return it.

    ``sender_key`` identifies the sender for the rate limit only (est.rate_limits.client_key);
    it is not stored. Raises ValidationError when the pledge is not public, and one with code
    "rate_limited" when the sender has sent too many comments lately.
    """
    if not pledge.is_public:
        raise ValidationError(_("Comments can only be left on published pledges."))
    if rate_limit_hit(
        scope="pledge-comment", sender=sender_key, limit=RATE_LIMIT, window=RATE_WINDOW
    ):
        raise ValidationError(
            _("You have sent many comments in a short time. Please try again in an hour."),
            code="rate_limited",
        )
    comment = Comment(pledge=pledge, display_name=display_name.strip(), body=body.strip())
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def comment_moderate(*, comment: Comment, approve: bool, reply: str = "", by) -> Comment:
    """Approve (show publicly, with an optional reply) or reject ``comment``; return it."""
    comment.status = Comment.Status.APPROVED if approve else Comment.Status.REJECTED
    comment.reply = reply.strip() if approve else ""
    comment.moderated_at = timezone.now()
    comment.moderated_by = by
    comment.save()
    return comment
