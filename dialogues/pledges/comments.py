"""Residents' comments and questions on published pledges, and their moderation."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Comment, Pledge

#: How many comments one sender may leave per RATE_WINDOW seconds: enough for a resident with
#: a follow-up question, too few for a spam run.
RATE_LIMIT = 5
RATE_WINDOW = 60 * 60


def _rate_limit_hit(sender_key: str) -> bool:
    """Count one comment from ``sender_key`` and return whether it is over the limit."""
    key = f"dialogues:comment-rate:{sender_key}"
    cache.add(key, 0, RATE_WINDOW)
    return cache.incr(key) > RATE_LIMIT


@transaction.atomic
def comment_submit(*, pledge: Pledge, display_name: str, body: str, sender_key: str) -> Comment:
    """Store a resident's comment on a published pledge, waiting for moderation; return it.

    ``sender_key`` identifies the sender for the rate limit only (e.g. a hash of the address);
    it is not stored. Raises ValidationError when the pledge is not public or the sender has
    sent too many comments lately.
    """
    if not pledge.is_public:
        raise ValidationError(_("Comments can only be left on published pledges."))
    if _rate_limit_hit(sender_key):
        raise ValidationError(
            _("You have sent many comments in a short time. Please try again in an hour.")
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
