"""The KPI engine: indicator values against targets, live and cached.

Values are computed from the records when asked.  Results are cached under a
version number that every write to the records behind them bumps (see
``cache.py``), so the dashboard is never stale and never waits for a nightly
rebuild.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone

from . import cache
from .models import Indicator, ProgrammePeriod, Target
from .rules import RULES, RuleResult, Scope

MET, ON_TRACK, BEHIND, NO_DATA = "met", "on_track", "behind", "no_data"
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
    """Met, on track (the year is running and the value keeps pace), or behind.

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
