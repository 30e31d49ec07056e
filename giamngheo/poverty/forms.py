"""Admin forms of the poverty figures: the record form and the Excel upload."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from giamngheo.accounts.viewsets import ScopedUnitForm

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class PovertyStatisticForm(ScopedUnitForm):
    unit_field = "unit"


class StatisticUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        help_text=_("Fill in the template: one unit and year a row."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
    valid_rows_only = forms.BooleanField(
        label=_("Import the valid rows only"),
        required=False,
        help_text=_(
            "Leave unticked to import nothing while any row is wrong; tick to skip the wrong "
            "rows and import the others."
        ),
    )
    replace_existing = forms.BooleanField(
        label=_("Replace existing figures"),
        required=False,
        help_text=_(
            "Tick to update the figures already recorded for a unit and year with the file's; "
            "unticked, such a row is an error. Every update is kept in the record's history."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
