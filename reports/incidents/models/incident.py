"""Incidents (händelser) that reporters file, and the per-municipality categories they use."""

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.gis.db.models.functions import Transform
from django.contrib.postgres.fields import DateTimeRangeField
from django.contrib.postgres.indexes import GistIndex
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from est.models import Area, Municipality, Organisation
from est.roles import has_permission
from reports.incidents.models.category import Category
from reports.permissions import INCIDENT_VIEW

#: An incident's period as a range with both ends included, as the filters' overlap rule reads it.
PERIOD = models.Func(
    models.F("occurred_from"),
    models.F("occurred_to"),
    models.Value("[]"),
    function="tstzrange",
    output_field=DateTimeRangeField(),
)


class IncidentHistory(HistoricalRecords):
    """An incident's history, indexed only for reading one incident's changes.

    Nobody searches the history by place, category or reporter, and every index on it costs
    every imported row: the two spatial indexes alone are GiST trees as large as the incidents'.
    """

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for field in fields.values():
            if isinstance(field, models.GeometryField):
                field.spatial_index = False
        return fields


#: The incidents that every count and analysis counts: not police events (their time and place
#: are approximate, and they are shown as a layer of their own) and not duplicates merged into
#: another incident. ``counted_sql`` is the same rule for raw SQL; the kept counts' triggers and
#: the ``incident_counted_time`` index hold it too.
COUNTED = ~Q(source="police_event") & Q(merged_into__isnull=True)


def counted_sql(alias: str = "incident") -> str:
    """Return the ``COUNTED`` rule as an SQL condition on the incident table named ``alias``."""
    prefix = f"{alias}." if alias else ""
    return f"{prefix}source <> 'police_event' AND {prefix}merged_into_id IS NULL"


def begun_in(start, end) -> Q:
    """Return the condition that an incident began in [start, end): counted in the period it
    began in, an incident never counts twice."""
    return Q(occurred_from__gte=start, occurred_from__lt=end)


class IncidentQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the incidents ``user`` may read.

        Those who hold ``incident.view`` (coordinators, police, administrators) read every
        incident of their municipalities; reporters read only what they filed themselves.
        """
        if not user.is_authenticated:
            return self.none()
        # A duplicate merged into another incident lives on only in the kept one's history.
        mine = self.filter(merged_into__isnull=True)
        if not user.is_superuser:
            # The ids as literals, not a subquery: then PostgreSQL reads a municipality's newest
            # incidents in order from incident_municipality_time (list page 45 ms to 3 ms).
            mine = mine.filter(
                municipality__in=list(
                    Municipality.objects.for_user(user).values_list("pk", flat=True)
                )
            )
        if has_permission(user, INCIDENT_VIEW):
            return mine
        return mine.filter(reporter=user)

    def filed_by(self, user):
        return self.filter(reporter=user)

    def for_municipality(self, municipality):
        """Return the incidents of ``municipality`` that count: merged duplicates are left out."""
        return self.filter(municipality=municipality, merged_into__isnull=True)

    def between(self, start=None, end=None):
        """Return the incidents whose period overlaps [start, end); either end may be open."""
        queryset = self
        if start is not None:
            queryset = queryset.filter(occurred_to__gte=start)
        if end is not None:
            queryset = queryset.filter(occurred_from__lt=end)
        return queryset

    def begun(self, start, end):
        """Return the incidents whose period began in [start, end)."""
        return self.filter(begun_in(start, end))

    def counted(self):
        """Return the incidents that counts and analyses count (see ``COUNTED``)."""
        return self.filter(COUNTED)

    def spanning(self, moment):
        """Return the incidents that began before ``moment`` and had not ended by it."""
        return self.alias(period=PERIOD).filter(period__contains=moment, occurred_from__lt=moment)

    def within(self, area):
        """Return the incidents positioned inside ``area`` (an Area or a geometry)."""
        boundary = area.boundary if isinstance(area, Area) else area
        return self.filter(position__intersects=boundary)

    def of_category(self, *categories):
        return self.filter(category__in=categories)

    def with_status(self, *statuses):
        return self.filter(status__in=statuses)

    def from_source(self, *sources):
        return self.filter(source__in=sources)

    def matching(self, text):
        """Return the incidents whose description, place name or category contains ``text``."""
        return self.filter(
            Q(description__icontains=text)
            | Q(place_name__icontains=text)
            | Q(category__name__icontains=text)
        )

    def likely_duplicates_of(self, incident, distance_m: float = 100):
        """Return the other incidents of ``incident``'s category within ``distance_m`` metres of
        it whose period overlaps its own: what the coordinator may want to merge."""
        return self.filter(
            category_id=incident.category_id,
            position__dwithin=(incident.position, distance_m),
            occurred_from__lte=incident.occurred_to,
            occurred_to__gte=incident.occurred_from,
            merged_into__isnull=True,
        ).exclude(pk=incident.pk)

    def with_map_position(self):
        """Annotate ``map_position``: the position in the maps' SRID (WGS 84)."""
        return self.annotate(map_position=Transform("position", settings.MAP_SRID))


