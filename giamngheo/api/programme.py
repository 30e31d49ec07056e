"""Public reads of the map and the programme: units and their successions, periods,
indicators with their targets, computed values and weekly radio compliance.

Values come from the KPI engine (``indicators.selectors``), cached under the
versions every write bumps: the API answers what the dashboard shows.
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError

from giamngheo.indicators import selectors as kpi
from giamngheo.indicators.models import Indicator, ProgrammePeriod
from giamngheo.indicators.rules import Scope
from giamngheo.units.models import Unit, UnitLevel

from .filters import IsoDate, province
from .paging import DEFAULT_LIMIT, MAX_LIMIT, Out, answer, page, page_of

router = Router(tags=["Programme"])


class UnitOut(Out):
    code: str
    name: str
    level: str
    kind: str
    parent_code: str | None
    valid_from: datetime.date
    valid_to: datetime.date | None


UnitPage = page_of(UnitOut, "UnitPage")


class UnitQuery(Schema):
    on: IsoDate | None = Field(None, description="the map in force on this day (default today)")
    level: UnitLevel | None = None
    parent: str | None = Field(None, max_length=10, pattern=r"^\d{2,5}$")
    cursor: str | None = Field(None, max_length=2000)
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


@router.get(
    "/units",
    response=UnitPage,
    summary=_("Administrative units in force on a day"),
    operation_id="list_units",
)
def list_units(request: HttpRequest, query: Query[UnitQuery]) -> HttpResponse:
    on = query.on or timezone.localdate()
    units = Unit.objects.of_province(province()).in_force(on).select_related("parent")
    if query.level:
        units = units.filter(level=query.level)
    if query.parent:
        units = units.filter(parent__code=query.parent)
    items, cursor = page(
        units, ordering=("sort_name", "pk"), cursor=query.cursor, limit=query.limit
    )
    return answer(request, UnitPage, {"items": items, "next_cursor": cursor}, max_age=3600)


class Succession(Out):
    code: str
    name: str
    on: datetime.date


class UnitVersion(UnitOut):
    predecessors: list[Succession]
    successors: list[Succession]


class UnitHistory(Out):
    code: str
    versions: list[UnitVersion]


@router.get(
    "/units/{code}",
    response=UnitHistory,
    summary=_("Every version of a unit, with the units it came from and went to"),
    operation_id="get_unit",
)
def get_unit(request: HttpRequest, code: str = Path(..., max_length=10)) -> HttpResponse:
    versions = list(
        Unit.objects.of_province(province())
        .filter(code=code)
        .select_related("parent")
        .prefetch_related("successions__successor", "precursions__predecessor")
        .order_by("valid_from")
    )
    if not versions:
        raise HttpError(404, _("No unit of the province has this code."))
    data = {
        "code": code,
        "versions": [
            {
                **UnitOut.model_validate(unit).model_dump(),
                "predecessors": [
                    {"code": s.predecessor.code, "name": s.predecessor.name, "on": s.on}
                    for s in unit.precursions.all()
                ],
                "successors": [
                    {"code": s.successor.code, "name": s.successor.name, "on": s.on}
                    for s in unit.successions.all()
                ],
            }
            for unit in versions
        ],
    }
    return answer(request, UnitHistory, data, max_age=3600)


class PeriodOut(Out):
    id: int
    name: str
    start: datetime.date
    end: datetime.date
    status: str
    years: list[int]


class PeriodList(Out):
    items: list[PeriodOut]


@router.get(
    "/periods", response=PeriodList, summary=_("Programme periods"), operation_id="list_periods"
)
def list_periods(request: HttpRequest) -> HttpResponse:
    return answer(request, PeriodList, {"items": list(ProgrammePeriod.objects.all())})


class TargetOut(Out):
    period_id: int
    year: int | None
    value: float
    parameters: dict


class IndicatorOut(Out):
    code: str
    name: str
    unit_of_measure: str
    rule: str
    description: str
    targets: list[TargetOut]


INDICATOR_FIELDS = ("code", "name", "unit_of_measure", "rule", "description")


class IndicatorList(Out):
    items: list[IndicatorOut]


class PeriodQuery(Schema):
    period: int | None = Field(
        None, ge=1, description="id of a programme period (default: current)"
    )


def _period(period_id: int | None) -> ProgrammePeriod:
    if period_id is not None:
        return get_object_or_404(ProgrammePeriod, pk=period_id)
    period = kpi.current_period()
    if period is None:
        raise HttpError(404, _("No programme period is set up yet."))
    return period


@router.get(
    "/indicators",
    response=IndicatorList,
    summary=_("Indicators of a period, with their targets"),
    operation_id="list_indicators",
)
def list_indicators(request: HttpRequest, query: Query[PeriodQuery]) -> HttpResponse:
    period = _period(query.period)
    indicators = kpi.indicators_with_targets(period)
    for indicator in indicators:
        indicator.period_targets = [t for t in indicator.targets.all() if t.period_id == period.pk]
    data = {
        "items": [
            {
                **{name: getattr(i, name) for name in INDICATOR_FIELDS},
                "targets": i.period_targets,
            }
            for i in indicators
        ]
    }
    return answer(request, IndicatorList, data)


class ValueQuery(PeriodQuery):
    year: int | None = Field(None, ge=1900, le=2200, description="default: this year")
    unit: str | None = Field(
        None, max_length=10, pattern=r"^\d{2,5}$", description="a district or commune code"
    )


class ValueOut(Out):
    indicator: str
    name: str
    year: int
    unit: str
    value: float | None
    target: float
    status: str


class ValueList(Out):
    period_id: int
    is_draft: bool
    items: list[ValueOut]


def _scope_and_year(query: ValueQuery) -> tuple[ProgrammePeriod, Scope, int]:
    period = _period(query.period)
    year = query.year or kpi.default_year(period)
    if year not in period.years:
        raise HttpError(400, _("The year is outside the period."))
    scope = kpi.scope_for_unit(query.unit)
    if scope is None:
        raise HttpError(404, _("No district or commune of the province has this code."))
    return period, scope, year


@router.get(
    "/indicator-values",
    response=ValueList,
    summary=_("Computed indicator values for a year and a unit, against their targets"),
    operation_id="list_indicator_values",
)
def list_indicator_values(request: HttpRequest, query: Query[ValueQuery]) -> HttpResponse:
    period, scope, year = _scope_and_year(query)
    unit = scope.unit.code if scope.unit else scope.province_code
    values = [
        v
        for indicator in kpi.indicators_with_targets(period)
        if (v := kpi.indicator_value(indicator, period=period, year=year, scope=scope))
    ]
    items = [
        {
            "indicator": v.indicator.code,
            "name": v.indicator.name,
            "year": year,
            "unit": unit,
            "value": v.value,
            "target": v.target_value,
            "status": v.status,
        }
        for v in values
    ]
    data = {"period_id": period.pk, "is_draft": period.is_draft, "items": items}
    return answer(request, ValueList, data)


class WeekOut(Out):
    week_start: datetime.date
    communes: int
    compliant: int
    share: float | None


class RadioOut(Out):
    year: int
    unit: str
    min_per_week: int
    share: float | None
    weeks: list[WeekOut]


@router.get(
    "/radio-compliance",
    response=RadioOut,
    summary=_("Share of communes reaching the weekly radio minimum, week by week"),
    operation_id="get_radio_compliance",
)
def get_radio_compliance(request: HttpRequest, query: Query[ValueQuery]) -> HttpResponse:
    period, scope, year = _scope_and_year(query)
    indicator = next(
        (
            i
            for i in kpi.indicators_with_targets(period)
            if i.rule == Indicator.Rule.RADIO_COMPLIANCE
        ),
        None,
    )
    value = indicator and kpi.indicator_value(indicator, period=period, year=year, scope=scope)
    if not value:
        raise HttpError(404, _("This period has no radio indicator."))
    compliance = value.detail
    data = {
        "year": year,
        "unit": scope.unit.code if scope.unit else scope.province_code,
        "min_per_week": compliance.min_per_week,
        "share": compliance.share,
        "weeks": [
            {
                "week_start": w.week_start,
                "communes": w.communes,
                "compliant": w.compliant,
                "share": w.share,
            }
            for w in compliance.weeks
        ],
    }
    return answer(request, RadioOut, data)
