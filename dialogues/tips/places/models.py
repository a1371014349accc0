"""The places an administrator imports into the gazetteer: a name and a point in a
municipality (streets, addresses, stops, paths), from an open file such as Lantmäteriet's or
OpenStreetMap's extract (manage.py places_import)."""

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.postgres.indexes import GinIndex
from django.utils.translation import gettext_lazy as _

from est.models import Municipality


class NamedPlace(models.Model):
    """A name a resident may type for a place in a municipality, and where it is."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="named_places",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.PointField(_("position"), srid=settings.STORAGE_SRID)
    #: Where the name came from (the imported file's name), so that a later import of the same
    #: source can be told from hand-made entries.
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["municipality", "name"]
        verbose_name = _("named place")
        verbose_name_plural = _("named places")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="named_place_unique"),
        ]
        indexes = [
            # Trigram search as one types (places_matching): word similarity and prefixes.
            GinIndex(fields=["name"], name="named_place_trigram", opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self):
        return self.name
