"""The admin page of a row-by-row Excel import, shared by every import.

A subclass names its permission, its form, where it sits in the admin and how it
runs (``run``, usually a ``core.imports.RowImport``); the page, the breadcrumbs,
the template link and the words after an upload are the same everywhere.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import RowImportForm
from .imports import ImportReport
from .xlsx import Column


class RowImportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/row_import.html"
    header_icon = "upload"
    permission = ""
    form_class = RowImportForm
    index_url_name = ""  # the listing the import adds to, for breadcrumbs and the way back
    index_label = ""
    template_url_name = ""

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def run(self, form) -> ImportReport | None:
        raise NotImplementedError

    def success_message(self, added: int) -> str:
        raise NotImplementedError

    def report_message(self, report: ImportReport) -> str:
        """The words after records were written; an import that also replaces says how many."""
        return self.success_message(report.added)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        return self.form_class(self.request.POST or None, self.request.FILES or None)

    def get_success_url(self) -> str:
        """Where a clean import leads: the listing it added to."""
        return reverse(self.index_url_name)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": self.index_label},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            template_url=reverse(self.template_url_name), columns=self.columns(), **kwargs
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        report = None
        if form.is_valid():
            # None: ``run`` refused what the form asked and said why on the form.
            report = self.run(form)
        if report is not None:
            if report.added:
                messages.success(request, self.report_message(report))
            if not report.has_errors:
                return redirect(self.get_success_url())
        return self.render_to_response(self.get_context_data(form=form, report=report))
