"""The dashboard's panels and their XLSX exports, built from indicator values.

Each table the dashboard shows is built once here, so the page and its
export always hold the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import Http404, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giamngheo.core.figures import number, percent, rounded
from giamngheo.core.xlsx import workbook_response
from giamngheo.poverty.panels import dashboard_panel, export_sheets

from .models import Indicator, ProgrammePeriod
from .rules import Scope
from .selectors import IndicatorValue

STATUS_LABELS = {
    "met": gettext_lazy("met"),
    "on_track": gettext_lazy("on track"),
    "behind": gettext_lazy("behind"),
    "not_met": gettext_lazy("not met"),
    "no_data": gettext_lazy("no data"),
}
PLAN_LABELS = {
    "approved": gettext_lazy("approved"),
    "submitted": gettext_lazy("submitted"),
    "draft": gettext_lazy("draft"),
    "missing": gettext_lazy("missing"),
}


def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


def fmt(value: float | None, unit_of_measure: str = "") -> str:
    """An indicator's figure: "84,4%" for a share, "1.234" or "12,5" for a count."""
    if unit_of_measure == "%":
        return percent(value)
    return number(value)


def _raw(value: float | None) -> float | None:
    """A figure as the exports hold it: a number rounded as the page shows it."""
    return None if value is None else float(rounded(value, 1))


def url_or_none(name: str, query: dict | None = None) -> str | None:
    try:
        url = reverse(name)
    except NoReverseMatch:
        return None
    return f"{url}?{urlencode(query)}" if query else url


# Where each indicator's records are listed, filtered to the period and year.
RECORD_LISTS = {
    Indicator.Rule.PLAN_COVERAGE: (
        "plans:list",
        lambda period, year: {"period": period.pk, "year": year},
    ),
    Indicator.Rule.RADIO_COMPLIANCE: (
        "broadcasts:index",
        lambda period, year: {"on_from": f"{year}-01-01", "on_to": f"{year}-12-31"},
    ),
    Indicator.Rule.TRAINING_TURNS: ("training_courses:index", lambda period, year: {"year": year}),
}


def records_url(rule: str, period: ProgrammePeriod, year: int) -> str | None:
    if rule not in RECORD_LISTS:
        return None
    name, query = RECORD_LISTS[rule]
    return url_or_none(name, query(period, year))


@dataclass
class Panels:
    cards: list[dict] = field(default_factory=list)
    trend_years: list[int] = field(default_factory=list)
    trend_rows: list[dict] = field(default_factory=list)
    chart: dict = field(default_factory=dict)
    plans: list[dict] | None = None
    radio: dict | None = None
    training: dict | None = None
    poverty: dict | None = None  # poverty.panels.dashboard_panel


def _radio_panel(value: IndicatorValue, period: ProgrammePeriod, year: int, scope: Scope) -> dict:
    from giamngheo.broadcasts.selectors import heat_map, reporting_discipline, week_end
    from giamngheo.units.models import UnitLevel

    compliance = value.detail
    weeks = [week.week_start for week in compliance.weeks]
    communes = scope.units_of_level(UnitLevel.COMMUNE)
    rows = heat_map(year=year, min_per_week=compliance.min_per_week, communes=communes, weeks=weeks)
    list_url = url_or_none("broadcasts:index")
    commune_rows = []
    for row in rows:
        query = {"commune": row.unit.pk}
        if weeks:
            query.update(on_from=f"{weeks[0]:%Y-%m-%d}", on_to=f"{week_end(weeks[-1]):%Y-%m-%d}")
        commune_rows.append(
            {
                "unit": row.unit,
                "cells": [
                    {"count": c, "css": "none" if c is None else min(c, 2)} for c in row.counts
                ],
                "share": _raw(row.share),
                "share_text": fmt(row.share, "%"),
                "weeks_compliant": row.weeks_compliant,
                "weeks_in_force": row.weeks_in_force,
                "url": f"{list_url}?{urlencode(query)}" if list_url else None,
                "behind": row.share is not None and row.share < value.target_value,
            }
        )
    discipline = reporting_discipline(communes=communes, weeks=weeks)
    return {
        "weeks": weeks,
        "rows": commune_rows,
        "lagging": [r for r in commune_rows if r["behind"]],
        "weekly": [
            {
                "week": w.week_start,
                "communes": w.communes,
                "compliant": w.compliant,
                "share": fmt(w.share, "%"),
                "share_value": _raw(w.share),
            }
            for w in compliance.weeks
        ],
        "discipline": {
            "expected": discipline.expected,
            "on_time": discipline.on_time,
            "late": discipline.late,
            "missing": discipline.missing,
            "on_time_rate": fmt(discipline.rate(discipline.on_time), "%"),
            "late_rate": fmt(discipline.rate(discipline.late), "%"),
            "missing_rate": fmt(discipline.rate(discipline.missing), "%"),
        },
        "min_per_week": compliance.min_per_week,
    }


