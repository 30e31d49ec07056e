"""Reads of the network: coverage of communes by active communicators, counts by role and level."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from giamngheo.indicators.rules import Scope
from giamngheo.units.models import Unit, UnitLevel

from .models import Communicator, CommunicatorRole


def _units(units: Any) -> Any:
    return units.all_units() if isinstance(units, Scope) else units


@dataclass
class CommuneCoverage:
    commune: Unit
    district: Unit | None
    active: int

    @property
    def is_covered(self) -> bool:
        return self.active > 0


def coverage(*, units: Any, on: datetime.date) -> list[CommuneCoverage]:
    """Each commune in force on ``on`` among ``units``, with its active communicators.

    A communicator counts for the commune by code, whichever version of it they were
    entered under. Two queries.
    """
    communes = list(
        _units(units)
        .filter(level=UnitLevel.COMMUNE)
        .in_force(on)
        .select_related("parent")
        .order_by("parent__sort_name", "sort_name", "code")
    )
    counts = dict(
        Communicator.objects.filter(
            is_active=True,
            unit__level=UnitLevel.COMMUNE,
            unit__code__in=[commune.code for commune in communes],
        )
        .values("unit__code")
        .annotate(total=Count("pk"))
        .values_list("unit__code", "total")
    )
    return [
        CommuneCoverage(
            commune=commune,
            district=commune.parent
            if commune.parent_id and commune.parent.level == UnitLevel.DISTRICT
            else None,
            active=counts.get(commune.code, 0),
        )
        for commune in communes
    ]


def communicators_in(*, units: Any) -> QuerySet[Communicator]:
    return Communicator.objects.filter(unit__in=_units(units))


def counts_by_role_and_level(
    *, units: Any, on: datetime.date | None = None
) -> list[dict[str, Any]]:
    """Active communicators per role (rows) and unit level (columns). One query."""
    queryset = communicators_in(units=units).filter(is_active=True)
    if on is not None:
        queryset = queryset.filter(Q(start_date__isnull=True) | Q(start_date__lte=on))
    found = {
        (row["role"], row["unit__level"]): row["total"]
        for row in queryset.values("role", "unit__level").annotate(total=Count("pk")).order_by()
    }
    return [
        {
            "role": role,
            "label": str(role.label),
            "levels": [found.get((role.value, level.value), 0) for level in UnitLevel],
        }
        for role in CommunicatorRole
    ]
