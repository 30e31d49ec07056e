"""Admin views of the radio log that Wagtail has no generic view for."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giamngheo.core import xlsx
from giamngheo.core.views import RowImportView

from . import importers, services
from .forms import ProgrammeFormSet, ReopenForm, WeekForm


def _require(request, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _week_asked(request) -> dict:
    """The week a link asks for (``?week=2026-11-30``, from the home panel); none if unreadable."""
    try:
        return {"week": datetime.date.fromisoformat(request.GET.get("week", ""))}
    except ValueError:
        return {}


def week_entry(request):
    """Log a commune's whole week at once; built for a phone."""
    _require(request, "broadcasts.add_broadcast")
    form = WeekForm(request.POST or None, user=request.user, initial=_week_asked(request))
    formset = ProgrammeFormSet(request.POST or None, prefix="p")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        commune = form.cleaned_data["commune"]
        programmes = [
            services.Programme(
                commune=commune,
                on=row.cleaned_data["on"],
                title=row.cleaned_data["title"],
                minutes=row.cleaned_data["minutes"],
                source=row.cleaned_data["source"],
            )
            for row in formset
            if row.cleaned_data and row.is_filled
        ]
        try:
            saved = services.record_week(
                commune=commune,
                week_start=form.cleaned_data["week"],
                programmes=programmes,
                no_programme=form.cleaned_data["no_programme"],
                by=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            if saved:
                messages.success(request, _("%(count)d programmes logged.") % {"count": len(saved)})
            else:
                messages.success(request, _("Week reported: no programme."))
            return redirect("broadcasts:index")
    return TemplateResponse(
        request, "broadcasts/week_entry.html", {"form": form, "formset": formset}
    )


def import_template(request):
    _require(request, "broadcasts.add_broadcast")
    return xlsx.template_response(filename="mau-nhap-phat-thanh", columns=importers.columns())


class ImportView(RowImportView):
    """Many communes' programmes from one workbook (``importers.RadioImport``)."""

    template_name = "broadcasts/import.html"
    page_title = gettext_lazy("Import radio logs from Excel")
    permission = "broadcasts.add_broadcast"
    index_url_name = "broadcasts:index"
    index_label = gettext_lazy("Commune radio")
    template_url_name = "broadcasts_import_template"

    def columns(self):
        return importers.columns()

    def run(self, form):
        return importers.import_broadcasts(
            upload=form.cleaned_data["file"],
            by=self.request.user,
            valid_rows_only=form.cleaned_data["valid_rows_only"],
        )

    def success_message(self, added: int) -> str:
        return _("%(count)d programmes imported.") % {"count": added}


def reopen_week(request):
    if not services.can_reopen(request.user):
        raise PermissionDenied
    form = ReopenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            log = services.reopen_week(
                commune=form.cleaned_data["commune"],
                week_start=form.cleaned_data["week"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The week of %(week)s is open for changes until %(until)s.")
                % {
                    "week": log.week_start.strftime("%d/%m/%Y"),
                    "until": log.reopened_until.strftime("%d/%m/%Y"),
                },
            )
            return redirect("broadcasts:index")
    return TemplateResponse(request, "broadcasts/reopen.html", {"form": form})
