from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import DEFAULT_RECIPIENTS, GeneratedReport
from .services import reportable_units

FIRST_YEAR = 2021


def unit_choices(user):
    """One choice per unit code (its latest version): the report scope goes by code."""
    latest = {}
    for unit in reportable_units(user).order_by("valid_from"):
        latest[unit.code] = unit
    return sorted(latest.values(), key=lambda u: (u.level != "province", u.sort_name))


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=GeneratedReport.Kind.choices, initial=GeneratedReport.Kind.ANNUAL
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None, empty_label=None)
    number = forms.CharField(
        label=_("Number and symbol"),
        max_length=50,
        required=False,
        help_text=_('e.g. "125/BC-BCĐ"; left empty, a space is left for it.'),
    )
    recipients = forms.CharField(
        label=_("Recipients"),
        widget=forms.Textarea(attrs={"rows": 4}),
        initial=DEFAULT_RECIPIENTS,
        required=False,
        help_text=_("One recipient a line."),
    )
    signer_title = forms.CharField(label=_("Signer's title"), max_length=150, required=False)
    signer_name = forms.CharField(label=_("Signer's name"), max_length=150, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        years = list(range(this_year, FIRST_YEAR - 1, -1))
        self.fields["year"].choices = [(y, y) for y in years]
        self.fields["year"].initial = this_year - 1
        units = unit_choices(user)
        self.fields["unit"].queryset = (
            reportable_units(user)
            .filter(pk__in=[u.pk for u in units])
            .order_by("level", "sort_name")
        )
        self.fields["unit"].label_from_instance = lambda u: f"{u.name} ({u.code})"
