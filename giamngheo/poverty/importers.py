"""Poverty figures from Excel, through the shared import pipeline (``core.imports``).

Each row becomes a ``PovertyStatistic`` for the version of its unit in force
during the row's year (the stored figure itself, with the file's numbers, when
the user asked to replace existing figures), checked by the figure's one rule
(``rules.FigureRule``) like the record form and the demo loader, and written
by ``services.record_figures``.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from giamngheo.core.imports import ImportReport, RowImport
from giamngheo.core.xlsx import (
    CellError,
    Column,
    ParseResult,
    parse_code,
    parse_count,
    parse_text,
    whole_number,
)
from giamngheo.units.models import Unit

from .models import FIRST_YEAR, PovertyStatistic, is_in_force_during
from .rules import FigureRule
from .services import ADD, CHANGE, figures_of, record_imported_figure

if TYPE_CHECKING:
    from giamngheo.accounts.models import User


def parse_year(value: Any) -> int:
    number = whole_number(value)
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


def _unit_for_year(versions: list[Unit], year: int | None) -> Unit | None:
    """The version in force during ``year``; with two (a map changed), the earlier.

    Without one (or without a readable year) the latest version, whose rule check
    then says what is wrong with it.
    """
    if not versions:
        return None
    in_year = [unit for unit in versions if year is not None and is_in_force_during(unit, year)]
    if in_year:
        return min(in_year, key=lambda unit: unit.valid_from)
    return max(versions, key=lambda unit: unit.valid_from)


class FigureImport(RowImport):
    """Units' figures for years from one workbook, checked by the figure's one rule."""

    field_columns = FIELD_COLUMNS

    def __init__(
        self,
        *,
        by: User,
        replace_existing: bool = False,
        submit: bool = False,
        today: datetime.date | None = None,
    ):
        super().__init__(by=by)
        self.replace_existing = replace_existing
        self.submit = submit
        self.today = today
        self.before: dict[int, dict[str, Any]] = {}  # a replaced figure's pk → its figures

    def columns(self) -> list[Column]:
        return statistic_columns()

    def entries(self, parsed: ParseResult) -> list[PovertyStatistic]:
        codes = {row.values["unit_code"] for row in parsed.rows if row.values.get("unit_code")}
        years = {row.values["year"] for row in parsed.rows if row.values.get("year")}
        versions: dict[str, list[Unit]] = {}
        for unit in Unit.objects.filter(code__in=codes):
            versions.setdefault(unit.code, []).append(unit)
        stored = {}
        if self.replace_existing:
            stored = {
                (row.unit_code, row.year): row
                for row in PovertyStatistic.objects.filter(unit_code__in=codes, year__in=years)
            }
        header = statistic_columns()[0].header
        entries = []
        for row in parsed.rows:
            values = row.values
            code, year = values.get("unit_code"), values.get("year")
            if code and code not in versions:
                parsed.add_error(row.number, header, _("no unit has the code “%s”") % code)
            figure = stored.get((code, year))
            if figure is not None and figure.pk not in self.before:
                self.before[figure.pk] = figures_of(figure)
            else:
                figure = PovertyStatistic(
                    unit=_unit_for_year(versions.get(code, []), year), year=year
                )
            figure.households = values.get("households")
            figure.poor_households = values.get("poor")
            figure.near_poor_households = values.get("near_poor")
            figure.source = values.get("source") or figure.source or ""
            figure.notes = values.get("notes") or figure.notes or ""
            entries.append(figure)
        return entries

    def rule(self, entries):
        return FigureRule(
            self.by, entries, replace_existing=self.replace_existing, today=self.today
        )

    def store(self, entries) -> int:
        for figure in entries:
            before = self.before.get(figure.pk) if figure.pk else None
            record_imported_figure(figure, by=self.by, submit=self.submit, before=before)
            self.updated += before is not None
        return len(entries)


def import_statistics(
    *,
    upload,
    by: User,
    valid_rows_only: bool = False,
    replace_existing: bool = False,
    submit: bool = False,
    today: datetime.date | None = None,
) -> ImportReport:
    """Record the poverty figures listed in an Excel file.

    Every row is checked first; when any row is bad nothing is written unless
    ``valid_rows_only``, and then only the good rows are.  A figure already
    recorded for the same unit and year is updated only with
    ``replace_existing`` (else its row is an error), and each update is logged
    with the figures it replaced.  All writes happen in one transaction.

    Figures are approved before they count (``core.approval``): each row becomes
    a draft revision, sent for approval with ``submit``; province staff's own
    figures are approved as they are entered. An approved figure an import
    changes keeps its approved values in public until the change is approved.
    """
    if not by.has_perm(ADD) or (replace_existing and not by.has_perm(CHANGE)):
        raise PermissionDenied
    importer = FigureImport(by=by, replace_existing=replace_existing, submit=submit, today=today)
    return importer.run(upload, valid_rows_only=valid_rows_only)
