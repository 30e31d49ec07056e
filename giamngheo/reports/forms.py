from __future__ import annotations

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from giamngheo.units.models import UnitLevel

from .models import GeneratedReport
from .services import reportable_units

FIRST_YEAR = 2021
LEVEL_ORDER = Case(
    When(level=UnitLevel.PROVINCE, then=Value(0)),
    When(level=UnitLevel.DISTRICT, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def unit_choices(user):
    """One choice per unit code (its latest version): the report scope goes by code."""
    latest = {}
    for unit in reportable_units(user).order_by("valid_from"):
        latest[unit.code, unit.level] = unit
    return list(latest.values())


def own_unit_choice(user, units) -> object | None:
    """The form opens on the user's own unit (the province for province staff)."""
    own = getattr(user, "unit", None)
    for unit in units:
        if own is not None and (unit.code, unit.level) == (own.code, own.level):
            return unit
    provinces = [unit for unit in units if unit.level == UnitLevel.PROVINCE]
    return provinces[0] if provinces else None


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
    issued_on = forms.DateField(
        label=_("Issue date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "The date the report bears; its issuing body and recipients are those in force "
            "that day. Left empty, the day it is generated."
        ),
    )
    recipients = forms.CharField(
        label=_("Recipients"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_(
            "One recipient a line; left empty, the issuing body's list in force on the "
            "issue date (Settings → Issuing bodies)."
        ),
    )
    signer_title = forms.CharField(
        label=_("Signer's title"),
        max_length=150,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            'One or two lines, e.g. "KT. TRƯỞNG BAN" over "PHÓ TRƯỞNG BAN" for a deputy; '
            "left empty, the issuing body's."
        ),
    )
    signer_name = forms.CharField(
        label=_("Signer's name"),
        max_length=150,
        required=False,
        help_text=_("Left empty, the issuing body's signer; one of the two is needed."),
    )

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
            .order_by(LEVEL_ORDER, "sort_name", "code")
        )
        self.fields["unit"].initial = own_unit_choice(user, units)
        self.fields["unit"].label_from_instance = lambda u: f"{u.name} ({u.code})"
