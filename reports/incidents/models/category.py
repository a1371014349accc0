"""The categories of incidents: each municipality keeps its own list."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from est.models import Municipality


class CategoryQuerySet(models.QuerySet):
    def for_user(self, user):
        """Return the categories of the municipalities ``user`` may see."""
        return self.filter(municipality__in=Municipality.objects.for_user(user))

    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def active(self):
        """Return the categories that new incidents may use (not retired)."""
        return self.filter(retired=False)


class Category(models.Model):
    """A kind of incident in one municipality's list. Retired categories keep their incidents."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="incident_categories",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=100)
    #: A stable name for the standard categories ("graffiti"…), for demo data and importers.
    code = models.SlugField(_("code"), max_length=50, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    retired = models.BooleanField(
        _("retired"),
        default=False,
        help_text=_("Retired categories are kept for old incidents but can't be chosen."),
    )

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="category_name_unique"),
            models.UniqueConstraint(
                fields=["municipality", "code"],
                condition=~Q(code=""),
                name="category_code_unique",
            ),
        ]

    def __str__(self):
        return self.name