def _plans_panel(value: IndicatorValue) -> list[dict]:
    list_url = url_or_none("plans:list")
    rows = []
    for status in sorted(value.detail.values(), key=lambda s: s.unit.sort_name):
        query = {"unit": status.unit.pk, "period": value.target.period_id}
        rows.append(
            {
                "unit": status.unit,
                "period_plan": PLAN_LABELS.get(status.period_plan, status.period_plan),
                "annual_plan": PLAN_LABELS.get(status.annual_plan, status.annual_plan),
                "covered": status.is_covered,
                "url": f"{list_url}?{urlencode(query)}" if list_url else None,
            }
        )
    return rows


def _training_panel(value: IndicatorValue, year: int, scope: Scope) -> dict:
    from giamngheo.training.selectors import turns_by_unit

    by_level = value.detail
    units = scope.all_units()
    per_unit = turns_by_unit(year=year, units=units)
    names = {u.code: u for u in units.filter(code__in=per_unit.keys()).order_by("-valid_from")}
    return {
        "by_level": [
            {"level": _("Province level"), "turns": by_level.get("province", 0)},
            {"level": _("District level"), "turns": by_level.get("district", 0)},
            {"level": _("Commune level"), "turns": by_level.get("commune", 0)},
        ],
        "total": by_level.get("total", 0),
        "by_unit": sorted(
            ({"unit": names.get(code), "code": code, "turns": n} for code, n in per_unit.items()),
            key=lambda row: -row["turns"],
        ),
        "url": url_or_none("training_courses:index", {"year": year}),
        "cadres_url": url_or_none("training_cadres:index"),
    }


def build(
    *,
    period: ProgrammePeriod,
    year: int,
    scope: Scope,
    values: list[IndicatorValue],
    trend: dict[int, list[IndicatorValue | None]],
) -> dict[str, Any]:
    panels = Panels()
    for value in values:
        uom = value.indicator.unit_of_measure
        panels.cards.append(
            {
                "indicator": value.indicator,
                "value": fmt(value.value, uom),
                "target": fmt(value.target_value, uom),
                "raw_value": _raw(value.value),
                "raw_target": _raw(value.target_value),
                "uom": uom,
                "status": value.status,
                "status_label": status_label(value.status),
                "url": records_url(value.indicator.rule, period, year),
            }
        )
        rule = value.indicator.rule
        if rule == Indicator.Rule.PLAN_COVERAGE and value.detail:
            panels.plans = _plans_panel(value)
        elif rule == Indicator.Rule.RADIO_COMPLIANCE and value.detail is not None:
            panels.radio = _radio_panel(value, period, year, scope)
        elif rule == Indicator.Rule.TRAINING_TURNS and value.detail is not None:
            panels.training = _training_panel(value, year, scope)

    panels.poverty = dashboard_panel(year=year, scope=scope)

    indicators = {v.indicator.pk: v.indicator for v in values}
    years = sorted({v.year for series in trend.values() for v in series if v})
    panels.trend_years = years
    for indicator_pk, series in trend.items():
        indicator = indicators.get(indicator_pk)
        if indicator is None:
            continue
        cells = [
            {
                "value": fmt(v.value, indicator.unit_of_measure),
                "raw_value": _raw(v.value),
                "status": v.status,
                "status_label": status_label(v.status),
            }
            if v
            else None
            for v in series
        ]
        panels.trend_rows.append({"indicator": indicator, "cells": cells})
        panels.chart[indicator.code] = {
            "label": indicator.name,
            "years": years,
            "values": [round(v.value, 1) if v and v.value is not None else None for v in series],
            "targets": [v.target_value if v else None for v in series],
        }
    return {"panels": panels, "period": period, "year": year, "scope": scope}


