"""The poverty figures as the KPI dashboard shows and exports them.

Built once here, so the dashboard's panel and its XLSX export hold the same
figures; each figure links to the records behind it in the admin listing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from giamngheo.core import figures
from giamngheo.indicators.rules import Scope
from giamngheo.units.models import UnitLevel

from .selectors import Figures, PovertyOverview, poverty_overview

LISTING = "poverty_statistics:list"


def percent(value: float | None) -> str:
    """A rate as the active language writes it: "3,25%" in Vietnamese (two decimals)."""
    return figures.percent(value, 2)


def points(value: float | None) -> str:
    """A change in percentage points, signed: "−0,52"."""
    return figures.points(value, 2)


def count(value: int | None) -> str:
    return figures.number(value, 0)


def listing_url(**query: Any) -> str:
    return f"{reverse(LISTING)}?{urlencode(query)}"


def _records_url(figures: Figures, overview: PovertyOverview) -> str:
    """The rows behind ``figures``: its own row, or, for a sum, its sub-units' rows."""
    if not figures.is_sum:
        return listing_url(year=figures.year, unit=figures.code)
    if overview.child_level == UnitLevel.DISTRICT:
        return listing_url(year=figures.year, level=UnitLevel.DISTRICT)
    return listing_url(year=figures.year, parent=figures.code)


def _row(figures: Figures, url: str) -> dict[str, Any]:
    return {
        "figures": figures,
        "code": figures.code,
        "name": figures.name,
        "households": count(figures.households),
        "poor": count(figures.poor),
        "near_poor": count(figures.near_poor),
        "poor_rate": percent(figures.poor_rate),
        "near_poor_rate": percent(figures.near_poor_rate),
        "poor_change": points(figures.poor_change),
        "source": figures.source,
        "has_data": figures.has_data,
        "url": url,
    }


def dashboard_panel(*, year: int, scope: Scope) -> dict[str, Any]:
    """The scope's figures for ``year`` and its sub-units' table, formatted for the page."""
    overview = poverty_overview(year=year, scope=scope)
    return {
        "overview": overview,
        "year": year,
        "own": _row(overview.own, _records_url(overview.own, overview)),
        "children": [
            _row(child, listing_url(year=year, unit=child.code)) for child in overview.children
        ],
        "missing": len(overview.children_missing),
        "url": listing_url(year=year),
    }


def public_panel(*, year: int, scope: Scope) -> dict[str, Any]:
    """The figures the portal's results page shows: public aggregates, no admin links."""
    overview = poverty_overview(year=year, scope=scope)
    own = _row(overview.own, "")
    document = overview.own.document
    own["document_url"] = document.url if document is not None else ""
    return {
        "overview": overview,
        "year": year,
        "own": own,
        "children": [_row(child, "") for child in overview.children],
        "missing": len(overview.children_missing),
    }


def _raw(figures: Figures) -> list[Any]:
    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 2)

    return [
        figures.code,
        figures.name,
        figures.households,
        figures.poor,
        rounded(figures.poor_rate),
        figures.near_poor,
        rounded(figures.near_poor_rate),
        rounded(figures.poor_change),
        figures.source,
    ]


def figure_headers() -> list[str]:
    return [
        _("Code"),
        _("Unit"),
        _("Households"),
        _("Poor households"),
        _("Poor rate (%)"),
        _("Near-poor households"),
        _("Near-poor rate (%)"),
        _("Change of the poor rate (points)"),
        _("Source document"),
    ]


def figure_rows(overview: PovertyOverview) -> tuple[list[Any], list[list[Any]]]:
    """The scope's row and its sub-units' rows, under ``figure_headers``; raw numbers."""
    own = _raw(overview.own)
    if overview.own.is_sum:
        own[-1] = _("Sum of the sub-units")
    return own, [_raw(child) for child in overview.children]


def export_sheets(panel: dict[str, Any]) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The panel as ``core.xlsx.workbook_response`` sheets; numbers stay numbers."""
    own, children = figure_rows(panel["overview"])
    headers = figure_headers()
    own, children = _two_places(own), [_two_places(row) for row in children]
    return [(_("Poverty figures"), headers, [own]), (_("Sub-units"), headers, children)]


RATE_COLUMNS = (4, 6, 7)  # the rates and the change, under ``figure_headers``


def _two_places(row: list[Any]) -> list[Any]:
    """The rates as two-place Decimals: the sheet shows 3,00% as the page does."""
    return [
        Decimal(str(value)).quantize(Decimal("0.01"))
        if i in RATE_COLUMNS and isinstance(value, float)
        else value
        for i, value in enumerate(row)
    ]
