import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "giamngheo.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from wagtail.admin.views.mixins import SpreadsheetExportMixin

        from .xlsx import csv_date, csv_datetime, neutralise_formula, yes_no

        # Every listing's XLSX and CSV export (Wagtail's, for every viewset) makes text
        # a spreadsheet would run as a formula inert, in this one place; numbers and
        # dates keep their own preprocessing and stay typed.
        # A yes/no reads Có/Không (not True/False) in both; in a CSV, which has no
        # types, a date reads dd/mm/yyyy and a moment is local time (not ISO and UTC).
        formats = SpreadsheetExportMixin.FORMATS
        csv, xlsx = SpreadsheetExportMixin.FORMAT_CSV, SpreadsheetExportMixin.FORMAT_XLSX
        wagtails = SpreadsheetExportMixin.custom_value_preprocess
        # (The first class that matches a value wins: a datetime is also a date.)
        SpreadsheetExportMixin.custom_value_preprocess = {
            **wagtails,
            datetime.datetime: {**wagtails[datetime.datetime], csv: csv_datetime},
            datetime.date: {xlsx: None, csv: csv_date},
            bool: dict.fromkeys(formats, yes_no),
            str: dict.fromkeys(formats, neutralise_formula),
        }
