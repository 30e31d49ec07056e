from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "giamngheo.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from wagtail.admin.views.mixins import SpreadsheetExportMixin

        from .xlsx import neutralise_formula

        # Every listing's XLSX and CSV export (Wagtail's, for every viewset) makes text
        # a spreadsheet would run as a formula inert, in this one place; numbers and
        # dates keep their own preprocessing and stay typed.
        formats = SpreadsheetExportMixin.FORMATS
        SpreadsheetExportMixin.custom_value_preprocess = {
            **SpreadsheetExportMixin.custom_value_preprocess,
            str: dict.fromkeys(formats, neutralise_formula),
        }
