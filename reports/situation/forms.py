"""The coordinator's forms of a situation picture: its texts and sharing, and an intervention
with its target and comparison areas picked or drawn on the map."""

from django import forms
from django.conf import settings
from django.contrib.gis import forms as gis_forms
from django.utils.translation import gettext_lazy

from est.forms import MapWidget
from est.models import Municipality, Organisation
from est.periods import local_span
from reports.incidents.models import Incident
from reports.situation.models import Intervention, SituationPicture


class PictureForm(forms.Form):
    analysis = forms.CharField(
        label=gettext_lazy("Analysis"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy(
            "Paragraphs, bold, italics and lists are kept (HTML such as <p>, <strong>, <ul>); "
            "anything else is removed."
        ),
    )
    problems = forms.CharField(
        label=gettext_lazy("Problems identified"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    shared_with = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Share with"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "These organisations are told by e-mail and may read the picture once it is "
            "published. The police always are."
        ),
    )

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shared_with"].queryset = Organisation.objects.filter(
            municipalities=municipality
        )


def _picked_area(label, help_text) -> forms.ModelChoiceField:
    """Return a choice among the municipality's areas (its queryset is set by the form)."""
    return forms.ModelChoiceField(label=label, queryset=None, required=False, help_text=help_text)


def _drawn_area(label, help_text) -> gis_forms.MultiPolygonField:
    """Return a map to draw an area on, posted in WGS 84 and read in the storage SRID."""
    return gis_forms.MultiPolygonField(
        label=label,
        srid=settings.STORAGE_SRID,
        required=False,
        widget=MapWidget(attrs={"map_height": "360px"}),
        help_text=help_text,
    )


class InterventionForm(forms.Form):
    what = forms.CharField(label=gettext_lazy("What"), max_length=200)
    problem = forms.CharField(
        label=gettext_lazy("Problem it addresses"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    area = _picked_area(
        gettext_lazy("Where (an existing area)"),
        gettext_lazy(
            "Pick one of the municipality's areas (the way to choose with the keyboard), or draw "
            "a new one on the map below."
        ),
    )
    drawn_area = _drawn_area(
        gettext_lazy("Where (draw a new area)"),
        gettext_lazy(
            "Draw the target area with the polygon tool: click each corner and finish on the "
            "first one. It is saved as an intervention area of the municipality."
        ),
    )
    comparison_area = _picked_area(
        gettext_lazy("Comparison area (optional)"),
        gettext_lazy(
            "A similar place without the intervention, to judge its effect against in the "
            "tertial analysis. Without one, the rest of the municipality is used."
        ),
    )
    drawn_comparison_area = _drawn_area(
        gettext_lazy("Comparison area (draw a new one, optional)"),
        gettext_lazy("Or draw the comparison area on this map."),
    )
    starts_on = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput({"type": "date"})
    )
    ends_on = forms.DateField(label=gettext_lazy("Until"), widget=forms.DateInput({"type": "date"}))
    times = forms.CharField(
        label=gettext_lazy("Times"),
        required=False,
        max_length=100,
        help_text=gettext_lazy("For example: Fri–Sat 21–03."),
    )
    organisation = forms.ModelChoiceField(label=gettext_lazy("Owning organisation"), queryset=None)
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=Intervention.Status.choices)
    incidents = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Incidents that motivate it"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, picture: SituationPicture, **kwargs):
        super().__init__(*args, **kwargs)
        municipality = picture.municipality
        self.fields["area"].queryset = municipality.areas.all()
        self.fields["comparison_area"].queryset = municipality.areas.all()
        self.fields["organisation"].queryset = Organisation.objects.filter(
            municipalities=municipality
        )
        self.fields["incidents"].queryset = (
            Incident.objects.for_municipality(municipality)
            .counted()
            .begun(*local_span(picture.period_start, picture.period_end))
            .select_related("category")
            .order_by("occurred_from")
        )
        self.fields["incidents"].label_from_instance = lambda incident: (
            f"{incident.occurred_from.astimezone():%Y-%m-%d %H:%M} {incident.category.name}"
            f"{', ' + incident.place_name if incident.place_name else ''}"
        )
