"""The KPI engine: indicator values against targets, live and cached.

Values are computed from the records when asked.  Results are cached under a
version number that every write to the records behind them bumps (see
``cache.py``), so the dashboard is never stale and never waits for a nightly
rebuild.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from giamngheo.units.divisions import province_code as as_province_code
from giamngheo.units.models import Unit, UnitLevel, UnitQuerySet

from . import cache
from .models import Indicator, ProgrammePeriod, Target
from .rules import RULES, RuleResult, Scope, reference_day, year_bounds

MET, ON_TRACK, BEHIND, NO_DATA = "met", "on_track", "behind", "no_data"
# A year that is over was met or not: "behind" only describes a year still running.
NOT_MET = "not_met"
CUMULATIVE_RULES = {Indicator.Rule.TRAINING_TURNS}


@dataclass
class IndicatorValue:
    indicator: Indicator
    target: Target
    year: int
    value: float | None
    detail: Any
    status: str

    @property
    def target_value(self) -> float:
        return float(self.target.value)


def target_for(indicator: Indicator, period: ProgrammePeriod, year: int) -> Target | None:
    """The year's own target if set, else the period's."""
    targets = [t for t in indicator.targets.all() if t.period_id == period.pk]
    return next((t for t in targets if t.year == year), None) or next(
        (t for t in targets if t.year is None), None
    )


def status_of(
    value: float | None, target: Target, year: int, *, today: datetime.date | None = None
) -> str:
    """Met, on track (the year is running and the value keeps pace), or behind; a year
    that is over is met or not met, as an official report says of it (đạt, không đạt).

    A cumulative indicator (turns trained) keeps pace when it has reached the
    share of the target that the elapsed part of the year calls for; a share
    (coverage, compliance) when it is within ``on_track_ratio`` (default 90%)
    of the target.
    """
    if value is None:
        return NO_DATA
    goal = float(target.value)
    if value >= goal:
        return MET
    today = today or timezone.localdate()
    if today.year > year:
        return NOT_MET
    if today.year != year:
        return BEHIND
    if target.indicator.rule in CUMULATIVE_RULES:
        elapsed = (today - datetime.date(year, 1, 1)).days / 365
        return ON_TRACK if value >= goal * elapsed else BEHIND
    ratio = float(target.parameters.get("on_track_ratio", Decimal("0.9")))
    return ON_TRACK if value >= goal * ratio else BEHIND


def indicators_with_targets(period: ProgrammePeriod) -> list[Indicator]:
    return list(
        Indicator.objects.filter(targets__period=period)
        .distinct()
        .prefetch_related("targets__indicator")
        .order_by("sort_order", "code")
    )


def indicator_value(
    indicator: Indicator, *, period: ProgrammePeriod, year: int, scope: Scope
) -> IndicatorValue | None:
    target = target_for(indicator, period, year)
    if target is None:
        return None
    key = cache.key(year, "value", target.pk, scope.province_code, scope.unit and scope.unit.pk)

    def compute() -> RuleResult:
        return RULES[indicator.rule](target, year, scope)

    result = cache.get_or_compute(key, compute)
    return IndicatorValue(
        indicator, target, year, result.value, result.detail, status_of(result.value, target, year)
    )


def dashboard_values(
    *, period: ProgrammePeriod, scope: Scope, year: int
) -> tuple[list[IndicatorValue], dict[int, list[IndicatorValue | None]]]:
    """The year's values and, per indicator, its trend over the period's years so far."""
    indicators = indicators_with_targets(period)
    this_year = timezone.localdate().year
    years = [y for y in period.years if y <= this_year]
    current = [
        value
        for indicator in indicators
        if (value := indicator_value(indicator, period=period, year=year, scope=scope))
    ]
    trend = {
        indicator.pk: [
            indicator_value(indicator, period=period, year=y, scope=scope) for y in years
        ]
        for indicator in indicators
    }
    return current, trend


def current_period(today: datetime.date | None = None) -> ProgrammePeriod | None:
    today = today or timezone.localdate()
    return (
        ProgrammePeriod.objects.filter(Q(start__lte=today)).order_by("-start").first()
        or ProgrammePeriod.objects.order_by("start").first()
    )


def district_units(
    *, period: ProgrammePeriod | None = None, year: int | None = None
) -> UnitQuerySet:
    """The configured province's district-level units, every version of each.

    With a period and a year, only those of the map the plan indicator counts
    that year (in force on ``rules.reference_day``): in 2025 the nine units of
    January's map, not the two-level map of July.
    """
    units = Unit.objects.of_province(as_province_code(settings.PROVINCE_CODE)).filter(
        level=UnitLevel.DISTRICT
    )
    if period is not None and year is not None:
        units = units.in_force(reference_day(units, *year_bounds(period, year)))
    return units


def drilldown_units(*, period: ProgrammePeriod, year: int) -> list[Unit]:
    """The units a dashboard drills into from the province in ``year``.

    The district-level units of the year's map (``district_units``) while it
    has districts; on the two-level map (no district in force on the year's
    reference day, Huế from 2026) the communes and wards in force that day:
    the drill-down goes province → commune.
    """
    districts = list(district_units(period=period, year=year))
    if districts:
        return districts
    communes = Unit.objects.of_province(as_province_code(settings.PROVINCE_CODE)).filter(
        level=UnitLevel.COMMUNE
    )
    return list(communes.in_force(reference_day(communes, *year_bounds(period, year))))


def scope_for_unit(code: str | None, *, units: Iterable[Unit] | None = None) -> Scope | None:
    """Where the KPI engine computes for a unit code a visitor or a user picked.

    No code, or the province's own code: the whole configured province
    (``settings.PROVINCE_CODE``).  Otherwise the district-level unit, or the
    commune (the two-level map's drill-down), with that code among ``units``
    (default: every version of the province's districts and communes, the
    latest wins; the engine counts by code, so any version gives the same
    figures).  None when the code names no such unit: callers answer 404, so
    another province's units are never computed.
    """
    province = as_province_code(settings.PROVINCE_CODE)
    if not code or code == province:
        return Scope(province)
    if units is None:
        candidates = Unit.objects.of_province(province).filter(
            code=code, level__in=[UnitLevel.DISTRICT, UnitLevel.COMMUNE]
        )
    else:
        candidates = units
    matches = sorted((u for u in candidates if u.code == code), key=lambda u: u.valid_from)
    return Scope(province, matches[-1]) if matches else None


def default_year(period: ProgrammePeriod, today: datetime.date | None = None) -> int:
    """The year a dashboard opens on: this year, kept within the period."""
    today = today or timezone.localdate()
    return min(max(today.year, period.start.year), period.end.year)


def radio_minimum(day: datetime.date | None = None) -> int:
    """Programmes a commune is asked to broadcast a week on ``day``: the radio target's
    ``min_per_week`` of the period then (the year's own target first), else 1 (one query
    and the period's)."""
    day = day or timezone.localdate()
    period = current_period(day)
    target = (
        Target.objects.filter(period=period, indicator__rule=Indicator.Rule.RADIO_COMPLIANCE)
        .filter(Q(year=day.year) | Q(year__isnull=True))
        .order_by(F("year").asc(nulls_last=True))
        .first()
    )
    return int(target.parameters.get("min_per_week", 1)) if target else 1