class Incident(models.Model):
    """Something a reporter saw or found: what, when (a period), where, and what was done."""

    class Source(models.TextChoices):
        REPORTER = "reporter", _("Reporter")
        IMPORT = "import", _("Import")
        POLICE_EVENT = "police_event", _("Police event")
        SAFETY_WALK = "safety_walk", _("Safety walk")
        TIP = "tip", _("Tip from a resident")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        REVIEWED = "reviewed", _("Reviewed")
        NEEDS_INFORMATION = "needs_information", _("Needs more information")
        CLOSED = "closed", _("Closed")

    # Every index costs each write (an import of a million rows pays it a million times): the
    # municipality leads three indexes of Meta.indexes, which serve its lookups, so it has no
    # index of its own; nor has the reporter, who leads the idempotency key's unique index.
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="incidents",
        verbose_name=_("municipality"),
        db_index=False,
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="incidents", verbose_name=_("category")
    )
    occurred_from = models.DateTimeField(_("happened from"))
    occurred_to = models.DateTimeField(_("happened until"))
    # Indexed with its time (Meta.indexes), not alone.
    position = models.PointField(_("position"), srid=settings.STORAGE_SRID, spatial_index=False)
    # Shown with its incident, never searched by: no spatial index to keep up on each write.
    place_geometry = models.GeometryField(
        _("place as a line or area"),
        srid=settings.STORAGE_SRID,
        null=True,
        blank=True,
        spatial_index=False,
    )
    position_precise = models.BooleanField(
        _("precise position"),
        default=True,
        help_text=_("False when only the town or the municipality is known, as for police events."),
    )
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    description = models.TextField(_("what happened"), blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="incidents",
        verbose_name=_("reporter"),
        db_index=False,
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="incidents",
        verbose_name=_("organisation"),
    )
    police_informed = models.BooleanField(_("police informed"), default=False)
    police_reference = models.CharField(_("police reference number"), max_length=50, blank=True)
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.REPORTER
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    triage_note = models.TextField(
        _("note from the coordinator"),
        blank=True,
        help_text=_("What the coordinator asks or noted when reviewing."),
    )
    idempotency_key = models.UUIDField(
        _("submission key"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Sent with the filing form, so that a resent form files nothing twice."),
    )
    police_event_id = models.PositiveBigIntegerField(
        _("police event id"), null=True, blank=True, unique=True, editable=False
    )
    incident_import = models.ForeignKey(
        "IncidentImport",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incidents",
        editable=False,
        verbose_name=_("import"),
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged",
        editable=False,
        db_index=False,
        verbose_name=_("merged into"),
        help_text=_("A duplicate is kept, merged into this incident, and left out of lists."),
    )
    created_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    history = IncidentHistory(
        excluded_fields=["updated_at"],
        no_db_index=[
            "category",
            "incident_import",
            "merged_into",
            "municipality",
            "organisation",
            "police_event_id",
            "reporter",
        ],
    )
    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_from", "-pk"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        # category, organisation and the import get btree indexes of their own.
        indexes = [
            # Where and when together: the incidents near an intervention's target in its weeks
            # are found in the index, not by reading every incident ever filed near it (0.16 s
            # to 0.06 s for a tertial's 16 interventions, bench/README.md); a query by place
            # alone uses it as it used GeoDjango's index on position alone.
            GistIndex(fields=["position", "occurred_from"], name="incident_position_time"),
            models.Index(
                fields=["municipality", "occurred_from", "id"], name="incident_municipality_time"
            ),
            models.Index(fields=["municipality", "status"], name="incident_municipality_status"),
            # The GIS service pages a municipality's incidents in id order (keyset paging):
            # without it the first page of a municipality reads the whole table's ids (0.25 s
            # over a million incidents, bench/README.md).
            models.Index(fields=["municipality", "id"], name="incident_municipality_id"),
            # The list's default order, for those who see every municipality: without it the
            # first page of a million incidents sorts them all (1.2 s measured, bench/README.md).
            models.Index(fields=["-occurred_from", "-id"], name="incident_newest_first"),
            # The incidents the situation pictures and tertial analyses count, with what their
            # time spans and the period's incidents read, so those queries read the index alone
            # instead of the table (measured in bench/README.md, "Tertial analysis"); trends and
            # key figures come from the kept day counts (IncidentDayCount).
            models.Index(
                fields=["municipality", "occurred_from"],
                include=["category", "occurred_to", "position", "position_precise"],
                condition=COUNTED,
                name="incident_counted_time",
            ),
            # Police events are few among many incidents: found without reading the others.
            models.Index(
                fields=["municipality", "occurred_from"],
                condition=Q(source="police_event"),
                name="incident_police_event_time",
            ),
            # The incidents whose period spans a moment (begun before a filter's first day and
            # lasting into it): the map adds them to the counts kept per day (map_cells.py).
            GistIndex(PERIOD, name="incident_period"),
            # The map's police event layer: a year of them from the index alone, without reading
            # the incident rows they lie scattered in (60 ms for 17,000 of them, warm).
            models.Index(
                fields=["occurred_to"],
                include=["id", "occurred_from", "municipality", "merged_into", "position"],
                condition=Q(position_precise=False),
                name="incident_imprecise_until",
            ),
            # The same layer on a municipality's map (a coordinator's): a city's police events
            # without reading every other municipality's or the city's precise incidents' entries
            # (a city's year of them, by category: 112 ms to a few).
            models.Index(
                fields=["municipality", "occurred_to"],
                include=["id", "occurred_from", "category", "merged_into", "position"],
                condition=Q(position_precise=False),
                name="incident_imprecise_local",
            ),
            # The few merged duplicates of an incident, found without an entry for each of the
            # many that were never merged.
            models.Index(
                fields=["merged_into"],
                condition=Q(merged_into__isnull=False),
                name="incident_merged_into",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(occurred_to__gte=models.F("occurred_from")),
                name="incident_period_order",
            ),
            models.UniqueConstraint(
                fields=["reporter", "idempotency_key"], name="incident_idempotency_key_unique"
            ),
        ]

    def __str__(self):
        return f"{self.category} {self.occurred_from:%Y-%m-%d %H:%M}"

    @property
    def is_instant(self) -> bool:
        """Return whether the incident happened at one known moment rather than in a period."""
        return self.occurred_from == self.occurred_to
