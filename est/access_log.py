"""The access log: who read which sensitive data, of which municipality, when and from where.

Append-only: a database trigger (migration est 0003) refuses every UPDATE, and every DELETE of
an entry younger than ``FLOOR`` whatever the application asks; beat purges entries older than
``ACCESS_LOG_RETENTION`` (at least the floor, a system check says so).
"""

from datetime import timedelta

from django.conf import settings
from django.core import checks
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .clients import client_address
from .periods import local_midnight

#: The youngest entry the database lets anyone delete (the trigger has it in SQL too).
FLOOR = timedelta(days=365)


class AccessKind(models.TextChoices):
    INCIDENT = "incident", _("Incident with reporter and photos")
    PHOTO = "photo", _("Incident photo")
    FOOTAGE = "footage", _("Camera footage")
    EXPORT = "export", _("Export")
    DOCUMENT = "document", _("PDF of an unpublished document")
    DATA_SUBJECT_REQUEST = "data_subject_request", _("Data subject request")
    WATCH_CONTACTS = "watch_contacts", _("Neighbourhood watch contacts")
    ADMIN = "admin", _("Administration page")


class AccessEntryQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the entries of the municipalities ``user`` may see (superusers: all,
        including reads that belong to no municipality, such as admin pages)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(municipality__in=user.municipalities.all())

    def matching(self, *, username="", kind="", target="", municipality=None, start=None, end=None):
        """Return the entries of ``username`` (exactly, any case), of ``kind``, whose target
        contains ``target``, of ``municipality``, from the day ``start`` to the day ``end``
        (both included, Swedish time); empty criteria match every entry."""
        entries = self
        if username:
            entries = entries.filter(username__iexact=username)
        if kind:
            entries = entries.filter(kind=kind)
        if target:
            entries = entries.filter(target__icontains=target)
        if municipality is not None:
            entries = entries.filter(municipality=municipality)
        if start:
            entries = entries.filter(at__gte=local_midnight(start))
        if end:
            entries = entries.filter(at__lt=local_midnight(end + timedelta(days=1)))
        return entries

    def older_than(self, age: timedelta):
        return self.filter(at__lt=timezone.now() - age)


def _kept_reference(to, verbose_name):
    """Return a reference to ``to`` without a database constraint: the entry keeps the id when
    the row goes, and the database deletes nothing of the log with it."""
    return models.ForeignKey(
        to,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=verbose_name,
    )


class AccessEntry(models.Model):
    """One read of sensitive data. The reader and municipality are kept without foreign-key
    constraints so that an entry outlives (and never blocks deleting) a user."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = _kept_reference(settings.AUTH_USER_MODEL, _("who"))
    username = models.CharField(_("username"), max_length=150)
    kind = models.CharField(_("kind"), max_length=30, choices=AccessKind.choices)
    municipality = _kept_reference("est.Municipality", _("municipality"))
    target = models.CharField(_("what"), max_length=200)
    path = models.CharField(_("address of the page"), max_length=500)
    client = models.GenericIPAddressField(_("network address"), null=True)

    objects = AccessEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log entries")
        indexes = [models.Index(fields=["municipality", "-at"], name="access_entry_muni_at")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.kind} {self.target}"


def access_record(*, request, kind: AccessKind, target, municipalities=None) -> list[AccessEntry]:
    """Write that ``request.user`` read ``target`` (an object or a text) and return the entries:
    one per municipality whose data it held (``municipalities``; by default
    ``target.municipality``; none known gives one entry without a municipality)."""
    if municipalities is None:
        municipalities = [getattr(target, "municipality", None)]
    user = request.user if request.user.is_authenticated else None
    label = target if isinstance(target, str) else f"{target._meta.verbose_name} {target.pk}"
    entry = {
        "user": user,
        "username": user.get_username() if user else "",
        "kind": kind,
        "target": str(label)[:200],
        "path": request.get_full_path()[:500],
        "client": client_address(request),
    }
    return AccessEntry.objects.bulk_create(
        AccessEntry(municipality=m, **entry) for m in (list(municipalities) or [None])
    )


def access_log_purge() -> int:
    """Delete the entries older than ``ACCESS_LOG_RETENTION`` and return how many."""
    deleted, _by_model = AccessEntry.objects.older_than(settings.ACCESS_LOG_RETENTION).delete()
    return deleted


@checks.register()
def retention_above_floor(app_configs, **kwargs):
    """Return an error when the retention is shorter than the database lets the purge go."""
    if settings.ACCESS_LOG_RETENTION < FLOOR:
        return [
            checks.Error(
                "ACCESS_LOG_RETENTION is shorter than a year; the database keeps entries a year.",
                id="est.E001",
            )
        ]
    return []
