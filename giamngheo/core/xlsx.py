"""Reading and writing the Excel files staff exchange with the system.

Imports follow one shape: read every row, validate each against its columns,
and report every bad row with its number and the column at fault; the caller
then writes all rows in one transaction, or only the valid ones when the user
chose so.  Nothing here touches the database.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from .figures import XLSX_DATE, decimals_needed, is_number, rounded, share_columns, xlsx_format
from .sheetreader import Sheet, SheetError

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_ROWS = 100_000
# A sheet that does not say how many rows it has is refused above this much XML
# (about 1 kB a row: the template's rows take 150 to 300 bytes).
MAX_SHEET_BYTES = MAX_ROWS * 1024


class ImportFileError(Exception):
    """The file as a whole cannot be read (not Excel, wrong columns, empty)."""


class CellError(ValueError):
    """Raised by a column parser with the message the user reads."""


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the header text in the template, already translated
    parse: Callable[[Any], Any] = lambda value: value
    required: bool = True
    example: Any = ""


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)d, column “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class ParsedRow:
    number: int
    values: dict[str, Any]


@dataclass
class ParseResult:
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def bad_rows(self) -> set[int]:
        return {error.row for error in self.errors}

    def valid_rows(self) -> list[ParsedRow]:
        bad = self.bad_rows
        return [row for row in self.rows if row.number not in bad]

    def add_error(self, row: int, column: Column | str, message: str) -> None:
        header = column.header if isinstance(column, Column) else column
        self.errors.append(RowError(row, header, message))


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_rows(upload, columns: Sequence[Column]) -> ParseResult:
    """Parse the first sheet of ``upload`` against ``columns`` (matched by header).

    The rows stream from the file (``core.sheetreader``); a sheet larger than
    ``MAX_ROWS`` is refused from its size before any row is read.
    """
    source = io.BytesIO(upload) if isinstance(upload, bytes) else upload
    if hasattr(source, "seek"):
        source.seek(0)
    try:
        sheet = Sheet(source)
    except SheetError as error:
        raise ImportFileError(
            _("The file is not an Excel workbook (.xlsx). Use the template.")
        ) from error
    too_many = _("The file has more than %(max)d rows; split it.") % {"max": MAX_ROWS}
    if sheet.max_row > MAX_ROWS + 1 or sheet.xml_bytes > MAX_SHEET_BYTES:
        sheet.close()
        raise ImportFileError(too_many)
    try:
        return _parse(sheet.rows(), columns, too_many)
    except (SheetError, IndexError, ValueError) as error:
        raise ImportFileError(
            _("The file is not an Excel workbook (.xlsx). Use the template.")
        ) from error
    finally:
        sheet.close()


def _parse(rows, columns: Sequence[Column], too_many: str) -> ParseResult:
    header = next(rows, None)
    if header is None:
        raise ImportFileError(_("The file is empty."))
    names = [str(cell).strip() if cell is not None else "" for cell in header[1]]
    positions: dict[str, int] = {}
    missing = []
    for column in columns:
        if column.header in names:
            positions[column.key] = names.index(column.header)
        elif column.required:
            missing.append(column.header)
    if missing:
        raise ImportFileError(
            _("Missing columns: %(columns)s. Use the template.")
            % {"columns": ", ".join(f"“{name}”" for name in missing)}
        )

    result = ParseResult()
    read = 0
    for number, cells in rows:
        read += 1
        if read > MAX_ROWS:  # a sheet that did not say its size, or said it wrong
            raise ImportFileError(too_many)
        if all(_is_blank(cell) for cell in cells):
            continue
        values: dict[str, Any] = {}
        for column in columns:
            position = positions.get(column.key)
            raw = cells[position] if position is not None and position < len(cells) else None
            if _is_blank(raw):
                if column.required:
                    result.add_error(number, column, _("is empty"))
                values[column.key] = None
                continue
            try:
                values[column.key] = column.parse(raw)
            except CellError as error:
                result.add_error(number, column, str(error))
        result.rows.append(ParsedRow(number, values))
    if not result.rows:
        raise ImportFileError(_("The file has no data rows."))
    return result


# Parsers used by several imports.


def parse_text(value: Any) -> str:
    return " ".join(str(value).split())


def parse_code(value: Any) -> str:
    """A unit code: Excel may turn "00097" into the number 97."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CellError(_("“%(value)s” is not a date (dd/mm/yyyy)") % {"value": text})


# "1.234" and "1,234" are thousands, as Vietnamese write a count; "1,5" is not whole.
THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")


def whole_number(value: Any) -> int:
    """The one rule for a whole number in a cell, whatever the column."""
    if isinstance(value, bool):
        raise CellError(_("“%(value)s” is not a number") % {"value": value})
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().replace(" ", "")
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
    """A number of people or households: a whole number, 0 or more."""
    number = whole_number(value)
    if number < 0:
        raise CellError(_("must be a whole number, 0 or more"))
    return number


