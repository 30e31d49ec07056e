"""Admin views of the activity register: the import, planned vs done, and the statistics.

Both tables views work within the user's units (``accounts.scoping``) and can
narrow to one district-level unit (with its communes) or one commune; each
exports its tables as XLSX, one sheet a table.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giamngheo.accounts import scoping
from giamngheo.core.views import RowImportView
from giamngheo.core.xlsx import template_response, workbook_response
from giamngheo.reports.sections import Table
from giamngheo.units.models import UnitLevel

from . import report
from .forms import ActivityUploadForm
from .importers import activity_columns, import_activities

VIEW_ACTIVITY = "activities.view_activity"
ADD_ACTIVITY = "activities.add_activity"


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def activities_template(request: HttpRequest) -> HttpResponse:
    _require(request, ADD_ACTIVITY)
    return template_response(filename="hoat-dong-truyen-thong", columns=activity_columns())


class ImportActivitiesView(RowImportView):
    template_name = "activities/import.html"
    page_title = gettext_lazy("Import activities")
    permission = ADD_ACTIVITY
    form_class = ActivityUploadForm
    index_url_name = "activities:index"
    index_label = gettext_lazy("Communication activities")
    template_url_name = "activities:import_template"

    def columns(self):
        return activity_columns()

    def run(self, form):
        return import_activities(
            upload=form.cleaned_data["file"],
            by=self.request.user,
            valid_rows_only=form.cleaned_data["valid_rows_only"],
        )

    def success_message(self, added: int) -> str:
        return _("%(added)d activities added.") % {"added": added}


# The tables views.


def unit_choices(user) -> list[tuple[str, str]]:
    """All the user's units, or one district-level unit or commune (by code)."""
    names: dict[str, str] = {}
    for code, name in (
        scoping.units_visible_to(user)
        .exclude(level=UnitLevel.PROVINCE)
        .order_by("code", "valid_from")
        .values_list("code", "name")
    ):
        names[code] = f"{name} ({code})"
    return [("", _("All my units")), *sorted(names.items(), key=lambda c: c[1])]


class TablesForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    unit = forms.ChoiceField(label=gettext_lazy("Unit"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = unit_choices(user)


def _units_for(request: HttpRequest) -> tuple[TablesForm, int, Any, str]:
    """The form, the year, the units to count and the chosen unit code ("" for all)."""
    today = timezone.localdate()
    form = TablesForm(request.GET or {"year": today.year}, user=request.user)
    year, code = today.year, ""
    if form.is_valid():
        year, code = form.cleaned_data["year"], form.cleaned_data["unit"] or ""
    units = scoping.units_visible_to(request.user)
    if code:
        units = units.filter(
            Q(code=code)
            | Q(level=UnitLevel.COMMUNE, parent__level=UnitLevel.DISTRICT, parent__code=code)
        )
    return form, year, units, code


def _render(
    request: HttpRequest,
    *,
    title: str,
    url_name: str,
    form: TablesForm,
    tables: list[Table],
    filename: str,
) -> HttpResponse:
    if request.GET.get("export") == "xlsx":
        return workbook_response(
            filename=filename,
            sheets=[
                (
                    table.title,
                    table.headers,
                    [*table.rows, *([table.totals] if table.totals else [])],
                )
                for table in tables
            ],
        )
    query = request.GET.copy()
    query["export"] = "xlsx"
    return TemplateResponse(
        request,
        "activities/tables.html",
        {
            "title": title,
            "form": form,
            "tables": tables,
            "export_url": f"{reverse(url_name)}?{query.urlencode()}",
        },
    )


def planned_vs_done(request: HttpRequest) -> HttpResponse:
    """Kế hoạch và thực hiện: each planned activity of the year's plans and what was done."""
    _require(request, VIEW_ACTIVITY)
    form, year, units, _code = _units_for(request)
    return _render(
        request,
        title=_("Planned and done"),
        url_name="activities_planned_vs_done",
        form=form,
        tables=[
            report.planned_table(units=units, year=year),
            report.plan_type_table(units=units, year=year),
        ],
        filename=f"ke-hoach-va-thuc-hien-{year}",
    )


def statistics(request: HttpRequest) -> HttpResponse:
    """Thống kê hoạt động: the year's activities by kind, channel and unit."""
    _require(request, VIEW_ACTIVITY)
    form, year, units, code = _units_for(request)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return _render(
        request,
        title=_("Activity statistics"),
        url_name="activities_statistics",
        form=form,
        tables=[
            report.kind_table(units=units, start=start, end=end),
            report.channel_table(units=units, start=start, end=end),
            report.unit_table(
                units=units,
                start=start,
                end=end,
                by_district=not code and scoping.is_province_wide(request.user),
            ),
        ],
        filename=f"thong-ke-hoat-dong-{year}",
    )
