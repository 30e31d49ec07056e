"""How each open data set reads its rows and its last update, through the owning
apps' models and selectors: only what is published or approved, never a person.

Every generator yields plain tuples in the order of its set's fields and reads in
a number of queries that does not grow with the rows (``iterator`` in chunks for
tables; the KPI engine and the radio heat-map per year).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Max, Min, Q
from django.http import HttpRequest
from django.utils import timezone

from giamngheo.activities.models import Activity
from giamngheo.broadcasts.models import Broadcast
from giamngheo.broadcasts.selectors import communes_of, heat_map, weeks_to_count
from giamngheo.indicators.models import ProgrammePeriod, Target
from giamngheo.indicators.rules import Scope
from giamngheo.indicators.selectors import (
    drilldown_units,
    indicator_value,
    indicators_with_targets,
    radio_minimum,
)
from giamngheo.plans.models import CommunicationPlan
from giamngheo.portal.events import EventPage
from giamngheo.portal.news import ArticlePage
from giamngheo.poverty.models import PovertyStatistic
from giamngheo.training.models import TrainingCourse
from giamngheo.units.divisions import province_code as as_province_code
from giamngheo.units.models import Unit, UnitLevel, UnitSuccession

CHUNK = 2000
LEVEL_ORDER = {UnitLevel.PROVINCE: 0, UnitLevel.DISTRICT: 1, UnitLevel.COMMUNE: 2}


def province() -> str:
    return as_province_code(settings.PROVINCE_CODE)


def _number(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(float(value), digits)


# --- Administrative units and successions


def units_today(request: HttpRequest) -> Iterator[tuple]:
    """The province's units in force today, each with the units it took over (3 queries)."""
    today = timezone.localdate()
    units = list(Unit.objects.of_province(province()).in_force(today).select_related("parent"))
    former: dict[int, list[str]] = defaultdict(list)
    successions = UnitSuccession.objects.filter(successor__in=[u.pk for u in units]).values_list(
        "successor_id", "predecessor__code"
    )
    for successor, code in successions.order_by("predecessor__code"):
        if code not in former[successor]:
            former[successor].append(code)
    units.sort(key=lambda unit: (LEVEL_ORDER.get(unit.level, 9), unit.sort_name))
    for unit in units:
        yield (
            unit.code,
            unit.name,
            unit.level,
            unit.kind,
            unit.parent_code or "",
            unit.valid_from,
            ";".join(code for code in former[unit.pk] if code != unit.code),
        )


def _successions():
    return UnitSuccession.objects.filter(
        Q(predecessor__province_code=province()) | Q(successor__province_code=province())
    )


def successions(request: HttpRequest) -> Iterator[tuple]:
    rows = (
        _successions()
        .order_by("on", "predecessor__code", "successor__code")
        .values_list(
            "on", "predecessor__code", "predecessor__name", "successor__code", "successor__name"
        )
    )
    yield from rows.iterator(chunk_size=CHUNK)


def units_modified() -> datetime.date | None:
    units = Unit.objects.of_province(province()).in_force(timezone.localdate())
    days = [units.aggregate(day=Max("valid_from"))["day"], successions_modified()]
    return max((day for day in days if day), default=None)


def successions_modified() -> datetime.date | None:
    return _successions().aggregate(day=Max("on"))["day"]


# --- Indicators, targets and their values


def targets(request: HttpRequest) -> Iterator[tuple]:
    rows = Target.objects.select_related("indicator", "period").order_by(
        "period__start", "indicator__sort_order", "indicator__code", "year"
    )
    for target in rows:
        indicator, period = target.indicator, target.period
        yield (
            period.name,
            period.start,
            period.end,
            period.status,
            indicator.code,
            indicator.name,
            indicator.unit_of_measure,
            indicator.description,
            target.year,
            _number(target.value),
        )


def _years(period: ProgrammePeriod) -> list[int]:
    return [year for year in period.years if year <= timezone.localdate().year]


def indicator_values(request: HttpRequest) -> Iterator[tuple]:
    """Every indicator's value, per year of each period so far, for the province and each
    unit its dashboard drills into that year: the KPI engine's own figures (cached)."""
    for period in ProgrammePeriod.objects.order_by("start"):
        indicators = indicators_with_targets(period)
        for year in _years(period):
            scopes = [Scope(province())] + [
                Scope(province(), unit)
                for unit in sorted(
                    drilldown_units(period=period, year=year), key=lambda u: u.sort_name
                )
            ]
            for scope in scopes:
                for indicator in indicators:
                    value = indicator_value(indicator, period=period, year=year, scope=scope)
                    if value is None:
                        continue
                    unit = scope.unit
                    yield (
                        period.name,
                        period.status,
                        year,
                        indicator.code,
                        indicator.name,
                        indicator.unit_of_measure,
                        unit.code if unit else scope.province_code,
                        unit.name if unit else "",
                        unit.level if unit else UnitLevel.PROVINCE,
                        value.target_value,
                        _number(value.value),
                        value.status,
                    )


