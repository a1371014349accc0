"""The action plan's forms: a plan for a term, a goal with its indicator, an activity of a
year's action plan, and the council's adoption."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy

from est.indicators import kind_choices
from est.models import Area, Organisation
from reports.council.plan_models import Activity, Goal
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


class GoalForm(forms.Form):
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
    baseline_value = forms.FloatField(label=gettext_lazy("Baseline value"))
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

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = kind_choices()
        self.fields["categories"].queryset = Category.objects.for_municipality(municipality)
        self.fields["areas"].queryset = Area.objects.for_municipality(municipality)


class ActivityForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Activity"), max_length=200)
    goal = forms.ModelChoiceField(label=gettext_lazy("Goal"), queryset=Goal.objects.none())
    year = forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int)
    owner = forms.ModelChoiceField(
        label=gettext_lazy("Owner (organisation)"), queryset=Organisation.objects.none()
    )
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=Activity.Status.choices)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = plan.goals.all()
        self.fields["year"].choices = [(year, year) for year in plan.years]
        self.fields["year"].initial = timezone.localdate().year
        self.fields["owner"].queryset = Organisation.objects.filter(
            municipalities=plan.municipality
        )


class ActivityStatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=Activity.Status.choices)


class ActionPlanAdoptForm(forms.Form):
    adopted_on = forms.DateField(
        label=gettext_lazy("Adopted on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    decision = forms.CharField(
        label=gettext_lazy("The council's decision"), widget=forms.Textarea(attrs={"rows": 3})
    )
