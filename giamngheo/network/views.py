"""The coverage of communes by active communicators, on a date, with its XLSX export."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giamngheo.accounts import scoping
from giamngheo.core.views import RowImportView
from giamngheo.core.xlsx import template_response, workbook_response
from giamngheo.units.models import UnitLevel

from . import selectors
from .forms import CommunicatorUploadForm
from .importers import communicator_columns
from .services import import_communicators

ADD_COMMUNICATOR = "network.add_communicator"


class CoverageForm(forms.Form):
    on = forms.DateField(label=gettext_lazy("On"), required=False)
    district = forms.ChoiceField(label=gettext_lazy("District"), required=False)
    uncovered = forms.BooleanField(label=gettext_lazy("Only communes without any"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        names: dict[str, str] = {}
        for code, name in (
            scoping.units_visible_to(user)
            .filter(level=UnitLevel.DISTRICT)
            .order_by("code", "valid_from")
            .values_list("code", "name")
        ):
            names[code] = f"{name} ({code})"
        self.fields["district"].choices = [
            ("", _("All")),
            *sorted(names.items(), key=lambda c: c[1]),
        ]


def coverage(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("network.view_communicator"):
        raise PermissionDenied
    form = CoverageForm(request.GET or None, user=request.user)
    on, district, uncovered_only = timezone.localdate(), "", False
    if form.is_valid():
        on = form.cleaned_data["on"] or on
        district = form.cleaned_data["district"]
        uncovered_only = form.cleaned_data["uncovered"]
    rows = selectors.coverage(units=scoping.units_visible_to(request.user), on=on)
    if district:
        rows = [row for row in rows if row.district and row.district.code == district]
    uncovered = sum(1 for row in rows if not row.is_covered)
    if uncovered_only:
        rows = [row for row in rows if not row.is_covered]
    if request.GET.get("export") == "xlsx":
        return workbook_response(
            filename=f"do-phu-tuyen-truyen-vien-{on:%Y%m%d}",
            sheets=[
                (
                    _("Coverage"),
                    [_("District"), _("Commune"), _("Code"), _("Active communicators")],
                    [
                        [
                            row.district.name if row.district else "",
                            row.commune.name,
                            row.commune.code,
                            row.active,
                        ]
                        for row in rows
                    ],
                )
            ],
        )
    query = request.GET.copy()
    query["export"] = "xlsx"
    return TemplateResponse(
        request,
        "network/coverage.html",
        {
            "form": form,
            "rows": rows,
            "on": on,
            "uncovered": uncovered,
            "export_url": f"{reverse('network_coverage')}?{query.urlencode()}",
        },
    )


def communicators_template(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(ADD_COMMUNICATOR):
        raise PermissionDenied
    return template_response(filename="tuyen-truyen-vien", columns=communicator_columns())


class ImportCommunicatorsView(RowImportView):
    template_name = "network/import.html"
    page_title = gettext_lazy("Import communicators")
    permission = ADD_COMMUNICATOR
    form_class = CommunicatorUploadForm
    index_url_name = "network_communicators:index"
    index_label = gettext_lazy("Communicators")
    template_url_name = "network_communicators:import_template"

    def columns(self):
        return communicator_columns()

    def run(self, form):
        return import_communicators(
            upload=form.cleaned_data["file"],
            by=self.request.user,
            today=timezone.localdate(),
            valid_rows_only=form.cleaned_data["valid_rows_only"],
        )

    def success_message(self, added: int) -> str:
        return _("%(added)d communicators added.") % {"added": added}
