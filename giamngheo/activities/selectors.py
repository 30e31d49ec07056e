"""Reads of the activity register: totals by kind, group, channel and unit; planned vs done.

Every selector takes ``units``: a queryset or list of units, or an
``indicators.rules.Scope`` (the report and the dashboard).  Counts go by the
unit version an activity was entered for; callers roll units up (a district
and its communes) with ``district_of``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from giamngheo.core.figures import share_of
from giamngheo.indicators.rules import Scope, reference_day
from giamngheo.plans.models import (
    COUNTED_IN_COPIES,
    ActivityType,
    CommunicationPlan,
    PlannedActivity,
)
from giamngheo.units.models import Unit, UnitLevel

from .models import Activity, Channel, KindGroup


def _units(units: Any) -> Any:
    if isinstance(units, Scope):
        return units.all_units()
    return units


def activities_in(
    *, units: Any, start: datetime.date | None = None, end: datetime.date | None = None
) -> QuerySet[Activity]:
    """The activities of ``units`` that start between ``start`` and ``end`` (both included)."""
    queryset = Activity.objects.filter(unit__in=_units(units))
    if start is not None:
        queryset = queryset.filter(start_date__gte=start)
    if end is not None:
        queryset = queryset.filter(start_date__lte=end)
    return queryset


@dataclass
class Totals:
    label: str
    count: int = 0
    audience_reached: int = 0
    participants: int = 0
    cost: Decimal = field(default_factory=Decimal)
    key: Any = None

    def add(self, other: Totals) -> None:
        self.count += other.count
        self.audience_reached += other.audience_reached
        self.participants += other.participants
        self.cost += other.cost


AGGREGATES = {
    "count": Count("pk"),
    "audience_reached_sum": Coalesce(Sum("audience_reached"), 0),
    "participants_sum": Coalesce(Sum("participants"), 0),
    "cost_sum": Sum("cost"),
}


def _totals(label: str, row: dict[str, Any], key: Any = None) -> Totals:
    return Totals(
        label=label,
        count=row["count"],
        audience_reached=row["audience_reached_sum"],
        participants=row["participants_sum"],
        cost=row["cost_sum"] or Decimal(0),
        key=key,
    )


def grand_total(*, units: Any, start: datetime.date, end: datetime.date) -> Totals:
    row = activities_in(units=units, start=start, end=end).aggregate(**AGGREGATES)
    return _totals("", row)


def totals_by_kind(*, units: Any, start: datetime.date, end: datetime.date) -> list[Totals]:
    """One row per kind with at least one activity, in the kinds' order. One query."""
    rows = (
        activities_in(units=units, start=start, end=end)
        .values("kind_id", "kind__name", "kind__group", "kind__sort_order")
        .annotate(**AGGREGATES)
        .order_by("kind__sort_order", "kind__name")
    )
    return [_totals(row["kind__name"], row, key=row["kind__group"]) for row in rows]


def totals_by_group(*, units: Any, start: datetime.date, end: datetime.date) -> list[Totals]:
    """Products and events, both always present. One query."""
    found = {
        row["kind__group"]: row
        for row in activities_in(units=units, start=start, end=end)
        .values("kind__group")
        .annotate(**AGGREGATES)
        .order_by()
    }
    empty = {"count": 0, "audience_reached_sum": 0, "participants_sum": 0, "cost_sum": None}
    return [
        _totals(str(group.label), found.get(group.value, empty), key=group.value)
        for group in KindGroup
    ]


def totals_by_channel(*, units: Any, start: datetime.date, end: datetime.date) -> list[Totals]:
    """One row per channel used (an empty channel as "not given"). One query."""
    labels = dict(Channel.choices)
    rows = (
        activities_in(units=units, start=start, end=end)
        .values("channel")
        .annotate(**AGGREGATES)
        .order_by("channel")
    )
    order = {value: index for index, value in enumerate(labels)}
    result = [
        _totals(str(labels.get(row["channel"], "—")), row, key=row["channel"]) for row in rows
    ]
    return sorted(result, key=lambda t: order.get(t.key, len(order)))


