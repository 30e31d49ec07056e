"""DHIS2 ``dataValueSets`` JSON: periods in DHIS2 notation and the export of our
indicator values.

The format (DHIS2 Web API, "Data values"): ``{"dataValues": [{"dataElement",
"period", "orgUnit", "categoryOptionCombo", "value"}]}``, values as strings; a set
may also give ``period``, ``orgUnit`` and ``attributeOptionCombo`` once for all
its values. Periods: ``2026`` (yearly), ``2026W5`` (ISO week 5: DHIS2 writes the
week without a leading zero and reads it with one), ``202601`` (monthly),
``2026Q1``, ``20260105`` (daily). Ids use DHIS2's default scheme (UID); which
UID stands for which of our indicators and units is data
(``DataElementMapping``, ``OrgUnitMapping``).
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.indicators.rules import Scope
from giamngheo.indicators.selectors import drilldown_units, indicator_value

from .models import DataElementMapping, OrgUnitMapping, PeriodType
from .rows import province

EXAMPLES = "2026, 2026W5, 202601, 2026Q1, 20260105"


class PeriodError(ValueError):
    pass


def yearly(year: int) -> str:
    return str(year)


def weekly(monday: datetime.date) -> str:
    iso = monday.isocalendar()
    return f"{iso.year}W{iso.week}"


def period_bounds(text: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a DHIS2 period; PeriodError when it is not one."""
    text = str(text).strip()
    try:
        if match := re.fullmatch(r"(\d{4})", text):
            year = int(match[1])
            return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        if match := re.fullmatch(r"(\d{4})W(\d{1,2})", text):
            monday = datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return monday, monday + datetime.timedelta(days=6)
        if match := re.fullmatch(r"(\d{4})(\d{2})", text):
            year, month = int(match[1]), int(match[2])
            last = calendar.monthrange(year, month)[1]
            return datetime.date(year, month, 1), datetime.date(year, month, last)
        if match := re.fullmatch(r"(\d{4})Q([1-4])", text):
            year, quarter = int(match[1]), int(match[2])
            first = datetime.date(year, 3 * quarter - 2, 1)
            end_month = 3 * quarter
            return first, datetime.date(year, end_month, calendar.monthrange(year, end_month)[1])
        if match := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text):
            day = datetime.date(int(match[1]), int(match[2]), int(match[3]))
            return day, day
    except ValueError:
        pass  # a week 54, a month 13, a 30 February: not a period either
    raise PeriodError(
        _("“%(period)s” is not a DHIS2 period (e.g. %(examples)s).")
        % {"period": text, "examples": EXAMPLES}
    )


def value_text(value: float | Decimal) -> str:
    """A number as DHIS2 stores it: a string, at most two decimals, no trailing zeros."""
    text = f"{float(value):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass
class Export:
    data_values: list[dict[str, str]] = field(default_factory=list)
    unmapped_units: set[str] = field(default_factory=set)  # codes with values but no org unit

    @property
    def payload(self) -> dict[str, Any]:
        return {"dataValues": self.data_values}


def _scopes(period: ProgrammePeriod, year: int) -> list[Scope]:
    units = sorted(drilldown_units(period=period, year=year), key=lambda unit: unit.sort_name)
    return [Scope(province())] + [Scope(province(), unit) for unit in units]


def export_values(*, years: list[int], weekly_values: bool = True) -> Export:
    """Our indicator values for ``years`` (those up to this year), for the province and
    each unit the dashboard drills into, as DHIS2 data values of the mapped elements.

    The values are the KPI engine's (``indicators.selectors.indicator_value``); a
    weekly element carries the radio rule's weekly shares of the same computation.
    """
    mappings = list(DataElementMapping.objects.select_related("indicator"))
    org_units = dict(OrgUnitMapping.objects.values_list("unit_code", "org_unit"))
    periods = list(ProgrammePeriod.objects.order_by("start"))
    this_year = timezone.localdate().year
    export = Export()
    for year in sorted(set(years)):
        period = next((p for p in periods if year in p.years), None)
        if period is None or year > this_year:
            continue
        for scope in _scopes(period, year):
            code = scope.unit.code if scope.unit else scope.province_code
            for mapping in mappings:
                value = indicator_value(mapping.indicator, period=period, year=year, scope=scope)
                if value is None or value.value is None:
                    continue
                org_unit = org_units.get(code)
                if org_unit is None:
                    export.unmapped_units.add(code)
                    continue
                if mapping.period_type == PeriodType.YEARLY:
                    figures = [(yearly(year), value.value)]
                elif weekly_values:
                    figures = [
                        (weekly(week.week_start), week.share)
                        for week in value.detail.weeks
                        if week.share is not None
                    ]
                else:
                    figures = []
                for period_text, figure in figures:
                    data_value = {
                        "dataElement": mapping.data_element,
                        "period": period_text,
                        "orgUnit": org_unit,
                        "value": value_text(figure),
                    }
                    if mapping.category_option_combo:
                        data_value["categoryOptionCombo"] = mapping.category_option_combo
                    export.data_values.append(data_value)
    return export
