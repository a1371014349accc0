"""One filter of incidents for the list, the map, the CSV export and the API."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from est.models import Area, Municipality, Organisation
from est.periods import local_midnight
from reports.incidents.models import Category, Incident


def _municipalities(request):
    return Municipality.objects.for_user(request.user).defer("boundary")


def _areas(request):
    return Area.objects.for_user(request.user).select_related("municipality").defer("boundary")


def _organisations(request):
    """The organisations of the user's municipalities, and any that filed what the user sees."""
    return Organisation.objects.filter(
        Q(municipalities__in=Municipality.objects.for_user(request.user))
        | Q(pk__in=Incident.objects.for_user(request.user).values("organisation"))
    ).distinct()


class IncidentFilter(django_filters.FilterSet):
    """Filters incidents by period, category, area, organisation, status, source and text.

    The period is of whole days in local time; an incident counts when its period overlaps.
    """

    start = django_filters.DateFilter(
        label=_("From date"),
        method="filter_start",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = django_filters.DateFilter(
        label=_("To date"),
        method="filter_end",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        queryset=_municipalities,
        to_field_name="code",
        empty_label=_("All"),
    )
    category = django_filters.MultipleChoiceFilter(
        label=_("Category"),
        field_name="category__name",
        widget=forms.CheckboxSelectMultiple,
        # An incident has one category: the join never repeats it, and DISTINCT made every
        # count of the map sort its rows (a city's police events: 65 ms).
        distinct=False,
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Area"), queryset=_areas, method="filter_area", empty_label=_("All")
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), queryset=_organisations, empty_label=_("All")
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=Incident.Status.choices, widget=forms.CheckboxSelectMultiple
    )
    source = django_filters.MultipleChoiceFilter(
        label=_("Source"), choices=Incident.Source.choices, widget=forms.CheckboxSelectMultiple
    )
    q = django_filters.CharFilter(label=_("Text"), method="filter_text")

    class Meta:
        model = Incident
        fields = []

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset, request=request, **kwargs)
        names = (
            Category.objects.for_user(request.user)
            .order_by("order", "name")
            .values_list("name", flat=True)
        )
        self.filters["category"].extra["choices"] = [(n, n) for n in dict.fromkeys(names)]

    def filter_start(self, queryset, name, value):
        return queryset.between(start=local_midnight(value))

    def filter_end(self, queryset, name, value):
        return queryset.between(end=local_midnight(value + datetime.timedelta(days=1)))

    @extend_schema_field(OpenApiTypes.INT)
    def filter_area(self, queryset, name, value):
        return queryset.within(value)

    def filter_text(self, queryset, name, value):
        value = value.strip()
        return queryset.matching(value) if value else queryset