def totals_by_unit(*, units: Any, start: datetime.date, end: datetime.date) -> list[Totals]:
    """One row per unit version with activities (``key`` is the Unit). Two queries."""
    rows = list(
        activities_in(units=units, start=start, end=end).values("unit_id").annotate(**AGGREGATES)
    )
    by_pk = Unit.objects.select_related("parent").in_bulk([row["unit_id"] for row in rows])
    result = [_totals(by_pk[row["unit_id"]].name, row, key=by_pk[row["unit_id"]]) for row in rows]
    return sorted(result, key=lambda t: (t.key.sort_name, t.key.code))


def district_of(unit: Unit) -> Unit:
    """The district-level unit a commune of the three-level map belongs to, or the unit."""
    if (
        unit.level == UnitLevel.COMMUNE
        and unit.parent_id
        and unit.parent.level == UnitLevel.DISTRICT
    ):
        return unit.parent
    return unit


def totals_by_district(*, units: Any, start: datetime.date, end: datetime.date) -> list[Totals]:
    """Communes rolled up into their district (by code); province and two-level communes alone."""
    rolled: dict[tuple[str, str], Totals] = {}
    for row in totals_by_unit(units=units, start=start, end=end):
        unit = district_of(row.key)
        key = (unit.level, unit.code)
        if key not in rolled:
            rolled[key] = Totals(label=unit.name, key=unit)
        rolled[key].add(row)
    level_order = {UnitLevel.PROVINCE: 0, UnitLevel.DISTRICT: 1, UnitLevel.COMMUNE: 2}
    return sorted(rolled.values(), key=lambda t: (level_order[t.key.level], t.key.sort_name))


# Planned vs done.


# Like is compared with like: activities planned with register entries, each entry
# being one activity. A planned quantity of copies (a publication) is one activity,
# and its copies are shown beside, compared with nothing: the register has no copies.


@dataclass
class PlannedRow:
    """One planned activity of a plan, and what was done under it."""

    plan: CommunicationPlan
    planned_activity: PlannedActivity
    planned: int  # activities (``PlannedActivity.activity_count``)
    done: int  # register entries linked to it in the year
    cost: Decimal
    copies: int | None = None  # copies planned, for a publication

    @property
    def rate(self) -> float | None:
        return share_of(self.done, self.planned)


@dataclass
class TypeRow:
    """A plan's activity type: activities planned, done under the plan, done outside it."""

    unit: Unit | None  # None: summed over the units
    activity_type: str
    planned: int = 0  # activities
    linked: int = 0
    unlinked: int = 0
    copies: int | None = None  # copies planned, for a type counted in copies

    @property
    def label(self) -> str:
        return str(ActivityType(self.activity_type).label)

    @property
    def done(self) -> int:
        return self.linked + self.unlinked

    @property
    def rate(self) -> float | None:
        """Done under the plans, of the activities planned."""
        return share_of(self.linked, self.planned)

    def add(self, other: TypeRow) -> None:
        self.planned += other.planned
        self.linked += other.linked
        self.unlinked += other.unlinked
        if other.copies is not None:
            self.copies = (self.copies or 0) + other.copies


def by_type(rows: list[TypeRow]) -> list[TypeRow]:
    """``rows`` of several units summed per activity type, in the types' order."""
    summed: dict[str, TypeRow] = {}
    for row in rows:
        summed.setdefault(row.activity_type, TypeRow(None, row.activity_type)).add(row)
    type_order = {value: index for index, value in enumerate(ActivityType.values)}
    return sorted(summed.values(), key=lambda r: type_order.get(r.activity_type, 99))


def planning_units(*, units: Any, year: int) -> dict[str, Unit]:
    """The units among ``units`` asked for an annual plan in ``year``, by code.

    The plan rule's choice (``Scope.plan_units``): the district-level units while the
    map of the year's reference day has districts (until 2025), otherwise the communes,
    wards and the province, each planning for itself (from 2026).
    """
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    pool = _units(units)
    if not isinstance(pool, QuerySet):
        pool = Unit.objects.filter(pk__in=[unit.pk for unit in pool])
    levels = [UnitLevel.DISTRICT, UnitLevel.COMMUNE, UnitLevel.PROVINCE]
    on_map = list(pool.in_force(start).filter(level__in=levels))
    if not on_map:  # no unit in force yet on 1 January (the first map began on 1 July 2021)
        on_map = list(pool.in_force(reference_day(pool, start, end)).filter(level__in=levels))
    districts = {unit.code: unit for unit in on_map if unit.level == UnitLevel.DISTRICT}
    return districts or {unit.code: unit for unit in on_map}


