"""Admin views of the annual report: ask for one, follow its progress, download it.

Every view goes through ``accounts.scoping``: a report of a unit outside the
user's scope answers 404, whether it exists or not.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from giamngheo.accounts import scoping

from .forms import ReportRequestForm
from .models import GeneratedReport
from .services import GENERATE, request_report

VIEW = "reports.view_generatedreport"
LIST_LENGTH = 50


def visible_reports(user):
    if not user.has_perm(VIEW):
        return GeneratedReport.objects.none()
    return scoping.scope(GeneratedReport.objects.select_related("unit", "requested_by"), user)


def _get_visible_or_404(user, pk) -> GeneratedReport:
    if not user.has_perm(VIEW):
        raise PermissionDenied
    return scoping.get_scoped_or_404(GeneratedReport.objects.select_related("unit"), user, pk=pk)


def status_data(report: GeneratedReport) -> dict:
    data = {
        "id": report.pk,
        "status": report.status,
        "status_label": str(report.get_status_display()),
        "progress": report.progress,
        "step": report.current_step,
        "error": report.error,
        "finished": report.is_finished,
    }
    if report.status == GeneratedReport.Status.DONE:
        data["xlsx_url"] = reverse("reports_download", args=[report.pk, "xlsx"])
        data["pdf_url"] = reverse("reports_download", args=[report.pk, "pdf"])
    return data


class ReportsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reports/index.html"
    page_title = gettext_lazy("Results reports")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        reports = list(visible_reports(self.request.user)[:LIST_LENGTH])
        return super().get_context_data(
            reports=reports,
            can_generate=self.request.user.has_perm(GENERATE),
            status_url=reverse("reports_status", args=[0]),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(
            self.get_context_data(form=ReportRequestForm(user=request.user))
        )

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(GENERATE):
            raise PermissionDenied
        form = ReportRequestForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                report = request_report(by=request.user, **form.cleaned_data)
            except ValidationError as error:
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                if report.status == GeneratedReport.Status.FAILED:
                    messages.error(request, report.error)
                else:
                    messages.success(
                        request, _("The report “%(report)s” was requested.") % {"report": report}
                    )
                return redirect("reports_index")
        return self.render_to_response(self.get_context_data(form=form))


def report_status(request: HttpRequest, pk: int) -> JsonResponse:
    """The report's status and progress, for the list's progress bars to refresh."""
    return JsonResponse(status_data(_get_visible_or_404(request.user, pk)))


def download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    report = _get_visible_or_404(request.user, pk)
    field = {"xlsx": report.xlsx, "pdf": report.pdf}.get(kind)
    if field is None or not field.name or report.status != GeneratedReport.Status.DONE:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    stamp = report.generated_at.strftime("%Y%m%d") if report.generated_at else ""
    filename = f"bao-cao-{report.year}-{report.unit.code}-{stamp}.{kind}"
    return FileResponse(handle, as_attachment=True, filename=filename)
