"""Admin forms of the poverty figures: the record form and the Excel upload."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from giamngheo.accounts.viewsets import ScopedUnitForm
from giamngheo.core.forms import RowImportForm


class PovertyStatisticForm(ScopedUnitForm):
    unit_field = "unit"


class StatisticUploadForm(RowImportForm):
    file_help_text = _("Fill in the template: one unit and year a row.")
    replace_existing = forms.BooleanField(
        label=_("Replace existing figures"),
        required=False,
        help_text=_(
            "Tick to update the figures already recorded for a unit and year with the file's; "
            "unticked, such a row is an error. Every update is kept in the record's history."
        ),
    )
    submit = forms.BooleanField(
        label=_("Send for approval"),
        required=False,
        initial=True,
        help_text=_(
            "The figures count and appear on the portal once province staff approve them. "
            "Figures province staff import are approved as they are imported."
        ),
    )