def plans_of_year(*, units: Any, year: int) -> QuerySet[CommunicationPlan]:
    """The annual plans for ``year`` of the planning units among ``units`` (by code)."""
    codes = list(planning_units(units=units, year=year))
    return (
        CommunicationPlan.objects.filter(year=year, unit__code__in=codes)
        .select_related("unit", "period")
        .order_by("unit__sort_name", "pk")
    )


def planned_vs_done(*, units: Any, year: int) -> list[PlannedRow]:
    """Each planned activity of the year's plans, with the activities linked to it. Two queries."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    planned = list(
        PlannedActivity.objects.filter(plan__in=plans_of_year(units=units, year=year))
        .select_related("plan__unit", "plan__period")
        .annotate(
            done=Count(
                "done_activities",
                filter=Q(
                    done_activities__start_date__gte=start, done_activities__start_date__lte=end
                ),
            ),
            done_cost=Sum(
                "done_activities__cost",
                filter=Q(
                    done_activities__start_date__gte=start, done_activities__start_date__lte=end
                ),
            ),
        )
        .order_by("plan__unit__sort_name", "plan__pk", "sort_order", "pk")
    )
    return [
        PlannedRow(
            plan=row.plan,
            planned_activity=row,
            planned=row.activity_count,
            done=row.done,
            cost=row.done_cost or Decimal(0),
            copies=row.copies,
        )
        for row in planned
    ]


def done_by_plan_type(*, units: Any, year: int) -> list[TypeRow]:
    """Per planning unit and plan type: activities planned, done under the plan and
    outside it, and the copies planned of a type counted in copies.

    The activities outside a plan count by their kind's plan type: a district's own and
    its communes' while districts plan (until 2025), a commune's, ward's or the
    province's own from 2026. Four queries.
    """
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    planners = planning_units(units=units, year=year)
    codes = list(planners)
    by_district = any(unit.level == UnitLevel.DISTRICT for unit in planners.values())
    rows: dict[tuple[str, str], TypeRow] = {}

    def row(code: str, activity_type: str) -> TypeRow:
        if (code, activity_type) not in rows:
            rows[(code, activity_type)] = TypeRow(planners[code], activity_type)
        return rows[(code, activity_type)]

    for planned in (
        PlannedActivity.objects.filter(plan__year=year, plan__unit__code__in=codes)
        .values("plan__unit__code", "activity_type")
        .annotate(quantity=Sum("quantity"), lines=Count("pk"))
        .order_by()
    ):
        target = row(planned["plan__unit__code"], planned["activity_type"])
        if planned["activity_type"] in COUNTED_IN_COPIES:
            target.planned += planned["lines"]
            target.copies = (target.copies or 0) + planned["quantity"]
        else:
            target.planned += planned["quantity"]

    if by_district:
        done_by = Q(unit__level=UnitLevel.DISTRICT, unit__code__in=codes) | Q(
            unit__level=UnitLevel.COMMUNE,
            unit__parent__level=UnitLevel.DISTRICT,
            unit__parent__code__in=codes,
        )
    else:
        done_by = Q(unit__code__in=codes, unit__level__in=[UnitLevel.COMMUNE, UnitLevel.PROVINCE])
    done = (
        Activity.objects.filter(start_date__gte=start, start_date__lte=end)
        .filter(done_by)
        .exclude(kind__plan_type="")
        .values("unit__level", "unit__code", "unit__parent__code", "kind__plan_type")
        .annotate(
            linked=Count("pk", filter=Q(planned_activity__isnull=False)),
            unlinked=Count("pk", filter=Q(planned_activity__isnull=True)),
        )
        .order_by()
    )
    for item in done:
        rolled_up = by_district and item["unit__level"] == UnitLevel.COMMUNE
        code = item["unit__parent__code"] if rolled_up else item["unit__code"]
        target = row(code, item["kind__plan_type"])
        target.linked += item["linked"]
        target.unlinked += item["unlinked"]
    type_order = {value: index for index, value in enumerate(ActivityType.values)}
    return sorted(
        rows.values(), key=lambda r: (r.unit.sort_name, type_order.get(r.activity_type, 99))
    )