def export(name: str, context: dict[str, Any]) -> HttpResponse:
    panels: Panels = context["panels"]
    year = context["year"]
    if name == "summary":
        # Numbers stay numbers; the unit of each indicator is named in its own column.
        rows = [
            [
                c["indicator"].name,
                c["uom"],
                c["raw_value"],
                c["raw_target"],
                c["status_label"],
            ]
            for c in panels.cards
        ]
        trend = [
            [
                r["indicator"].name,
                r["indicator"].unit_of_measure,
                *[c["raw_value"] if c else None for c in r["cells"]],
            ]
            for r in panels.trend_rows
        ]
        headers = [_("Indicator"), _("Unit of measure"), _("Value"), _("Target"), _("Status")]
        return workbook_response(
            filename=f"chi-tieu-{year}",
            sheets=[
                (_("Indicators"), headers, rows),
                (
                    _("Trend"),
                    [_("Indicator"), _("Unit of measure"), *map(str, panels.trend_years)],
                    trend,
                ),
            ],
        )
    if name == "plans" and panels.plans is not None:
        rows = [
            [r["unit"].code, r["unit"].name, r["period_plan"], r["annual_plan"]]
            for r in panels.plans
        ]
        headers = [_("Code"), _("District-level unit"), _("Period plan"), _("Annual plan")]
        return workbook_response(filename=f"ke-hoach-{year}", sheets=[(_("Plans"), headers, rows)])
    if name == "radio" and panels.radio is not None:
        radio = panels.radio
        weeks = [f"{w:%d/%m}" for w in radio["weeks"]]
        heat = [
            [
                r["unit"].code,
                r["unit"].name,
                r["share"],
                *[c["count"] for c in r["cells"]],
            ]
            for r in radio["rows"]
        ]
        weekly = [
            [w["week"], w["communes"], w["compliant"], w["share_value"]] for w in radio["weekly"]
        ]
        return workbook_response(
            filename=f"phat-thanh-{year}",
            sheets=[
                (
                    _("Communes by week"),
                    [_("Code"), _("Commune"), _("Compliant weeks (%)"), *weeks],
                    heat,
                ),
                (
                    _("Weeks"),
                    [_("Week"), _("Communes"), _("Compliant"), _("Compliant communes (%)")],
                    weekly,
                ),
            ],
        )
    if name == "training" and panels.training is not None:
        training = panels.training
        by_unit = [
            [r["code"], r["unit"].name if r["unit"] else "", r["turns"]]
            for r in training["by_unit"]
        ]
        by_level = [[r["level"], r["turns"]] for r in training["by_level"]]
        return workbook_response(
            filename=f"tap-huan-{year}",
            sheets=[
                (_("By level"), [_("Level"), _("Turns")], by_level),
                (_("By unit"), [_("Code"), _("Unit"), _("Turns")], by_unit),
            ],
        )
    if name == "poverty" and panels.poverty is not None:
        return workbook_response(
            filename=f"so-lieu-ho-ngheo-{year}", sheets=export_sheets(panels.poverty)
        )
    raise Http404
