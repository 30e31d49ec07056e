"""Money from model fields (Decimal) reads as a number in both files, like any count."""

from decimal import Decimal

from openpyxl import Workbook

from giamngheo.reports.pdf import cell
from giamngheo.reports.sections import Table
from giamngheo.reports.xlsx import _write_table


def test_a_decimal_cost_is_written_with_thousands_in_the_pdf():
    assert cell(Decimal("3000000"))["text"] == "3.000.000"
    assert cell(Decimal("2.5"))["text"] == "2,5"
    assert cell(Decimal("3000000"))["numeric"] is True


def test_a_decimal_cost_is_a_number_with_thousands_in_the_workbook():
    sheet = Workbook().active
    table = Table(title="Kinh phí", headers=["Đơn vị", "Kinh phí (đồng)"])
    table.rows = [["Xã Phú Đa", Decimal("3000000")]]
    _write_table(sheet, table, 1, {})
    values = [c for row in sheet.iter_rows() for c in row if c.value == 3000000]
    assert values and isinstance(values[0].value, int)
    assert values[0].number_format != "General"
