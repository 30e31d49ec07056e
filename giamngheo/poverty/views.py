"""Admin views: import poverty figures from Excel, and the template to fill in."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giamngheo.core.imports import ImportReport
from giamngheo.core.views import RowImportView
from giamngheo.core.xlsx import template_response

from .forms import StatisticUploadForm
from .importers import import_statistics, statistic_columns
from .services import ADD

INDEX = "poverty_statistics:list"


def statistics_template(request: HttpRequest) -> HttpResponse:
    """The empty table of figures to fill in, with an example on a second sheet."""
    if not request.user.has_perm(ADD):
        raise PermissionDenied
    return template_response(filename="so-lieu-ho-ngheo", columns=statistic_columns())


class ImportStatisticsView(RowImportView):
    """Units' figures for years from one workbook (``importers.FigureImport``)."""

    template_name = "poverty/import_statistics.html"
    page_title = gettext_lazy("Import poverty figures")
    permission = ADD
    form_class = StatisticUploadForm
    index_url_name = INDEX
    index_label = gettext_lazy("Poverty figures")
    template_url_name = "poverty_statistics:import_template"

    def columns(self):
        return statistic_columns()

    def run(self, form) -> ImportReport | None:
        try:
            return import_statistics(
                upload=form.cleaned_data["file"],
                by=self.request.user,
                valid_rows_only=form.cleaned_data["valid_rows_only"],
                replace_existing=form.cleaned_data["replace_existing"],
                submit=form.cleaned_data["submit"],
            )
        except PermissionDenied:
            form.add_error("replace_existing", _("You may not change figures already recorded."))
            return None

    def report_message(self, report: ImportReport) -> str:
        return _("%(created)d figures added, %(updated)d replaced.") % {
            "created": report.created,
            "updated": report.updated,
        }
