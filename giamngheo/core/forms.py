"""The upload form every row-by-row Excel import shares (core/xlsx.py reads the file)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class RowImportForm(forms.Form):
    """An .xlsx file of at most 5 MB, and whether to import the valid rows when some are
    wrong. A subclass says what one row is (``file_help_text``) and adds its options."""

    file_help_text = ""

    file = forms.FileField(
        label=_("Excel file (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": XLSX_ACCEPT}),
    )
    valid_rows_only = forms.BooleanField(
        label=_("Import the valid rows only"),
        required=False,
        help_text=_(
            "Leave unticked to import nothing while any row is wrong; tick to skip the wrong "
            "rows and import the others."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.file_help_text

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload
