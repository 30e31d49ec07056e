"""The visited unit's indicator figures, frozen on the visit when it is recorded.

The KPI engine computes live figures; a supervision report must show the
figures the team saw, so they are copied into plain JSON that later records
cannot change.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from giamngheo.indicators import selectors as kpi
from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.indicators.rules import Scope
from giamngheo.units.models import Unit, UnitLevel


def scope_of(unit: Unit) -> Scope:
    """The KPI scope of one unit: the province as a whole, a district or a commune."""
    if unit.level == UnitLevel.PROVINCE:
        return Scope(unit.province_code)
    return Scope(unit.province_code, unit=unit)


def indicator_snapshot(
    *, unit: Unit, year: int, today: datetime.date | None = None
) -> list[dict[str, Any]]:
    """One row per indicator with a target in ``year``'s programme period.

    ``today`` is the day the status is judged on (the visit's date): a value
    below target is "on track" or "behind" while its year runs, "not met" once it is over.
    """
    today = today or timezone.localdate()
    period = ProgrammePeriod.containing(datetime.date(year, 6, 30)) or kpi.current_period(today)
    if period is None:
        return []
    scope = scope_of(unit)
    computed_at = timezone.now().isoformat()
    rows = []
    for indicator in kpi.indicators_with_targets(period):
        value = kpi.indicator_value(indicator, period=period, year=year, scope=scope)
        if value is None:
            continue
        rows.append(
            {
                "code": indicator.code,
                "name": indicator.name,
                "unit_of_measure": indicator.unit_of_measure,
                "target": value.target_value,
                "value": None if value.value is None else round(float(value.value), 2),
                "status": kpi.status_of(value.value, value.target, year, today=today),
                "year": year,
                "computed_at": computed_at,
            }
        )
    return rows
