"""The rules indicators are computed by, one function each.

A rule gets the target (with its thresholds), a year and the units in scope,
and returns the value with the records behind it.  Each reads through the
selectors of the app that owns the records, in a bounded number of queries.
Add a rule: write the function, add it to ``Indicator.Rule`` and ``RULES``.

Each rule picks its level from the map in force on its reference day, never
from a fixed level: plans count the level below the province on the year's
first day (districts, or communes and wards and the province on the two-level
map); radio counts the communes in force on each week's Monday; training
it counts participant-turns by the level recorded for each cadre.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from giamngheo.units.models import Unit, UnitLevel

from .models import Indicator, ProgrammePeriod, Target


@dataclass
class Scope:
    """Where an indicator is computed: the whole province, or one district or commune."""

    province_code: str
    unit: Unit | None = None  # None: the whole province

    def units_of_level(self, level: str) -> Any:
        units = Unit.objects.of_province(self.province_code).filter(level=level)
        if self.unit is None or self.unit.level == UnitLevel.PROVINCE:
            return units
        if self.unit.level == UnitLevel.DISTRICT:
            if level == UnitLevel.DISTRICT:
                return units.filter(code=self.unit.code)
            return units.filter(parent__level=UnitLevel.DISTRICT, parent__code=self.unit.code)
        return units.filter(code=self.unit.code) if level == UnitLevel.COMMUNE else units.none()

    def plan_units(self, day: datetime.date) -> Any:
        """The units in scope a plan is asked of on the map in force on ``day``.

        While the map has districts: the district-level units.  On the
        two-level map (Huế from 1 July 2025): the communes and wards, and, for
        the whole province, the province's own plan.
        """
        on_map = Unit.objects.of_province(self.province_code).in_force(day)
        if on_map.filter(level=UnitLevel.DISTRICT).exists():
            return self.units_of_level(UnitLevel.DISTRICT).in_force(day)
        communes = self.units_of_level(UnitLevel.COMMUNE).in_force(day)
        if self.unit is None or self.unit.level == UnitLevel.PROVINCE:
            return on_map.filter(Q(pk__in=communes.values("pk")) | Q(level=UnitLevel.PROVINCE))
        return communes

    def all_units(self) -> Any:
        units = Unit.objects.of_province(self.province_code)
        if self.unit is None or self.unit.level == UnitLevel.PROVINCE:
            return units
        if self.unit.level == UnitLevel.DISTRICT:
            return units.filter(code=self.unit.code) | units.filter(
                parent__level=UnitLevel.DISTRICT, parent__code=self.unit.code
            )
        return units.filter(code=self.unit.code)


@dataclass
class RuleResult:
    value: float | None
    detail: Any = None
    note: str = ""


def year_bounds(period: ProgrammePeriod, year: int) -> tuple[datetime.date, datetime.date]:
    start = max(period.start, datetime.date(year, 1, 1))
    end = min(period.end, datetime.date(year, 12, 31))
    return start, end


def reference_day(units, start: datetime.date, end: datetime.date) -> datetime.date:
    """The day whose map a yearly count uses: the year's first day in the period, or,
    when no unit was in force yet (the first map begins on 1 July 2021), the first
    day of the year on which one was."""
    if units.in_force(start).exists():
        return start
    first = units.in_period(start, end).order_by("valid_from").values_list("valid_from", flat=True)
    return max(start, first[0]) if first else start


def plan_reference_day(scope: Scope, period: ProgrammePeriod, year: int) -> datetime.date:
    """The day whose map the plan rule counts in ``year`` (see ``reference_day``)."""
    units = Unit.objects.of_province(scope.province_code)
    return reference_day(units, *year_bounds(period, year))


def plan_coverage(target: Target, year: int, scope: Scope) -> RuleResult:
    """Share of planning units with an approved period plan *and* annual plan.

    The level comes from the map in force on the year's reference day (its
    first day within the period, see ``reference_day``): in 2025 the 9
    district-level units of Huế city, before the two-level map removed
    districts on 1 July; from 2026 the 40 communes and wards and the province's
    own plan (``Scope.plan_units``).
    """
    from giamngheo.plans.selectors import plan_status_by_unit

    units = scope.plan_units(plan_reference_day(scope, target.period, year))
    statuses = plan_status_by_unit(period=target.period, year=year, units=units)
    if not statuses:
        return RuleResult(None, statuses)
    covered = sum(1 for status in statuses.values() if status.is_covered)
    return RuleResult(100 * covered / len(statuses), statuses)


def radio_compliance(target: Target, year: int, scope: Scope) -> RuleResult:
    """Share of communes reaching the weekly minimum, averaged over the year's weeks.

    Each week counts the communes in force on its Monday, so a year that
    spans a map change uses each map for its own weeks.
    """
    from giamngheo.broadcasts.selectors import radio_compliance as compliance

    start, end = year_bounds(target.period, year)
    communes = scope.units_of_level(UnitLevel.COMMUNE)
    result = compliance(
        year=year,
        min_per_week=int(target.parameters.get("min_per_week", 1)),
        communes=communes,
        start=start,
        end=end,
    )
    return RuleResult(result.share, result)


def training_turns(target: Target, year: int, scope: Scope) -> RuleResult:
    """Participant-turns of cadres trained in courses that started in the year."""
    from giamngheo.training.selectors import training_turns as turns

    units = None if scope.unit is None else scope.all_units()
    by_level = turns(year=year, units=units)
    return RuleResult(float(by_level["total"]), by_level)


RULES: dict[str, Callable[[Target, int, Scope], RuleResult]] = {
    Indicator.Rule.PLAN_COVERAGE: plan_coverage,
    Indicator.Rule.RADIO_COMPLIANCE: radio_compliance,
    Indicator.Rule.TRAINING_TURNS: training_turns,
}
