"""Admin forms: plans and their visits within the user's units, recording a visit,
following up a recommendation."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel
from wagtail.admin.widgets import AdminDateInput

from giamngheo.accounts import scoping
from giamngheo.accounts.viewsets import ScopedUnitForm, unit_label
from giamngheo.units.models import Unit, UnitLevel

from .models import RecommendationStatus, SupervisionVisit, VisitStatus


class PlanForm(ScopedUnitForm):
    unit_field = "organiser"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("organiser")
        if field is not None:
            field.queryset = field.queryset.exclude(level=UnitLevel.COMMUNE)
        # On the add form, share the plan with the visit rows so their rules see it.
        if "visits" in self.formsets:
            self.formsets["visits"].instance = self.instance


class VisitForm(WagtailAdminModelForm):
    """A planned visit: any unit the user may see (the model checks it is under the organiser)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("unit")
        if field is not None and self.for_user is not None:
            visible = scoping.units_visible_to(self.for_user).values("pk")
            field.queryset = Unit.objects.filter(
                Q(pk__in=visible) | Q(pk=self.instance.unit_id)
            ).select_related("parent")
            field.label_from_instance = unit_label
        status = self.fields.get("status")
        if status is not None and self.instance.status != VisitStatus.HELD:
            # "Held" is set by recording the visit, never picked here.
            status.choices = [c for c in status.choices if c[0] != VisitStatus.HELD]


class VisitPanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name].update(form=VisitForm, inherit_kwargs=["for_user"])
        return options


def responsible_units(visit: SupervisionVisit):
    """The visited unit and its communes, every version (the model checks the rest)."""
    unit = visit.unit
    query = Q(level=unit.level, code=unit.code)
    if unit.level == UnitLevel.DISTRICT:
        query |= Q(
            level=UnitLevel.COMMUNE, parent__level=UnitLevel.DISTRICT, parent__code=unit.code
        )
    return Unit.objects.of_province(unit.province_code).filter(query).order_by("sort_name", "code")


class RecordVisitForm(forms.Form):
    held_on = forms.DateField(label=_("Held on"), widget=AdminDateInput())
    findings = forms.CharField(
        label=_("Findings"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    strengths = forms.CharField(
        label=_("Strengths"),
        help_text=_("One a line."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    shortcomings = forms.CharField(
        label=_("Shortcomings"),
        help_text=_("One a line."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.code}"] = forms.DecimalField(
                label=criterion.name,
                help_text=_("From 0 to %(max)s") % {"max": f"{criterion.max_score:g}"},
                min_value=0,
                max_value=criterion.max_score,
                decimal_places=2,
                required=True,
                error_messages={
                    "required": _("%(criterion)s: enter a score.") % {"criterion": criterion.name},
                    "max_value": _("%(criterion)s: at most %(max)s.")
                    % {"criterion": criterion.name, "max": f"{criterion.max_score:g}"},
                    "min_value": _("%(criterion)s: at least 0.") % {"criterion": criterion.name},
                },
            )

    def score_fields(self):
        return [(c, self[f"score_{c.code}"]) for c in self.criteria]

    def scores(self) -> dict[str, object]:
        return {c.code: self.cleaned_data.get(f"score_{c.code}") for c in self.criteria}

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip() for line in (text or "").splitlines() if line.strip()]


class RecommendationForm(forms.Form):
    text = forms.CharField(label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 2}))
    responsible_unit = forms.ModelChoiceField(
        label=_("Responsible unit"), queryset=Unit.objects.none()
    )
    due_on = forms.DateField(label=_("Due date"), widget=AdminDateInput())

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["responsible_unit"]
        field.queryset = units if units is not None else Unit.objects.none()
        field.label_from_instance = unit_label


RecommendationFormSet = forms.formset_factory(RecommendationForm, extra=3, can_delete=False)


class FollowUpForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=RecommendationStatus.choices)
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("What was done; required to close the recommendation."),
    )
