"""The programme's results (kết quả thực hiện): indicators against targets, per year
and unit, as tables readable without JavaScript, a chart, and CSV.

The figures come from the KPI engine the admin dashboard uses
(``indicators.selectors``), for the province or one district-level unit of
the map in force that year; they are public aggregates, so any visitor may
read any unit of the configured province, and nothing of another province.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from giamngheo.core.params import parse_year
from giamngheo.core.text import fold
from giamngheo.core.xlsx import neutralise_formula
from giamngheo.indicators.dashboard import fmt, status_label
from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.indicators.rules import Scope, reference_day, year_bounds
from giamngheo.indicators.selectors import (
    IndicatorValue,
    dashboard_values,
    default_year,
    drilldown_units,
    scope_for_unit,
)
from giamngheo.poverty.panels import figure_headers, figure_rows, public_panel
from giamngheo.units.models import Unit, UnitLevel

from .base import PortalPage


@dataclass
class Results:
    """What the results page shows for one year and one unit."""

    period: ProgrammePeriod
    years: list[int]
    year: int
    scope: Scope
    unit_name: str
    units: list[Unit]
    rows: list[dict[str, Any]] = field(default_factory=list)
    trend_columns: list[Any] = field(default_factory=list)
    trend_rows: list[dict[str, Any]] = field(default_factory=list)
    chart: dict[str, Any] = field(default_factory=dict)
    # Set when the unit asked for was not a district-level unit in that year's map.
    unit_not_in_year: str = ""
    poverty: dict[str, Any] | None = None  # poverty.panels.public_panel

    @property
    def unit_code(self) -> str:
        return self.scope.unit.code if self.scope.unit else ""


def _year(params, period: ProgrammePeriod, periods: list[ProgrammePeriod]) -> tuple[list[int], int]:
    """The years a visitor may pick (every period's, up to this one) and the one picked."""
    this_year = timezone.localdate().year
    every = {y for p in periods for y in p.years if y <= this_year}
    years = sorted(every) or period.years[:1]
    raw = params.get("year", "")
    if not raw:
        return years, min(default_year(period), years[-1])
    year = parse_year(raw)
    if year not in years:
        raise Http404
    return years, year


def _province_name(province_code: str, period: ProgrammePeriod, year: int) -> str:
    provinces = Unit.objects.of_province(province_code).filter(level=UnitLevel.PROVINCE)
    day = reference_day(provinces, *year_bounds(period, year))
    unit = provinces.in_force(day).first() or provinces.order_by("-valid_from").first()
    return unit.name if unit else province_code


def _cell(value: IndicatorValue | None) -> dict[str, Any] | None:
    if value is None:
        return None
    uom = value.indicator.unit_of_measure
    return {
        "indicator": value.indicator,
        "uom": uom,
        "target": fmt(value.target_value, uom),
        "value": fmt(value.value, uom),
        "status": value.status,
        "status_label": status_label(value.status),
    }


def results_for(params) -> Results | None:
    """The indicators for the year and unit in ``params`` (``year``, ``unit``: a code).

    No parameters: this year (within the current period) and the whole
    province. A year outside the period, or a code that names no district-level
    unit of the configured province, raises Http404. A unit of the province that
    was not district-level in that year's map (Thành phố Huế in 2025) gives the
    province, with a note. None when no programme period is set up.
    """
    periods = list(ProgrammePeriod.objects.all())
    today = timezone.localdate()
    started = [p for p in periods if p.start <= today]
    period = started[-1] if started else (periods[0] if periods else None)  # current_period
    if period is None:
        return None
    years, year = _year(params, period, periods)
    # A year of an earlier period (2024 while 2026–2030 runs) is read against its own targets.
    period = next((p for p in periods if year in p.years), period)
    units = sorted(drilldown_units(period=period, year=year), key=lambda unit: unit.sort_name)
    code = params.get("unit", "")
    scope = scope_for_unit(code, units=units)
    not_in_year = ""
    if scope is None:
        elsewhere = scope_for_unit(code)  # the unit in another year's map
        if elsewhere is None:
            raise Http404
        not_in_year = elsewhere.unit.name
        scope = scope_for_unit(None)
    name = scope.unit.name if scope.unit else _province_name(scope.province_code, period, year)
    results = Results(period, years, year, scope, name, units, unit_not_in_year=not_in_year)

    results.poverty = public_panel(year=year, scope=scope)
    values, trend = dashboard_values(period=period, scope=scope, year=year)
    results.rows = [cell for value in values if (cell := _cell(value))]
    # The trend: one column per indicator, one row per year of the period so far.
    trend_years = [y for y in period.years if y <= timezone.localdate().year]
    columns = [
        (first.indicator, per_year)
        for per_year in trend.values()
        if (first := next((v for v in per_year if v), None))
    ]
    results.trend_columns = [indicator for indicator, _per_year in columns]
    results.trend_rows = [
        {"year": y, "cells": [_cell(per_year[i]) for _indicator, per_year in columns]}
        for i, y in enumerate(trend_years)
    ]
    # The chart draws the trend table's numbers, as the admin dashboard's does
    # (same shape, same script: static/js/kpi-charts.js).
    results.chart = {
        indicator.code: {
            "label": indicator.name,
            "years": trend_years,
            "values": [round(v.value, 1) if v and v.value is not None else None for v in per_year],
            "targets": [v.target_value if v else None for v in per_year],
        }
        for indicator, per_year in columns
    }
    return results


def approved_plans(results: Results) -> models.QuerySet:
    """The approved communication plans covering the year: the unit's (or, for the
    province, every district-level unit's) annual plan and period plan."""
    from giamngheo.plans.models import ApprovalStatus, CommunicationPlan

    codes = results.scope.units_of_level(UnitLevel.DISTRICT).values("code")
    return (
        CommunicationPlan.objects.for_status(ApprovalStatus.APPROVED)
        .filter(period=results.period, unit__code__in=codes)
        .filter(Q(year=results.year) | Q(year__isnull=True))
        .select_related("unit", "attachment")
        .annotate(activity_count=Count("activities"))
        .order_by("unit__sort_name", "year")
    )


def _figures(cell: dict[str, Any]) -> list[str]:
    return [cell["target"], cell["value"], cell["status_label"]]


def csv_response(results: Results) -> HttpResponse:
    """The page's two tables in one CSV, UTF-8 with a byte-order mark so Excel
    reads the Vietnamese right; the file is named by year and unit."""
    name = slugify(fold(results.unit_name)) or results.scope.province_code
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ket-qua-{results.year}-{name}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("Unit"), results.unit_name, _("Year"), results.year])
    writer.writerow([])
    writer.writerow([_("Indicator"), _("Unit of measure"), _("Target"), _("Value"), _("Status")])
    for row in results.rows:
        # Indicator names are typed by staff: inert if they look like a formula.
        writer.writerow([neutralise_formula(row["indicator"].name), row["uom"], *_figures(row)])
    writer.writerow([])
    writer.writerow([_("Year"), _("Indicator"), _("Target"), _("Value"), _("Status")])
    for trend_row in results.trend_rows:
        for cell in filter(None, trend_row["cells"]):
            name = neutralise_formula(cell["indicator"].name)
            writer.writerow([trend_row["year"], name, *_figures(cell)])
    if results.poverty is not None:
        own, children = figure_rows(results.poverty["overview"])
        writer.writerow([])
        writer.writerow([_("Poverty figures"), results.year])
        writer.writerows([figure_headers(), own, *children])
    return response


class ResultsPage(RoutablePageMixin, PortalPage):
    intro = models.TextField(gettext_lazy("introduction"), blank=True)
    body = RichTextField(gettext_lazy("commentary"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_text_fields = ("intro", "body")
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = gettext_lazy("programme results page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        results = results_for(request.GET)
        context["results"] = results
        if results is not None:
            context["plans"] = approved_plans(results)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # The figures change with radio logs and courses, not with pages: the
        # portal's page cache (cleared on publishing) must not keep them. The KPI
        # engine caches the values themselves, invalidated by every write.
        patch_cache_control(response, max_age=0)
        return response

    @path("csv/", name="csv")
    def csv_export(self, request):
        results = results_for(request.GET)
        if results is None:
            raise Http404
        return csv_response(results)