def parse_positive_int(value: Any) -> int:
    """A whole number above 0 (minutes of a programme)."""
    number = whole_number(value)
    if number <= 0:
        raise CellError(_("must be a whole number above 0"))
    return number


def choice_parser(choices: Iterable[tuple[str, str]]) -> Callable[[Any], str]:
    """Accept a choice by its label (as in the template) or its stored value."""
    by_text = {}
    for value, label in choices:
        by_text[str(label).strip().lower()] = value
        by_text[str(value).lower()] = value
    labels = ", ".join(str(label) for _value, label in choices)

    def parse(raw: Any) -> str:
        key = str(raw).strip().lower()
        if key not in by_text:
            raise CellError(
                _("“%(value)s” is not one of: %(choices)s") % {"value": raw, "choices": labels}
            )
        return by_text[key]

    return parse


# Writing.

# What a spreadsheet would run as a formula at the start of a text cell (OWASP, CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SHEET_TITLE_LIMIT = 31  # Excel's limit
_SHEET_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def neutralise_formula(value: Any) -> Any:
    """Text a spreadsheet would evaluate, made inert with a leading apostrophe.

    Numbers, dates and other values pass unchanged, so they stay typed cells.
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def yes_no(value: bool) -> str:
    """A yes/no cell as an official writes it."""
    return str(_("Yes") if value else _("No"))


def csv_date(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def csv_datetime(value: datetime.datetime) -> str:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y %H:%M")


def sheet_title(name: str) -> str:
    """A sheet name Excel accepts: without []:*?/\\, at most 31 characters, cut at a word."""
    name = " ".join(str(name).translate(_SHEET_TITLE_FORBIDDEN).split())
    if len(name) <= SHEET_TITLE_LIMIT:
        return name
    cut = name[: SHEET_TITLE_LIMIT + 1].rsplit(" ", 1)[0]
    return (cut if cut and len(cut) <= SHEET_TITLE_LIMIT else name[:SHEET_TITLE_LIMIT]).rstrip(
        " ,;–-"
    )


def typed_cell(value: Any, share_decimals: int | None = None) -> tuple[Any, str | None]:
    """What a cell holds and its number format: numbers and dates stay typed, rounded
    to what the format shows (no 0.53799999 behind "53,8%", no -0); text is made inert.

    ``share_decimals``: the cell is in a share column (``core.figures.share_columns``):
    its 0–100 value is held as a fraction in a percent format."""
    if is_number(value):
        decimals = decimals_needed(value, 2) if share_decimals is None else share_decimals
        number = rounded(value, decimals)
        if share_decimals is not None:
            fraction = round(float(number) / 100, decimals + 2)
            return fraction, xlsx_format(fraction, share=True, decimals=decimals)
        shown = int(number) if decimals == 0 else float(number)
        return shown, xlsx_format(shown, decimals=decimals)
    if isinstance(value, datetime.datetime):
        return value, "dd/mm/yyyy hh:mm"
    if isinstance(value, datetime.date):
        return value, XLSX_DATE
    return neutralise_formula(value), None


def write_rows(sheet: Any, headers: Sequence[Any], rows: Sequence[Sequence[Any]]) -> None:
    """``rows`` appended under ``headers`` as typed cells (see ``typed_cell``)."""
    shares = share_columns(headers, rows)
    for row in rows:
        cells = [typed_cell(value, shares.get(i)) for i, value in enumerate(row)]
        sheet.append([shown for shown, _fmt in cells])
        for index, (_shown, fmt) in enumerate(cells, start=1):
            if fmt:
                sheet.cell(row=sheet.max_row, column=index).number_format = fmt


def workbook_response(
    *, filename: str, sheets: Sequence[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]
) -> HttpResponse:
    """An .xlsx download with one sheet per ``(title, headers, rows)``.

    Numbers and dates stay typed cells with a number format; a column headed
    "… (%)" holds shares of 0–100 and shows them as percentages."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDE5F0")
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(sheet_title(title))
        sheet.append([neutralise_formula(header) for header in headers])
        for cell in sheet[1]:
            cell.font, cell.fill = bold, fill
        write_rows(sheet, headers, list(rows))
        for index, header in enumerate(headers, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = max(12, len(str(header)) + 4)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def template_response(*, filename: str, columns: Sequence[Column]) -> HttpResponse:
    """The import template: the headers to fill in, and an example on a second sheet.

    The example is kept off the data sheet so that it is never imported by mistake.
    """
    headers = [c.header for c in columns]
    return workbook_response(
        filename=filename,
        sheets=[
            (_("Data"), headers, []),
            (_("Example"), headers, [[c.example for c in columns]]),
        ],
    )
