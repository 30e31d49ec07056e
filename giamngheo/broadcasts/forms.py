from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from giamngheo.accounts import scoping
from giamngheo.accounts.viewsets import unit_label
from giamngheo.units.models import Unit, UnitLevel

from .models import BroadcastSource, monday_of

ROWS_PER_WEEK = 7


def last_monday() -> datetime.date:
    return monday_of(timezone.localdate()) - datetime.timedelta(days=7)


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return unit_label(obj)


class WeekForm(forms.Form):
    """A commune's week: which commune, which week, or “nothing this week”."""

    commune = CommuneChoiceField(label=_("Commune"), queryset=Unit.objects.none())
    week = forms.DateField(
        label=_("Any day of the week"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    no_programme = forms.BooleanField(label=_("No programme this week"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        communes = scoping.units_visible_to(user).filter(level=UnitLevel.COMMUNE)
        self.fields["commune"].queryset = communes.vietnamese_order()
        # An officer usually logs for one commune: preselect it as it is last week.
        current = communes.in_force(last_monday())
        if len({unit.code for unit in current}) == 1:
            self.fields["commune"].initial = current.first()
        self.fields["week"].initial = last_monday()

    def clean(self):
        # Only the week's shape here: every date of it is checked by the programme's
        # rule (services.ProgrammeRule), as in the single form and the import.
        data = super().clean()
        if data.get("week"):
            data["week"] = monday_of(data["week"])
        return data


class ProgrammeRowForm(forms.Form):
    """One programme of the week; an all-empty row is ignored."""

    on = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    title = forms.CharField(label=_("Title"), max_length=255, required=False)
    minutes = forms.IntegerField(
        label=_("Minutes"),
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    source = forms.ChoiceField(
        label=_("Source"), choices=BroadcastSource.choices, initial=BroadcastSource.OWN
    )

    def clean(self):
        data = super().clean()
        filled = [data.get("on"), data.get("title"), data.get("minutes")]
        if any(filled) and not all(filled):
            for name in ("on", "title", "minutes"):
                if not data.get(name):
                    self.add_error(name, _("Fill in the date, title and minutes of the programme."))
        return data

    @property
    def is_filled(self) -> bool:
        return bool(self.cleaned_data.get("title"))


ProgrammeFormSet = forms.formset_factory(ProgrammeRowForm, extra=ROWS_PER_WEEK, max_num=20)


class ReopenForm(forms.Form):
    commune = CommuneChoiceField(label=_("Commune"), queryset=Unit.objects.none())
    week = forms.DateField(
        label=_("Any day of the week"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        communes = scoping.units_visible_to(user).filter(level=UnitLevel.COMMUNE)
        self.fields["commune"].queryset = communes.vietnamese_order()
