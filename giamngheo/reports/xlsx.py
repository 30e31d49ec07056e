"""The report as a workbook: one formatted sheet per section.

The first sheet opens with the administrative header (issuing body, national
title and motto, number, place and date, title).  Numbers stay numbers with a
number format (thousands, one decimal for shares), dates are dd/mm/yyyy.
"""

from __future__ import annotations

import datetime
import io
import re

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .document import MOTTO, NATIONAL_TITLE, ReportDocument
from .sections import Section, Table, plain

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
INTEGER = "#,##0"
DECIMAL = "#,##0.0"
DATE = "dd/mm/yyyy"
PERCENT = "0.0%"
# Excel refuses these in sheet names.
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(number: int, section: Section, taken: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub(" ", f"{number}. {section.title}")[:31].strip()
    name, n = base, 2
    while name.lower() in taken:
        name = f"{base[:28]} ({n})"
        n += 1
    taken.add(name.lower())
    return name


def _number_format(value) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return INTEGER
    if isinstance(value, float):
        return INTEGER if value.is_integer() else DECIMAL
    if isinstance(value, datetime.date):
        return DATE
    return None


def _write_header(sheet: Worksheet, document: ReportDocument, width: int) -> int:
    """The Decree 30 header across ``width`` columns; returns the next free row."""
    half = max(1, width // 2)
    lines = [
        ((document.superior_body, Font(size=11)), (NATIONAL_TITLE, BOLD)),
        ((document.issuing_body, BOLD), (MOTTO, Font(bold=True, underline="single"))),
        ((f"Số: {document.number}", Font(size=11)), (document.place_and_date, Font(italic=True))),
    ]
    for row, (left, right) in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=left[0]).font = left[1]
        sheet.cell(row=row, column=half + 1, value=right[0]).font = right[1]
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=half)
        sheet.merge_cells(
            start_row=row, start_column=half + 1, end_row=row, end_column=max(width, half + 1)
        )
        for column in (1, half + 1):
            sheet.cell(row=row, column=column).alignment = CENTRE
    for row, (text, font) in enumerate(
        [(document.title, TITLE), (document.subtitle, BOLD)], start=5
    ):
        cell = sheet.cell(row=row, column=1, value=text)
        cell.font, cell.alignment = font, CENTRE
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=max(width, 2))
    return 8


def _write_table(sheet: Worksheet, table: Table, row: int, widths: dict[int, float]) -> int:
    sheet.cell(row=row, column=1, value=table.title).font = BOLD
    row += 1
    for column, header in enumerate(table.headers, start=1):
        cell = sheet.cell(row=row, column=column, value=header)
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BOX, CENTRE
        widths[column] = max(widths.get(column, 0), min(40, len(str(header)) * 0.9 + 2))
    row += 1
    if not table.rows and table.empty_text:
        sheet.cell(row=row, column=1, value=table.empty_text).font = Font(italic=True)
        row += 1
    # A column headed "… (%)" holds shares as 0–100: Excel shows them as percentages.
    percent = {i for i, header in enumerate(table.headers, start=1) if str(header).endswith("(%)")}
    lines = [(values, False) for values in table.rows]
    if table.totals is not None:
        lines.append((table.totals, True))
    for values, is_total in lines:
        for column, value in enumerate(map(plain, values), start=1):
            is_share = column in percent and isinstance(value, int | float)
            cell = sheet.cell(row=row, column=column, value=value / 100 if is_share else value)
            cell.border, cell.alignment = BOX, WRAP
            if is_share:
                cell.number_format = PERCENT
            elif fmt := _number_format(value):
                cell.number_format = fmt
            if is_total:
                cell.font, cell.fill = BOLD, TOTAL_FILL
            shown = len(f"{value:,}") if isinstance(value, int | float) else len(str(value or ""))
            widths[column] = max(widths.get(column, 0), min(50, shown + 2))
        row += 1
    return row + 1


def write_workbook(*, document: ReportDocument, sections: list[Section]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for number, section in enumerate(sections, start=1):
        sheet = workbook.create_sheet(sheet_name(number, section, taken))
        width = max([len(t.headers) for t in section.tables] + [4])
        row = _write_header(sheet, document, width) if number == 1 else 1
        title = sheet.cell(row=row, column=1, value=f"{number}. {section.title}")
        title.font = Font(bold=True, size=12)
        row += 1
        for paragraph in section.paragraphs:
            cell = sheet.cell(row=row, column=1, value=paragraph)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            sheet.row_dimensions[row].height = 15 * (1 + len(paragraph) // 110)
            row += 1
        row += 1
        widths: dict[int, float] = {}
        first_table_row = row
        for table in section.tables:
            row = _write_table(sheet, table, row, widths)
        for column, value in widths.items():
            sheet.column_dimensions[get_column_letter(column)].width = max(12, value)
        # Keep the first table's headers in view while scrolling.
        if section.tables:
            sheet.freeze_panes = sheet.cell(row=first_table_row + 2, column=1)
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    if not sections:
        sheet = workbook.create_sheet(_("Report"))
        _write_header(sheet, document, 4)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