def indicator_values_modified() -> datetime.datetime | datetime.date | None:
    """The latest record behind the values: a radio programme entered, a plan approved,
    a course held."""
    moments = [
        Broadcast.objects.aggregate(at=Max("created_at"))["at"],
        CommunicationPlan.objects.filter(live=True).aggregate(at=Max("last_published_at"))["at"],
        TrainingCourse.objects.filter(start_date__lte=timezone.localdate()).aggregate(
            day=Max("start_date")
        )["day"],
    ]
    days = [_day(moment) for moment in moments if moment]
    return max(days, default=None)


def _day(value: datetime.date | datetime.datetime) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


# --- Commune radio


def _radio_years() -> list[int]:
    """From the first programme logged (or the first period) to this year."""
    starts = [
        Broadcast.objects.aggregate(day=Min("week_start"))["day"],
        ProgrammePeriod.objects.aggregate(day=Min("start"))["day"],
    ]
    this_year = timezone.localdate().year
    first = min((day.isocalendar().year for day in starts if day), default=this_year)
    return list(range(first, this_year + 1))


def radio_weeks(request: HttpRequest) -> Iterator[tuple]:
    """Programmes of each commune in each ended ISO week, and whether the week reached the
    minimum: the heat-map the admin dashboard draws, year by year (four queries a year)."""
    communes = communes_of(province_code=province())
    for year in _radio_years():
        weeks = weeks_to_count(year)
        if not weeks:
            continue
        minimum = radio_minimum(weeks[-1])
        for row in heat_map(year=year, min_per_week=minimum, communes=communes, weeks=weeks):
            for week, count in zip(weeks, row.counts, strict=True):
                if count is None:
                    continue
                iso = week.isocalendar()
                yield (
                    iso.year,
                    iso.week,
                    week,
                    row.unit.code,
                    row.unit.name,
                    count,
                    minimum,
                    count >= minimum,
                )


def radio_modified() -> datetime.date | None:
    moment = Broadcast.objects.aggregate(at=Max("created_at"))["at"]
    return _day(moment) if moment else None


# --- Poverty figures


def _approved_figures():
    return PovertyStatistic.objects.approved().filter(unit__province_code=province())


def poverty_figures(request: HttpRequest) -> Iterator[tuple]:
    rows = _approved_figures().select_related("unit").order_by("year", "unit__sort_name")
    for figure in rows.iterator(chunk_size=CHUNK):
        yield (
            figure.year,
            figure.unit.code,
            figure.unit.name,
            figure.unit.level,
            figure.households,
            figure.poor_households,
            figure.near_poor_households,
            figure.poor_rate_rounded,
            figure.near_poor_rate_rounded,
            figure.poverty_standard,
            figure.source,
        )


def poverty_modified() -> datetime.date | None:
    moment = _approved_figures().aggregate(at=Max("last_published_at"))["at"]
    return _day(moment) if moment else None


# --- Activities register


def _activities():
    return Activity.objects.filter(unit__province_code=province())


def activities(request: HttpRequest) -> Iterator[tuple]:
    """The register's public columns: no notes, no communicators, no attachments."""
    rows = _activities().select_related("kind", "unit").order_by("start_date", "pk")
    for activity in rows.iterator(chunk_size=CHUNK):
        yield (
            activity.pk,
            activity.kind.code,
            activity.kind.name,
            activity.kind.group,
            activity.title,
            activity.unit.code,
            activity.unit.name,
            activity.start_date,
            activity.end_date,
            activity.channel,
            activity.audience,
            activity.audience_reached,
            activity.participants,
            activity.link,
        )


def activities_modified() -> datetime.date | None:
    moment = _activities().aggregate(at=Max("updated_at"))["at"]
    return _day(moment) if moment else None


# --- Portal events and news: live pages open to everyone


def _public(model):
    return model.objects.live().public()


def _url(request: HttpRequest, page) -> str:
    url = page.get_url(request=request)
    return request.build_absolute_uri(url) if url else ""


def events(request: HttpRequest) -> Iterator[tuple]:
    rows = _public(EventPage).select_related("unit").order_by("starts_at", "pk")
    for event in rows.iterator(chunk_size=CHUNK):
        yield (
            event.title,
            event.kind,
            timezone.localtime(event.starts_at),
            timezone.localtime(event.ends_at) if event.ends_at else None,
            event.place,
            event.unit.code if event.unit_id else "",
            _url(request, event),
        )


def news(request: HttpRequest) -> Iterator[tuple]:
    rows = _public(ArticlePage).select_related("category").order_by("date", "pk")
    for article in rows.iterator(chunk_size=CHUNK):
        yield (
            article.title,
            article.date,
            article.category.name if article.category_id else "",
            _url(request, article),
        )


def pages_modified(model) -> datetime.date | None:
    moment = _public(model).aggregate(at=Max("last_published_at"))["at"]
    return _day(moment) if moment else None
