"""Reading poverty figures from Excel and checking every row.

Nothing here writes: ``check_statistics`` resolves each row's unit code to the
version of the unit in force during the row's year, checks the counts, the
user's units, duplicates within the file and figures already recorded, and
records every bad row with its number, column and reason.
``services.import_statistics`` then writes all rows, or only the valid ones.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from giamngheo.accounts import scoping
from giamngheo.core.xlsx import CellError, Column, ParseResult, parse_code, parse_text
from giamngheo.units.models import Unit

from .models import FIRST_YEAR, PovertyStatistic, is_in_force_during

if TYPE_CHECKING:
    from giamngheo.accounts.models import User


THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")


def _whole_number(value: Any) -> int:
    if isinstance(value, bool):
        raise CellError(_("“%(value)s” is not a number") % {"value": value})
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().replace(" ", "")
        # "1.234" and "1,234" are thousands in a count, as Vietnamese write them.
        if THOUSANDS.match(text):
            text = text.replace(".", "").replace(",", "")
        try:
            number = float(text.replace(",", "."))
        except ValueError as error:
            raise CellError(_("“%(value)s” is not a number") % {"value": value}) from error
    if not number.is_integer():
        raise CellError(_("must be a whole number"))
    return int(number)


def parse_count(value: Any) -> int:
    """A number of households: a whole number, 0 or more ("1.234" and "1,234" read 1234)."""
    number = _whole_number(value)
    if number < 0:
        raise CellError(_("cannot be negative"))
    return number


def parse_year(value: Any) -> int:
    number = _whole_number(value)
    if not FIRST_YEAR <= number <= 2100:
        raise CellError(_("“%(value)s” is not a year") % {"value": value})
    return number


# The model field each count error belongs to, and the column it is reported under.
FIELD_COLUMNS = {
    "households": "households",
    "poor_households": "poor",
    "near_poor_households": "near_poor",
    "year": "year",
    "unit": "unit_code",
}


def statistic_columns() -> list[Column]:
    """The template's columns; headers are translated when called (in the user's language)."""
    return [
        Column("unit_code", _("Unit code"), parse_code, example="19942"),
        Column("year", _("Year"), parse_year, example=2023),
        Column("households", _("Households"), parse_count, example=2450),
        Column("poor", _("Poor households"), parse_count, example=61),
        Column("near_poor", _("Near-poor households"), parse_count, example=98),
        Column(
            "source",
            _("Source document"),
            parse_text,
            required=False,
            example="Quyết định số 123/QĐ-UBND ngày 20/12/2023",
        ),
        Column("notes", _("Notes"), parse_text, required=False, example=""),
    ]


@dataclass
class StatisticRow:
    number: int
    statistic: PovertyStatistic  # a new row, or the existing one with the file's figures
    is_update: bool
    before: dict[str, Any] | None = None  # the existing figures, for the log


def _unit_for_year(versions: list[Unit], year: int) -> Unit | None:
    """The version in force during ``year``; with two (a map changed), the earlier."""
    in_year = [unit for unit in versions if is_in_force_during(unit, year)]
    return min(in_year, key=lambda unit: unit.valid_from) if in_year else None


def check_statistics(
    parsed: ParseResult, *, by: User, replace_existing: bool, today: datetime.date | None = None
) -> list[StatisticRow]:
    """The rows that can be written; errors are added to ``parsed``. A fixed number of queries."""
    columns = {column.key: column for column in statistic_columns()}
    this_year = (today or datetime.date.today()).year
    codes = {row.values["unit_code"] for row in parsed.rows if row.values.get("unit_code")}
    versions: dict[str, list[Unit]] = {}
    for unit in Unit.objects.filter(code__in=codes):
        versions.setdefault(unit.code, []).append(unit)
    visible = set(
        scoping.units_visible_to(by).filter(code__in=codes).values_list("code", flat=True)
    )
    years = {row.values["year"] for row in parsed.rows if row.values.get("year")}
    existing = {
        (row.unit_code, row.year): row
        for row in PovertyStatistic.objects.filter(unit_code__in=codes, year__in=years)
    }

    checked: list[StatisticRow] = []
    first_row: dict[tuple[str, int], int] = {}
    for row in parsed.rows:
        values = row.values
        code, year = values.get("unit_code"), values.get("year")
        if year is not None and year > this_year:
            parsed.add_error(
                row.number,
                columns["year"],
                _("%(year)d has not ended yet: figures are for a past or the current year")
                % {"year": year},
            )
            year = None
        unit = None
        if code:
            if code not in versions:
                parsed.add_error(
                    row.number, columns["unit_code"], _("no unit has the code “%s”") % code
                )
            elif code not in visible:
                parsed.add_error(
                    row.number,
                    columns["unit_code"],
                    _("unit %s is outside the units you manage") % code,
                )
            elif year is not None:
                unit = _unit_for_year(versions[code], year)
                if unit is None:
                    parsed.add_error(
                        row.number,
                        columns["unit_code"],
                        _("unit %(code)s was not in force in %(year)d")
                        % {"code": code, "year": year},
                    )
        if not (code and year):
            continue
        key = (code, year)
        if key in first_row:
            parsed.add_error(
                row.number,
                columns["unit_code"],
                _("the same unit and year as row %d") % first_row[key],
            )
            continue
        first_row[key] = row.number
        current = existing.get(key)
        if current is not None and not replace_existing:
            parsed.add_error(
                row.number,
                columns["year"],
                _(
                    "figures for %(code)s in %(year)d are already recorded; tick "
                    "“Replace existing figures” to update them"
                )
                % {"code": code, "year": year},
            )
            continue
        if unit is None:
            continue
        statistic = current if current is not None else PovertyStatistic(unit=unit, year=year)
        before = None
        if current is not None:
            before = {
                "households": current.households,
                "poor_households": current.poor_households,
                "near_poor_households": current.near_poor_households,
                "source": current.source,
            }
        statistic.households = values.get("households")
        statistic.poor_households = values.get("poor")
        statistic.near_poor_households = values.get("near_poor")
        statistic.source = values.get("source") or (current.source if current else "")
        statistic.notes = values.get("notes") or (current.notes if current else "")
        for name, message in statistic.count_errors().items():
            parsed.add_error(row.number, columns[FIELD_COLUMNS[name]], message)
        checked.append(StatisticRow(row.number, statistic, current is not None, before))
    bad = parsed.bad_rows
    return [row for row in checked if row.number not in bad]
