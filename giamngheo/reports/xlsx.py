"""The report as a workbook: one formatted sheet per section.

Every sheet opens with the administrative header (issuing body, national title
and underlined motto, number, place and date, title), in Times New Roman as the
PDF's Times-metric font, so a sheet printed alone is still a document.  Numbers
stay numbers with a number format (``core.xlsx.typed_cell``: thousands, one
decimal for shares), rounded to the precision shown; dates are dd/mm/yyyy.  Text goes through
``core.xlsx.neutralise_formula``; sheet names through ``core.xlsx.sheet_title``.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from giamngheo.core.figures import share_columns
from giamngheo.core.xlsx import neutralise_formula, sheet_title, typed_cell

from .document import MOTTO, NATIONAL_TITLE, ReportDocument
from .sections import Section, Table, plain

SERIF = "Times New Roman"
PLAIN = Font(name=SERIF, size=12)
BOLD = Font(name=SERIF, size=12, bold=True)
ITALIC = Font(name=SERIF, size=12, italic=True)
TITLE = Font(name=SERIF, bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def sheet_name(number: int, section: Section, taken: set[str]) -> str:
    base = sheet_title(f"{number}. {section.title}")
    name, n = base, 2
    while name.lower() in taken:
        name = f"{sheet_title(base[:26])} ({n})"
        n += 1
    taken.add(name.lower())
    return name


def _write_header(sheet: Worksheet, document: ReportDocument, width: int) -> int:
    """The Decree 30 header across ``width`` columns; returns the next free row."""
    half = max(1, width // 2)
    body = "\n".join(document.issuing_body_lines)
    lines = [
        ((document.superior_body, PLAIN), (NATIONAL_TITLE, BOLD)),
        ((body, BOLD), (MOTTO, Font(name=SERIF, size=13, bold=True, underline="single"))),
        ((document.number_line, Font(name=SERIF, size=13)), (document.place_and_date, ITALIC)),
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
    # The body's name may take two lines.
    sheet.row_dimensions[2].height = 16 * max(1, len(document.issuing_body_lines))
    for row, (text, font) in enumerate(
        [(document.title, TITLE), (document.subtitle, Font(name=SERIF, size=13, bold=True))],
        start=5,
    ):
        cell = sheet.cell(row=row, column=1, value=text)
        cell.font, cell.alignment = font, CENTRE
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=max(width, 2))
    sheet.row_dimensions[6].height = 34
    return 8


def _write_table(sheet: Worksheet, table: Table, row: int, widths: dict[int, float]) -> int:
    sheet.cell(row=row, column=1, value=neutralise_formula(table.title)).font = Font(
        name=SERIF, size=12, bold=True, italic=True
    )
    row += 1
    for column, header in enumerate(table.headers, start=1):
        cell = sheet.cell(row=row, column=column, value=neutralise_formula(header))
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BOX, CENTRE
        widths[column] = max(widths.get(column, 0), min(40, len(str(header)) * 0.9 + 2))
    row += 1
    if not table.rows and table.empty_text:
        sheet.cell(row=row, column=1, value=neutralise_formula(table.empty_text)).font = ITALIC
        row += 1
    lines = [(values, False) for values in table.rows]
    if table.totals is not None:
        lines.append((table.totals, True))
    # One format a column (``core.xlsx``): a column headed "… (%)" holds shares as
    # 0–100, which Excel shows as percentages.
    shares = share_columns(table.headers, [[plain(v) for v in values] for values, _t in lines])
    for values, is_total in lines:
        for column, value in enumerate(map(plain, values), start=1):
            shown, fmt = typed_cell(value, shares.get(column - 1))
            cell = sheet.cell(row=row, column=column, value=shown)
            cell.border, cell.alignment = BOX, WRAP
            cell.font = BOLD if is_total else PLAIN
            if fmt:
                cell.number_format = fmt
            if is_total:
                cell.fill = TOTAL_FILL
            length = len(f"{value:,}") if isinstance(value, int | float) else len(str(value or ""))
            widths[column] = max(widths.get(column, 0), min(50, length + 2))
        row += 1
    return row + 1


def write_workbook(*, document: ReportDocument, sections: list[Section]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for number, section in enumerate(sections, start=1):
        sheet = workbook.create_sheet(sheet_name(number, section, taken))
        width = max([len(t.headers) for t in section.tables] + [4])
        row = _write_header(sheet, document, width)
        title = sheet.cell(
            row=row, column=1, value=neutralise_formula(f"{number}. {section.title}")
        )
        title.font = Font(name=SERIF, bold=True, size=13)
        row += 1
        for paragraph in section.paragraphs:
            cell = sheet.cell(row=row, column=1, value=neutralise_formula(paragraph))
            cell.font = Font(name=SERIF, size=13)
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
        sheet = workbook.create_sheet(sheet_title(_("Report")))
        _write_header(sheet, document, 4)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
