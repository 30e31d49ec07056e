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

from giamngheo.indicators.rules import Scope
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


def _own_and_child_level(scope: Scope) -> tuple[str, str, str | None]:
    """The scope's own code and level, and the level of its sub-units (None: a commune)."""
    if scope.unit is None or scope.unit.level == UnitLevel.PROVINCE:
        return scope.province_code, UnitLevel.PROVINCE, UnitLevel.DISTRICT
    return scope.unit.code, scope.unit.level, CHILD_LEVEL.get(scope.unit.level)


def _of_reference_day(units: list[Unit], year: int) -> list[Unit]:
    """``units`` in force on the year's reference day (``indicators.rules.reference_day``,
    computed here on a list fetched once for several years)."""
    start, end = _year_bounds(year)
    in_year = [
        u for u in units if u.valid_from <= end and (u.valid_to is None or u.valid_to >= start)
    ]
    if not in_year:
        return []
    day = (
        start if any(u.is_in_force(start) for u in in_year) else min(u.valid_from for u in in_year)
    )
    return [u for u in in_year if u.is_in_force(day)]


@dataclass
class _Fetched:
    """Every unit and row of a scope for a span of years: two queries, however many years."""

    own_code: str
    child_level: str | None
    own_units: list[Unit]
    child_units: list[Unit]
    rows: dict[tuple[str, int], PovertyStatistic]


def _fetch(*, scope: Scope, years: Sequence[int]) -> _Fetched:
    own_code, own_level, child_level = _own_and_child_level(scope)
    start, end = _year_bounds(min(years))[0], _year_bounds(max(years))[1]
    units = Unit.objects.of_province(scope.province_code)
    wanted = units.filter(level=own_level, code=own_code)
    if child_level is not None:
        wanted = wanted | scope.units_of_level(child_level)
    found = list(wanted.in_period(start, end).order_by("sort_name", "code", "valid_from"))
    own_units = [u for u in found if u.level == own_level and u.code == own_code]
    child_units = [u for u in found if u.level == child_level]
    codes = {own_code, *(u.code for u in child_units)}
    # Only approved figures count, here as on the portal and in reports.
    rows = PovertyStatistic.objects.approved().filter(unit_code__in=codes, year__in=set(years))
    by_key = {(row.unit_code, row.year): row for row in rows.select_related("unit", "document")}
    return _Fetched(own_code, child_level, own_units, child_units, by_key)


def scope_units(*, scope: Scope, year: int) -> tuple[Unit | None, str | None, list[Unit]]:
    """The scope's own unit, the level of its sub-units and the sub-units, of the year's map."""
    fetched = _fetch(scope=scope, years=[year])
    own = _of_reference_day(fetched.own_units, year)
    return (
        (own[-1] if own else scope.unit),
        fetched.child_level,
        _of_reference_day(fetched.child_units, year),
    )


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


def _year_figures(fetched: _Fetched, scope: Scope, year: int) -> tuple[Figures, list[Figures]]:
    own_units = _of_reference_day(fetched.own_units, year)
    own_unit = own_units[-1] if own_units else scope.unit
    children = _of_reference_day(fetched.child_units, year) if fetched.child_level else []
    code = fetched.own_code
    name = own_unit.name if own_unit else code
    rows = fetched.rows
    child_figures = [
        _from_row(child.code, child.name, year, child, rows.get((child.code, year)))
        for child in children
    ]
    own_row = rows.get((code, year))
    if own_row is not None:
        own = _from_row(code, name, year, own_unit, own_row)
    elif children:
        own = _sum(code, name, year, own_unit, child_figures)
    else:
        own = Figures(code, name, year, own_unit)
    return own, child_figures


def poverty_overview(*, year: int, scope: Scope) -> PovertyOverview:
    """The figures of ``scope`` for ``year``, its sub-units', and the change from the year
    before (in percentage points; sub-units matched by code). Two queries."""
    fetched = _fetch(scope=scope, years=[year - 1, year])
    own, children = _year_figures(fetched, scope, year)
    previous_own, previous_children = _year_figures(fetched, scope, year - 1)
    own.previous = previous_own
    before = {child.code: child for child in previous_children}
    for child in children:
        if child.code not in before and (row := fetched.rows.get((child.code, year - 1))):
            # A sub-unit of this year's map that the year before's map did not have.
            before[child.code] = _from_row(child.code, row.unit.name, year - 1, row.unit, row)
        child.previous = before.get(child.code)
    return PovertyOverview(year, scope, own, children, fetched.child_level)


def poverty_series(*, scope: Scope, years: Iterable[int]) -> list[Figures]:
    """The scope's own figures for each of ``years`` (for the trend), oldest first; a
    year without a row of the unit's own is summed from that year's sub-units. Two queries."""
    years = sorted(set(years))
    if not years:
        return []
    fetched = _fetch(scope=scope, years=years)
    series = [_year_figures(fetched, scope, year)[0] for year in years]
    for before, after in pairwise(series):
        if after.year == before.year + 1:
            after.previous = before
    return series
