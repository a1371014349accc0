"""The documents EST publishes, as two abstract models.

A versioned document (situation pictures, tertial analyses, citizen pledges) is frozen once it
is published or adopted: a change is a new version, and the frozen one is kept as it was. A
compiled snapshot (situation pictures, tertial analyses) stores what it shows as JSON, compiled
by a worker that claims the row first, so that two workers, two beat ticks or a retried task
compile it once."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: A claim older than this belongs to a worker that died; another may take the work over.
CLAIM_TIMEOUT = datetime.timedelta(minutes=10)


class VersionedDocument(models.Model):
    """A document in numbered versions, frozen in the statuses ``FROZEN_STATUSES``."""

    #: The statuses in which a version may no longer change (set by each document).
    FROZEN_STATUSES: tuple[str, ...] = ()

    version = models.PositiveSmallIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_frozen(self) -> bool:
        """Return whether this version is published (or adopted) and so may no longer change."""
        return self.status in self.FROZEN_STATUSES


class CompiledSnapshot(models.Model):
    """What a compiled report keeps: its JSON content and the state of compiling it."""

    class CompileState(models.TextChoices):
        QUEUED = "queued", _("Waiting to be compiled")
        RUNNING = "running", _("Being compiled")
        DONE = "done", _("Compiled")

    compile_state = models.CharField(
        _("compiling"), max_length=20, choices=CompileState.choices, default=CompileState.QUEUED
    )
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    compiled_at = models.DateTimeField(_("compiled at"), null=True, blank=True)
    content = models.JSONField(_("content"), default=dict, blank=True)

    class Meta:
        abstract = True

    @property
    def is_compiled(self) -> bool:
        """Return whether the content has been compiled."""
        return self.compile_state == self.CompileState.DONE and self.compiled_at is not None


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


class CompiledDocument(VersionedDocument, CompiledSnapshot):
    """A compiled document in versions: a new version of a frozen one ``supersedes`` it."""

    superseded_by = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
        verbose_name=_("superseded by"),
    )

    class Meta:
        abstract = True
