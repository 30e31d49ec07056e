"""Reads over commune radio logs: weekly compliance, heat-map, reporting discipline."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, Q, QuerySet, Sum
from django.utils import timezone

from giamngheo.units.models import Unit, UnitLevel

from . import rollup
from .models import Broadcast, RadioReportingSettings, WeeklyLog, monday_of

ONE_WEEK = datetime.timedelta(days=7)


def reporting_settings() -> RadioReportingSettings:
    return RadioReportingSettings.load()


def week_end(week_start: datetime.date) -> datetime.date:
    return week_start + datetime.timedelta(days=6)


def lock_date(week_start: datetime.date, settings: RadioReportingSettings) -> datetime.date:
    """The last day a week's log can be changed without reopening."""
    return week_end(week_start) + datetime.timedelta(days=settings.lock_days)


def is_week_locked(
    *, commune: Unit, week_start: datetime.date, now: datetime.datetime | None = None
) -> bool:
    now = now or timezone.now()
    if timezone.localdate(now) <= lock_date(week_start, reporting_settings()):
        return False
    return not WeeklyLog.objects.filter(
        commune=commune, week_start=week_start, reopened_until__gt=now
    ).exists()


def week_locked_for(user, *, commune: Unit, week_start: datetime.date) -> bool:
    """Is the week closed to this user?  The province's programme office may still
    correct any week (it keeps the records); districts and communes may not."""
    from giamngheo.accounts.scoping import is_province_wide

    return not is_province_wide(user) and is_week_locked(commune=commune, week_start=week_start)


