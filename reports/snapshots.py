"""Compiled snapshots: situation pictures and tertial analyses store what they show as JSON,
compiled by a worker that claims the row first, so that two workers, two beat ticks or a
retried task compile it once."""

import datetime

from django.db.models import Q
from django.utils import timezone

#: A claim older than this belongs to a worker that died; another may take the work over.
CLAIM_TIMEOUT = datetime.timedelta(minutes=10)


def snapshot_compile(model, *, pk: int, frozen_status: str, build, force=False, now=None) -> bool:
    """Compile row ``pk`` of ``model`` if it waits to be compiled (or, with ``force``, again),
    unless its status is ``frozen_status``; return whether this call compiled it.

    ``build(row)`` returns the JSON content. A failure puts the row back in the queue and
    raises. ``model`` has ``compile_state``, ``claimed_at``, ``content`` and ``compiled_at``.
    """
    states = model.CompileState
    now = now or timezone.now()
    claimable = Q(compile_state=states.QUEUED) | Q(
        compile_state=states.RUNNING, claimed_at__lt=now - CLAIM_TIMEOUT
    )
    if force:
        claimable |= Q(compile_state=states.DONE)
    claimed = (
        model.objects.filter(claimable, pk=pk)
        .exclude(status=frozen_status)
        .update(compile_state=states.RUNNING, claimed_at=now)
    )
    if not claimed:
        return False
    row = model.objects.select_related("municipality").get(pk=pk)
    try:
        content = build(row)
    except Exception:
        model.objects.filter(pk=pk).update(compile_state=states.QUEUED)
        raise
    model.objects.filter(pk=pk).update(
        content=content, compiled_at=timezone.now(), compile_state=states.DONE
    )
    return True
