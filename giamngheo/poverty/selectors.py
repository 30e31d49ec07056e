"""Reads of the poverty figures: a scope's figures for a year, and a series over years.

A scope (``indicators.rules.Scope``) is the whole province or one district-level
unit (or a commune).  Its sub-units are those of the map in force on the year's
reference day (``indicators.rules.reference_day``: 1 January, or the first day a
map was in force in that year), the same map the KPI dashboard counts with: in
2025 the nine district-level units of January, not the two-level map of July.
Rows are matched by unit code, so a figure entered against another version of
the same unit still counts.

When the scope's own unit has no row for the year, its figures are the sum
of its sub-units' rows (``Figures.is_sum``), with the number of sub-units
that had none (``Figures.missing``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from giamngheo.indicators.rules import Scope, reference_day
from giamngheo.units.models import Unit, UnitLevel

from .models import PovertyStatistic, rate

CHILD_LEVEL = {UnitLevel.PROVINCE: UnitLevel.DISTRICT, UnitLevel.DISTRICT: UnitLevel.COMMUNE}


@dataclass
class Figures:
    """One unit's figures for a year (from its row, or summed from its sub-units)."""

    code: str
    name: str
    year: int
    unit: Unit | None = None
    households: int | None = None
    poor: int | None = None
    near_poor: int | None = None
    statistic: PovertyStatistic | None = None  # the row behind the figures, if one
    is_sum: bool = False  # summed from the sub-units: the unit has no row of its own
    summed: int = 0  # sub-units in the sum
    missing: int = 0  # sub-units without a row (left out of the sum)
    previous: Figures | None = None  # the same unit the year before

    @property
    def has_data(self) -> bool:
        return self.households is not None

    @property
    def poor_rate(self) -> float | None:
        return rate(self.poor, self.households)

    @property
    def near_poor_rate(self) -> float | None:
        return rate(self.near_poor, self.households)

    @property
    def poor_change(self) -> float | None:
        """Change of the poor rate from the year before, in percentage points."""
        return _change(self.poor_rate, self.previous.poor_rate if self.previous else None)

    @property
    def near_poor_change(self) -> float | None:
        previous = self.previous.near_poor_rate if self.previous else None
        return _change(self.near_poor_rate, previous)

    @property
    def source(self) -> str:
        return self.statistic.source if self.statistic else ""

    @property
    def document(self):
        return self.statistic.document if self.statistic else None


def _change(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else now - before


@dataclass
class PovertyOverview:
    """A scope's figures for a year: its own, and each sub-unit's (with no-data rows)."""

    year: int
    scope: Scope
    own: Figures
    children: list[Figures] = field(default_factory=list)
    child_level: str | None = None

    @property
    def children_with_data(self) -> list[Figures]:
        return [child for child in self.children if child.has_data]

    @property
    def children_missing(self) -> list[Figures]:
        return [child for child in self.children if not child.has_data]


def _year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def scope_units(*, scope: Scope, year: int) -> tuple[Unit | None, str | None, list[Unit]]:
    """The scope's own unit, the level of its sub-units and the sub-units, of the year's map."""
    start, end = _year_bounds(year)
    units = Unit.objects.of_province(scope.province_code)
    if scope.unit is None or scope.unit.level == UnitLevel.PROVINCE:
        own_units = units.filter(level=UnitLevel.PROVINCE)
    else:
        own_units = units.filter(level=scope.unit.level, code=scope.unit.code)
    own = (
        own_units.in_force(reference_day(own_units, start, end)).order_by("-valid_from").first()
        or scope.unit
    )
    level = CHILD_LEVEL.get(own.level if own else UnitLevel.PROVINCE)
    if level is None:
        return own, None, []
    children = scope.units_of_level(level)
    day = reference_day(children, start, end)
    return own, level, list(children.in_force(day).order_by("sort_name", "code"))


def _rows(*, codes: Iterable[str], years: Iterable[int]) -> dict[tuple[str, int], PovertyStatistic]:
    rows = PovertyStatistic.objects.filter(unit_code__in=set(codes), year__in=set(years))
    return {(row.unit_code, row.year): row for row in rows.select_related("unit", "document")}


def _from_row(code: str, name: str, year: int, unit: Unit | None, row) -> Figures:
    if row is None:
        return Figures(code, name, year, unit)
    return Figures(
        code,
        name,
        year,
        unit,
        households=row.households,
        poor=row.poor_households,
        near_poor=row.near_poor_households,
        statistic=row,
    )


def _sum(code: str, name: str, year: int, unit: Unit | None, parts: Sequence[Figures]) -> Figures:
    with_data = [part for part in parts if part.has_data]
    figures = Figures(
        code,
        name,
        year,
        unit,
        is_sum=True,
        summed=len(with_data),
        missing=len(parts) - len(with_data),
    )
    if with_data:
        figures.households = sum(part.households or 0 for part in with_data)
        figures.poor = sum(part.poor or 0 for part in with_data)
        figures.near_poor = sum(part.near_poor or 0 for part in with_data)
    return figures


def _year_figures(*, scope: Scope, year: int) -> tuple[Figures, list[Figures], str | None]:
    own_unit, level, children = scope_units(scope=scope, year=year)
    own_code = own_unit.code if own_unit else scope.province_code
    own_name = own_unit.name if own_unit else scope.province_code
    rows = _rows(codes=[own_code, *(child.code for child in children)], years=[year])
    child_figures = [
        _from_row(child.code, child.name, year, child, rows.get((child.code, year)))
        for child in children
    ]
    own_row = rows.get((own_code, year))
    if own_row is not None:
        own = _from_row(own_code, own_name, year, own_unit, own_row)
    elif children:
        own = _sum(own_code, own_name, year, own_unit, child_figures)
    else:
        own = Figures(own_code, own_name, year, own_unit)
    return own, child_figures, level


def poverty_overview(*, year: int, scope: Scope) -> PovertyOverview:
    """The figures of ``scope`` for ``year``, its sub-units', and the change from the year
    before (in percentage points; sub-units matched by code). About ten queries."""
    own, children, level = _year_figures(scope=scope, year=year)
    previous_own, previous_children, _level = _year_figures(scope=scope, year=year - 1)
    own.previous = previous_own
    before = {child.code: child for child in previous_children}
    missing_before = [child.code for child in children if child.code not in before]
    if missing_before:
        # A sub-unit of this year's map that the year before's map did not have.
        rows = _rows(codes=missing_before, years=[year - 1])
        for code in missing_before:
            if (row := rows.get((code, year - 1))) is not None:
                before[code] = _from_row(code, row.unit.name, year - 1, row.unit, row)
    for child in children:
        child.previous = before.get(child.code)
    return PovertyOverview(year, scope, own, children, level)


def poverty_series(*, scope: Scope, years: Iterable[int]) -> list[Figures]:
    """The scope's own figures for each of ``years`` (for the trend), oldest first.

    Years with a row of the scope's unit cost one query together; a year without
    one is summed from that year's sub-units.
    """
    years = sorted(set(years))
    code = scope.unit.code if scope.unit else scope.province_code
    rows = _rows(codes=[code], years=years)
    series: list[Figures] = []
    for year in years:
        row = rows.get((code, year))
        if row is not None:
            series.append(_from_row(code, row.unit.name, year, row.unit, row))
        else:
            series.append(_year_figures(scope=scope, year=year)[0])
    for before, after in pairwise(series):
        if after.year == before.year + 1:
            after.previous = before
    return series
