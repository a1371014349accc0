"""The action plan's forms: a plan for a term, a goal with its indicator, an activity of a
year's action plan, and the council's adoption."""

from django import forms
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from est.indicators import kind_choices, reason_text
from est.models import Area, Organisation
from est.periods import Tertial
from reports.council.goals import baseline_measure
from reports.council.plan_models import Activity, Goal, YearPlan
from reports.incidents.models import Category

TERTIAL_CHOICES = [(1, "T1"), (2, "T2"), (3, "T3")]


class ActionPlanForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    first_year = forms.IntegerField(
        label=gettext_lazy("First year of the term"), min_value=2000, max_value=2100
    )
    last_year = forms.IntegerField(
        label=gettext_lazy("Last year of the term"), min_value=2000, max_value=2100
    )


MEASURED, TYPED = "measured", "typed"


class GoalForm(forms.Form):
    """A goal; its baseline is either measured by the product in the baseline tertial (once
    that has ended) or typed, as the coordinator chooses."""

    title = forms.CharField(label=gettext_lazy("Goal"), max_length=200)
    indicator = forms.ChoiceField(
        label=gettext_lazy("Indicator"),
        help_text=gettext_lazy("What the product counts to measure the goal, per tertial."),
    )
    categories = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Categories"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("For the incidents indicator: the categories counted."),
    )
    areas = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Areas"),
        queryset=Area.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("For the incidents indicator: none chosen counts everywhere."),
    )
    baseline_source = forms.ChoiceField(
        label=gettext_lazy("Baseline"),
        choices=[
            (MEASURED, gettext_lazy("Use the value measured in the baseline tertial")),
            (TYPED, gettext_lazy("Use the value I type")),
        ],
        initial=MEASURED,
        widget=forms.RadioSelect,
    )
    baseline_value = forms.FloatField(label=gettext_lazy("Baseline value"), required=False)
    baseline_year = forms.IntegerField(
        label=gettext_lazy("Baseline year"), min_value=2000, max_value=2100
    )
    baseline_tertial = forms.TypedChoiceField(
        label=gettext_lazy("Baseline tertial"), choices=TERTIAL_CHOICES, coerce=int
    )
    target_value = forms.FloatField(label=gettext_lazy("Target value"))
    target_on = forms.DateField(
        label=gettext_lazy("Target date"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, municipality, measured=None, **kwargs):
        """``measured`` is the stored goal's baseline as measured now (a Measurement), which
        the form then names beside the choice."""
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["indicator"].choices = kind_choices()
        self.fields["categories"].queryset = Category.objects.for_municipality(municipality)
        self.fields["areas"].queryset = Area.objects.for_municipality(municipality)
        if measured is not None and measured.value is not None:
            self.fields["baseline_source"].choices = [
                (
                    MEASURED,
                    gettext("Use the value measured in the baseline tertial (%(value)s)")
                    % {"value": floatformat(measured.value, -1)},
                ),
                self.fields["baseline_source"].choices[1],
            ]

    def clean(self):
        """Return the goal's fields with the baseline value measured, when so chosen; the
        choice itself is not one of them."""
        data = super().clean()
        source = data.pop("baseline_source", None)
        if source == TYPED and data.get("baseline_value") is None:
            if "baseline_value" not in self.errors:
                self.add_error(
                    "baseline_value", gettext("Type the baseline, or use the measured value.")
                )
        elif source == MEASURED and not {"indicator", "baseline_year", "baseline_tertial"} & set(
            self.errors
        ):
            measurement = baseline_measure(
                self.municipality,
                data["indicator"],
                Tertial(data["baseline_year"], data["baseline_tertial"]),
                {
                    "categories": [c.pk for c in data.get("categories") or []],
                    "areas": [a.pk for a in data.get("areas") or []],
                },
                today=timezone.localdate(),
            )
            if measurement.value is None:
                self.add_error(
                    "baseline_source",
                    gettext("The baseline can't be measured: %(reason)s Type it instead.")
                    % {"reason": reason_text(measurement.as_data())},
                )
            else:
                data["baseline_value"] = measurement.value
        return data


class ActivityForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Activity"), max_length=200)
    goal = forms.ModelChoiceField(label=gettext_lazy("Goal"), queryset=Goal.objects.none())
    year = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int)
    owner = forms.ModelChoiceField(
        label=gettext_lazy("Owner (organisation)"), queryset=Organisation.objects.none()
    )
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=Activity.Status.choices)

    def __init__(self, *args, plan, activity=None, **kwargs):
        """The years offered are those whose action plan is not adopted (and ``activity``'s)."""
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = plan.goals.all()
        years = self.open_years(plan) | ({activity.year} if activity else set())
        self.fields["year"].choices = [(year, year) for year in sorted(years)]
        self.fields["year"].initial = timezone.localdate().year
        self.fields["owner"].queryset = Organisation.objects.filter(
            municipalities=plan.municipality
        )

    @staticmethod
    def open_years(plan) -> set[int]:
        """Return the years of ``plan``'s term whose newest action plan is not adopted."""
        adopted = plan.year_plans.current().filter(status=YearPlan.Status.ADOPTED)
        return set(plan.years) - set(adopted.values_list("year", flat=True))


class ActionPlanAdoptForm(forms.Form):
    adopted_on = forms.DateField(
        label=gettext_lazy("Adopted on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    decision = forms.CharField(
        label=gettext_lazy("The council's decision"), widget=forms.Textarea(attrs={"rows": 3})
    )
