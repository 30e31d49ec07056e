"""Admin views: import poverty figures from Excel, and the template to fill in."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from giamngheo.core.xlsx import template_response

from .forms import StatisticUploadForm
from .importers import statistic_columns
from .services import ADD, ImportReport, import_statistics

INDEX = "poverty_statistics:list"


def statistics_template(request: HttpRequest) -> HttpResponse:
    """The empty table of figures to fill in, with an example on a second sheet."""
    if not request.user.has_perm(ADD):
        raise PermissionDenied
    return template_response(filename="so-lieu-ho-ngheo", columns=statistic_columns())


class ImportStatisticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "poverty/import_statistics.html"
    page_title = gettext_lazy("Import poverty figures")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ADD):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(INDEX), "label": _("Poverty figures")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            template_url=reverse("poverty_statistics:import_template"),
            columns=statistic_columns(),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=StatisticUploadForm()))

    def post(self, request, *args, **kwargs):
        form = StatisticUploadForm(request.POST, request.FILES)
        report: ImportReport | None = None
        if form.is_valid():
            try:
                report = import_statistics(
                    upload=form.cleaned_data["file"],
                    by=request.user,
                    valid_rows_only=form.cleaned_data["valid_rows_only"],
                    replace_existing=form.cleaned_data["replace_existing"],
                    submit=form.cleaned_data["submit"],
                )
            except PermissionDenied:
                form.add_error(
                    "replace_existing", _("You may not change figures already recorded.")
                )
            if report and report.imported:
                messages.success(
                    request,
                    _("%(created)d figures added, %(updated)d replaced.")
                    % {"created": report.created, "updated": report.updated},
                )
            if report and not report.has_errors:
                return redirect(INDEX)
        return self.render_to_response(self.get_context_data(form=form, report=report))
