"""Training figures the KPI engine and dashboards read.

A *turn* (lượt) is one attended place on one course: a cadre trained twice in
a year counts twice, as the seed's target ("100 lượt cán bộ") counts.  A turn
belongs to the year its course started and to the cadre's level and unit.

``units`` narrows by unit *code*, as the scoping policy does: a unit keeps its
code across map versions, so a cadre registered under one version of a
commune counts for every version of it the caller passes.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, QuerySet

from giamngheo.units.models import Unit, UnitLevel

from .models import Attendance, TrainingCourse

LEVELS = [level.value for level in UnitLevel]


def _turns(*, year: int, units: QuerySet[Unit] | None) -> QuerySet[Attendance]:
    turns = Attendance.objects.filter(
        attended=True,
        course__start_date__gte=datetime.date(year, 1, 1),
        course__start_date__lte=datetime.date(year, 12, 31),
    )
    if units is not None:
        turns = turns.filter(cadre__unit__code__in=units.values("code"))
    return turns


def training_turns(*, year: int, units: QuerySet[Unit] | None = None) -> dict[str, int]:
    """Attended turns of courses started in ``year``, by the cadre's level, and their total.

    One aggregate query; every level is present, with 0 when nobody was trained.
    """
    counts = dict.fromkeys(LEVELS, 0)
    rows = _turns(year=year, units=units).values("cadre__level").annotate(turns=Count("pk"))
    for row in rows.order_by():
        counts[row["cadre__level"]] = row["turns"]
    counts["total"] = sum(counts[level] for level in LEVELS)
    return counts


def turns_by_unit(*, year: int, units: QuerySet[Unit]) -> dict[str, int]:
    """Attended turns of courses started in ``year``, keyed by the cadre's unit code.

    Units without a turn are left out. One aggregate query.
    """
    rows = (
        _turns(year=year, units=units)
        .values("cadre__unit__code")
        .annotate(turns=Count("pk"))
        .order_by()
    )
    return {row["cadre__unit__code"]: row["turns"] for row in rows}


def courses_and_turns(
    *, start: datetime.date, end: datetime.date, units: QuerySet[Unit] | None = None
) -> dict[str, dict[str, tuple[int, int]]]:
    """Courses started from ``start`` to ``end`` and their attended turns (two queries).

    ``by_level``: courses organised at each level, and turns of the cadres of
    that level (as the indicator counts them); ``by_unit``, keyed by unit code:
    courses the unit organised, and turns of its cadres. Every level is present.
    """
    courses = TrainingCourse.objects.filter(start_date__range=(start, end))
    turns = Attendance.objects.filter(attended=True, course__start_date__range=(start, end))
    if units is not None:
        codes = units.values("code")
        courses = courses.filter(organising_unit__code__in=codes)
        turns = turns.filter(cadre__unit__code__in=codes)
    by_level = {level: [0, 0] for level in LEVELS}
    by_unit: dict[str, list[int]] = {}
    for level, code, n in (
        courses.values_list("level", "organising_unit__code").annotate(n=Count("pk")).order_by()
    ):
        by_level.setdefault(level, [0, 0])[0] += n
        by_unit.setdefault(code, [0, 0])[0] += n
    for level, code, n in (
        turns.values_list("cadre__level", "cadre__unit__code").annotate(n=Count("pk")).order_by()
    ):
        by_level.setdefault(level, [0, 0])[1] += n
        by_unit.setdefault(code, [0, 0])[1] += n
    return {
        "by_level": {key: (c, t) for key, (c, t) in by_level.items()},
        "by_unit": {key: (c, t) for key, (c, t) in by_unit.items()},
    }
