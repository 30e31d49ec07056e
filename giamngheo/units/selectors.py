"""Reads over administrative units."""

from __future__ import annotations

import datetime

from django.db.models import Count, Max, Q

from .models import Unit, UnitLevel, UnitQuerySet


def units_in_force(*, on: datetime.date, province_code: str | None = None) -> UnitQuerySet:
    units = Unit.objects.in_force(on)
    return units.of_province(province_code) if province_code else units


def count_by_level(*, province_code: str, on: datetime.date) -> dict[str, int]:
    """``{"province": 1, "district": 9, "commune": 141}`` for the map in force on ``on``."""
    counts = dict(
        units_in_force(on=on, province_code=province_code)
        .values_list("level")
        .annotate(n=Count("pk"))
        .values_list("level", "n")
    )
    return {level.value: counts.get(level.value, 0) for level in UnitLevel}


def current_successors(unit: Unit, *, on: datetime.date) -> list[Unit]:
    """The units in force on ``on`` that ``unit``'s territory went to (itself if in force)."""
    frontier, seen, result = [unit], {unit.pk}, []
    while frontier:
        step = frontier.pop()
        if step.is_in_force(on):
            result.append(step)
            continue
        for successor in Unit.objects.filter(precursions__predecessor=step):
            if successor.pk not in seen:
                seen.add(successor.pk)
                frontier.append(successor)
    return sorted(result, key=lambda u: u.sort_name)


def has_district_level(*, province_code: str, on: datetime.date) -> bool:
    """Whether the map in force on ``on`` has districts (Huế: until 30 June 2025)."""
    return (
        units_in_force(on=on, province_code=province_code).filter(level=UnitLevel.DISTRICT).exists()
    )


def planning_units(*, province_code: str, on: datetime.date) -> UnitQuerySet:
    """The units the programme asks a communication plan of, on the map of ``on``.

    A three-level map: the district-level units.  The two-level map (no
    district in force): the communes and wards, and the province for its own
    plan.
    """
    units = units_in_force(on=on, province_code=province_code)
    if units.filter(level=UnitLevel.DISTRICT).exists():
        return units.filter(level=UnitLevel.DISTRICT)
    return units.filter(level__in=[UnitLevel.COMMUNE, UnitLevel.PROVINCE])


def two_level_or_district() -> Q:
    """Units that answer to the province directly on some map: district-level units,
    and the communes, wards and province of the two-level map (in force after the
    last district closed).  Plans and reports are asked of these; a check on the
    record's own date picks the right level for its year."""
    districts = Unit.objects.filter(level=UnitLevel.DISTRICT)
    answer = Q(level=UnitLevel.DISTRICT)
    if districts.exists() and not districts.filter(valid_to__isnull=True).exists():
        last_day = districts.aggregate(day=Max("valid_to"))["day"]
        answer |= Q(valid_to__isnull=True) | Q(valid_to__gt=last_day)
    return answer
