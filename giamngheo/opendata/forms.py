"""The forms of the DHIS2 exchange page: which years to export, and the file to import."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from giamngheo.indicators.models import ProgrammePeriod


def year_choices() -> list[tuple[int, int]]:
    this_year = timezone.localdate().year
    years = sorted({y for p in ProgrammePeriod.objects.all() for y in p.years if y <= this_year})
    return [(year, year) for year in reversed(years)]


class ExportForm(forms.Form):
    years = forms.TypedMultipleChoiceField(
        label=_("Years"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    weekly = forms.BooleanField(
        label=_("Include weekly values"),
        required=False,
        initial=True,
        help_text=_("The commune radio indicator's share of each week, when it is mapped weekly."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["years"].choices = year_choices()
        self.fields["years"].initial = [
            choice for choice, _label in self.fields["years"].choices[:1]
        ]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Data value set (JSON)"),
        help_text=_("A DHIS2 dataValueSets file in JSON, as the sending system exports it."),
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=200,
        help_text=_("Who sent the values, e.g. “DHIS2 of the Ministry”."),
    )
