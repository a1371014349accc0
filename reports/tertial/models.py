"""Tertial analyses (tertialanalyser): what a municipality's tertial held and what the
interventions achieved, for the management group to adopt.

The content is a JSON snapshot compiled from SQL aggregates (reports.tertial.compile); the page
and the PDF render from it. The PDF is rendered by a worker and kept with the hash of what it was
rendered from, so an unchanged analysis is never rendered twice.
"""

from django.conf import settings
from django.contrib.gis.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from est.documents import CompiledDocument
from est.models import Municipality
from est.periods import Tertial
from est.roles import has_permission
from reports.permissions import TERTIAL_VIEW


def tertial_pdf_path(analysis, filename: str) -> str:
    """Return where an analysis's rendered PDF is stored: one folder per municipality."""
    return f"tertial/{analysis.municipality_id}/{filename}"


class TertialAnalysisQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the analyses ``user`` may read: every version of their municipalities' analyses
        for those holding ``tertial.view`` (coordinators, police, council, administrators)."""
        if not user.is_authenticated or not has_permission(user, TERTIAL_VIEW):
            return self.none()
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def of(self, tertial: Tertial):
        return self.filter(year=tertial.year, number=tertial.number)

    def current(self):
        """Return only the latest version of each municipality's tertial."""
        return self.filter(superseded_by__isnull=True)


class TertialAnalysis(CompiledDocument):
    """One municipality's analysis of one tertial, in one version.

    Compiling is claimed through ``compile_state`` and rendering through ``render_state`` with
    conditional updates, like the situation picture. An adopted version is frozen; a new draft
    version supersedes it and the adopted one is kept.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted to the management group")
        ADOPTED = "adopted", _("Adopted")

    FROZEN_STATUSES = (Status.ADOPTED,)

    class RenderState(models.TextChoices):
        NONE = "none", _("No PDF yet")
        QUEUED = "queued", _("PDF waiting to be made")
        RUNNING = "running", _("PDF being made")
        DONE = "done", _("PDF ready")
        FAILED = "failed", _("PDF failed")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="tertial_analyses",
        verbose_name=_("municipality"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("tertial"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    key_messages = models.TextField(
        _("key messages"), blank=True, help_text=_("The coordinator's key messages.")
    )
    direction = models.TextField(
        _("proposed direction"), blank=True, help_text=_("The direction for the next tertial.")
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    decision = models.TextField(_("decision"), blank=True)
    render_state = models.CharField(
        _("PDF"), max_length=20, choices=RenderState.choices, default=RenderState.NONE
    )
    render_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    #: the rendered PDF, in the file storage that every machine shares (not in a table row)
    pdf = models.FileField(
        _("PDF file"), upload_to=tertial_pdf_path, max_length=200, blank=True, editable=False
    )
    #: the hash of everything the stored PDF was rendered from
    pdf_hash = models.CharField(max_length=64, blank=True, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = TertialAnalysisQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "-year", "-number", "-version"]
        verbose_name = _("tertial analysis")
        verbose_name_plural = _("tertial analyses")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "number", "version"],
                name="tertial_analysis_unique_version",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=3), name="tertial_analysis_number"
            ),
            models.CheckConstraint(
                condition=~Q(status="adopted") | Q(adopted_on__isnull=False),
                name="tertial_analysis_adopted_on",
            ),
        ]

    def __str__(self):
        return f"{self.municipality} {self.tertial} v{self.version}"

    @property
    def tertial(self) -> Tertial:
        return Tertial(self.year, self.number)

    @property
    def filename(self) -> str:
        """Return the PDF's file name with municipality and tertial."""
        from django.utils.text import slugify

        return f"tertialanalys-{slugify(self.municipality.name)}-{self.tertial}-v{self.version}.pdf"