def iso_weeks(year: int) -> list[datetime.date]:
    """The Mondays of ISO weeks 1…52/53 of ``year``."""
    first = datetime.date.fromisocalendar(year, 1, 1)
    last = datetime.date.fromisocalendar(year, datetime.date(year, 12, 28).isocalendar().week, 1)
    return [first + ONE_WEEK * i for i in range((last - first).days // 7 + 1)]


def _as_date(value) -> datetime.date:
    # SQLite hands dates back from raw SQL as text.
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _in_force_on_week(prefix: str = "commune__") -> Q:
    """The commune was in force on the Monday of the broadcast's week."""
    return Q(**{f"{prefix}valid_from__lte": F("week_start")}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": F("week_start")})
    )


def communes_per_week(*, communes: QuerySet[Unit], weeks: list[datetime.date]) -> dict:
    """How many of ``communes`` were in force on each week's Monday (one query)."""
    spans = communes.values_list("valid_from", "valid_to").annotate(n=Count("pk"))
    totals = dict.fromkeys(weeks, 0)
    for valid_from, valid_to, n in spans:
        for week in weeks:
            if valid_from <= week and (valid_to is None or valid_to >= week):
                totals[week] += n
    return totals


def compliant_per_week(
    *, communes: QuerySet[Unit], weeks: list[datetime.date], min_per_week: int
) -> dict[datetime.date, int]:
    """How many communes logged at least ``min_per_week`` programmes, per week (one query).

    Read from the weekly rollup (``rollup.py``), kept in the transaction that
    writes the programmes: 10,000 rows a national year instead of 600,000
    (bench/RESULTS.md).  A minimum above what the rollup holds (255 a week)
    counts the programmes themselves.
    """
    if not weeks:
        return {}
    if min_per_week > rollup.CAP:
        return compliant_per_week_from_log(
            communes=communes, weeks=weeks, min_per_week=min_per_week
        )
    return rollup.compliant_per_week(communes=communes, weeks=weeks, min_per_week=min_per_week)


def compliant_per_week_from_log(
    *, communes: QuerySet[Unit], weeks: list[datetime.date], min_per_week: int
) -> dict[datetime.date, int]:
    """``compliant_per_week`` counted from the programmes themselves (one query).

    Groups (week, commune) in the database and counts the groups per week, so
    the work stays in SQL whatever the number of communes.  The grouping
    follows the (week_start, commune) index and counts rows, so PostgreSQL
    streams it from the index alone; the in-force check (the commune existed on
    the week's Monday) joins the groups, not every programme.  bench/RESULTS.md
    has the measurements behind this shape.
    """
    if not weeks:
        return {}
    grouped = (
        Broadcast.objects.filter(commune__in=communes, week_start__range=(weeks[0], weeks[-1]))
        .order_by()
        .values("week_start", "commune_id")
        .annotate(n=Count("*"))
        .filter(n__gte=min_per_week)
        .values("week_start", "commune_id")
    )
    inner_sql, params = grouped.query.sql_with_params()
    units = Unit._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT per_commune.week_start, COUNT(*) FROM ({inner_sql}) AS per_commune "
            f"INNER JOIN {units} AS unit ON unit.id = per_commune.commune_id "
            "WHERE unit.valid_from <= per_commune.week_start "
            "AND (unit.valid_to IS NULL OR unit.valid_to >= per_commune.week_start) "
            "GROUP BY per_commune.week_start",
            params,
        )
        found = {_as_date(week): count for week, count in cursor.fetchall()}
    return {week: found.get(week, 0) for week in weeks}


@dataclass
class WeekFigure:
    week_start: datetime.date
    communes: int
    compliant: int

    @property
    def share(self) -> float | None:
        return 100 * self.compliant / self.communes if self.communes else None


@dataclass
class RadioCompliance:
    year: int
    min_per_week: int
    weeks: list[WeekFigure] = field(default_factory=list)

    @property
    def counted_weeks(self) -> list[WeekFigure]:
        return [week for week in self.weeks if week.share is not None]

    @property
    def share(self) -> float | None:
        """The year's figure: the weekly shares averaged over the weeks counted."""
        counted = self.counted_weeks
        if not counted:
            return None
        return sum(week.share for week in counted) / len(counted)


def communes_of(*, province_code: str, within: QuerySet[Unit] | None = None) -> QuerySet[Unit]:
    communes = Unit.objects.of_province(province_code).filter(level=UnitLevel.COMMUNE)
    if within is not None:
        communes = communes.filter(pk__in=within.values("pk"))
    return communes


def weeks_to_count(
    year: int, *, start: datetime.date | None = None, end: datetime.date | None = None
) -> list[datetime.date]:
    """The year's weeks that have ended (and fall inside the period, when given)."""
    today = timezone.localdate()
    return [
        week
        for week in iso_weeks(year)
        if week_end(week) < today
        and (start is None or week >= monday_of(start))
        and (end is None or week <= end)
    ]


def radio_compliance(
    *,
    year: int,
    min_per_week: int,
    communes: QuerySet[Unit],
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> RadioCompliance:
    """Weekly compliance of ``communes`` over ``year`` (two queries)."""
    weeks = weeks_to_count(year, start=start, end=end)
    totals = communes_per_week(communes=communes, weeks=weeks)
    compliant = compliant_per_week(communes=communes, weeks=weeks, min_per_week=min_per_week)
    return RadioCompliance(
        year=year,
        min_per_week=min_per_week,
        weeks=[WeekFigure(week, totals[week], compliant[week]) for week in weeks],
    )


@dataclass
class CommuneRow:
    """One line of the heat-map: a commune and its programmes per week."""

    unit: Unit
    counts: list[int | None]  # None: the commune was not in force that week
    min_per_week: int

    @property
    def weeks_in_force(self) -> int:
        return sum(1 for count in self.counts if count is not None)

    @property
    def weeks_compliant(self) -> int:
        return sum(1 for count in self.counts if count is not None and count >= self.min_per_week)

    @property
    def share(self) -> float | None:
        return 100 * self.weeks_compliant / self.weeks_in_force if self.weeks_in_force else None


def heat_map(
    *, year: int, min_per_week: int, communes: QuerySet[Unit], weeks: list[datetime.date]
) -> list[CommuneRow]:
    """Programmes per commune and week (two queries), in Vietnamese name order.

    One row per commune code: a commune renamed or moved in the year keeps one
    row, named as it was last; weeks when no version of it existed are None.
    """
    if not weeks:
        return []
    counts: dict[int, dict[datetime.date, int]] = defaultdict(dict)
    rows = (
        Broadcast.objects.filter(commune__in=communes, week_start__range=(weeks[0], weeks[-1]))
        .values_list("commune_id", "week_start")
        .annotate(n=Count("id"))
    )
    for commune_id, week, n in rows:
        counts[commune_id][week] = n
    versions: dict[str, list[Unit]] = defaultdict(list)
    for unit in communes.in_period(weeks[0], week_end(weeks[-1])).order_by("valid_from"):
        versions[unit.code].append(unit)
    result = []
    for code_versions in versions.values():
        per_week: list[int | None] = []
        for week in weeks:
            version = next((u for u in code_versions if u.is_in_force(week)), None)
            per_week.append(None if version is None else counts[version.pk].get(week, 0))
        result.append(CommuneRow(code_versions[-1], per_week, min_per_week))
    return sorted(result, key=lambda row: row.unit.sort_name)


@dataclass
class Discipline:
    expected: int
    on_time: int
    late: int

    @property
    def missing(self) -> int:
        return self.expected - self.on_time - self.late

    def rate(self, count: int) -> float | None:
        return 100 * count / self.expected if self.expected else None


def reporting_discipline(*, communes: QuerySet[Unit], weeks: list[datetime.date]) -> Discipline:
    """Weeks reported on time, late, or not at all (two queries)."""
    if not weeks:
        return Discipline(0, 0, 0)
    settings = reporting_settings()
    deadline = F("week_start") + datetime.timedelta(days=6 + settings.on_time_days)
    figures = (
        WeeklyLog.objects.filter(commune__in=communes, week_start__range=(weeks[0], weeks[-1]))
        .filter(_in_force_on_week())
        .aggregate(total=Count("id"), on_time=Count("id", filter=Q(reported_on__lte=deadline)))
    )
    expected = sum(communes_per_week(communes=communes, weeks=weeks).values())
    return Discipline(expected, figures["on_time"], figures["total"] - figures["on_time"])


def communes_without_programme(*, week_start: datetime.date, communes: QuerySet[Unit]):
    """Communes in force that week with no programme and no “nothing this week” report."""
    logged = Broadcast.objects.filter(week_start=week_start).values("commune_id")
    declared = WeeklyLog.objects.filter(week_start=week_start, no_programme=True).values(
        "commune_id"
    )
    return (
        communes.in_force(week_start)
        .exclude(pk__in=logged)
        .exclude(pk__in=declared)
        .select_related("parent")
    )


def programme_totals(
    *, communes: QuerySet[Unit], start: datetime.date, end: datetime.date
) -> dict[str, tuple[int, int]]:
    """Programmes logged and their minutes from ``start`` to ``end``, by commune code (one query).

    Keyed by code, as the heat-map's rows are: a commune renamed in the span
    keeps one line. Communes without a programme are left out.
    """
    rows = (
        Broadcast.objects.filter(commune__in=communes, on__range=(start, end))
        .values("commune__code")
        .annotate(n=Count("pk"), minutes=Sum("minutes"))
        .order_by()
    )
    return {row["commune__code"]: (row["n"], row["minutes"] or 0) for row in rows}


@dataclass
class RadioDay:
    day: datetime.date
    programmes: int
    has_come: bool  # today or before: a day without a programme is a gap

    @property
    def is_missing(self) -> bool:
        return self.has_come and not self.programmes


@dataclass
class RadioWeek:
    """One commune's week day by day, and whether the week was reported."""

    week_start: datetime.date
    days: list[RadioDay]
    min_per_week: int
    reported: bool  # the commune entered the week (a programme or "nothing this week")
    no_programme: bool

    @property
    def week_end(self) -> datetime.date:
        return week_end(self.week_start)

    @property
    def programmes(self) -> int:
        return sum(day.programmes for day in self.days)

    @property
    def missing_days(self) -> list[RadioDay]:
        return [day for day in self.days if day.is_missing]

    @property
    def still_needed(self) -> int:
        return max(self.min_per_week - self.programmes, 0)


def radio_week(
    *,
    communes: QuerySet[Unit],
    week_start: datetime.date,
    min_per_week: int,
    today: datetime.date | None = None,
) -> RadioWeek:
    """The programmes ``communes`` (the versions of one commune) logged each day of a week
    (two queries)."""
    today = today or timezone.localdate()
    counts = dict(
        Broadcast.objects.filter(commune__in=communes, week_start=week_start)
        .order_by()
        .values_list("on")
        .annotate(n=Count("pk"))
    )
    logs = list(
        WeeklyLog.objects.filter(commune__in=communes, week_start=week_start).values_list(
            "no_programme", flat=True
        )
    )
    days = [week_start + datetime.timedelta(days=i) for i in range(7)]
    return RadioWeek(
        week_start=week_start,
        days=[RadioDay(day, counts.get(day, 0), day <= today) for day in days],
        min_per_week=min_per_week,
        reported=bool(logs),
        no_programme=any(logs),
    )
