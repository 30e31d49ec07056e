"""Admin views: import a course's participant list from Excel, and its template."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giamngheo.accounts import scoping
from giamngheo.core.imports import ImportReport
from giamngheo.core.views import RowImportView
from giamngheo.core.xlsx import template_response

from .forms import ParticipantUploadForm
from .importers import import_participants, participant_columns
from .models import TrainingCourse

CHANGE_COURSE = "training.change_trainingcourse"


def participants_template(request: HttpRequest) -> HttpResponse:
    """The empty participant list to fill in, with an example on a second sheet."""
    if not request.user.has_perm(CHANGE_COURSE):
        raise PermissionDenied
    return template_response(filename="danh-sach-hoc-vien", columns=participant_columns())


class ImportParticipantsView(RowImportView):
    """A course's participants from one workbook (``importers.ParticipantImport``)."""

    template_name = "training/import_participants.html"
    page_title = gettext_lazy("Import participants")
    permission = CHANGE_COURSE
    form_class = ParticipantUploadForm
    template_url_name = "training_courses:import_template"

    def dispatch(self, request, *args, **kwargs):
        # 404 before 403: a course of another unit must not be told apart from none.
        self.course = scoping.get_scoped_or_404(
            TrainingCourse.objects.select_related("organising_unit"),
            request.user,
            unit_field="organising_unit",
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def inspect_url(self) -> str:
        return reverse("training_courses:inspect", args=[self.course.pk])

    def get_success_url(self) -> str:
        return self.inspect_url

    def get_page_subtitle(self) -> str:
        return str(self.course)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("training_courses:index"), "label": _("Training courses")},
            {"url": self.inspect_url, "label": str(self.course)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(course=self.course, **kwargs)

    def columns(self):
        return participant_columns()

    def run(self, form) -> ImportReport:
        return import_participants(
            course=self.course,
            upload=form.cleaned_data["file"],
            by=self.request.user,
            valid_rows_only=form.cleaned_data["valid_rows_only"],
        )

    def report_message(self, report) -> str:
        return _("%(added)d participants added (%(new)d new in the cadre registry).") % {
            "added": report.added,
            "new": report.created_cadres,
        }
