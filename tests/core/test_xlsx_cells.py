"""What a spreadsheet reader sees of our exported cells: formulas made inert, sheet names whole."""

import datetime

import pytest

from giamngheo.core.xlsx import neutralise_formula, sheet_title


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x","bấm")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_text_a_spreadsheet_would_run_gets_a_leading_apostrophe(text):
    assert neutralise_formula(text) == "'" + text


@pytest.mark.parametrize("value", ["Nguyễn Thị Lan", "", 12, -3.5, datetime.date(2026, 1, 5), None])
def test_other_values_pass_unchanged(value):
    assert neutralise_formula(value) == value


def test_a_long_sheet_name_is_cut_at_a_word():
    title = sheet_title("Kế hoạch và thực hiện theo loại hoạt động")
    assert title == "Kế hoạch và thực hiện theo loại"
    assert len(title) <= 31


def test_a_sheet_name_loses_the_characters_excel_refuses():
    assert sheet_title("Kế hoạch 2026/2030: [tỉnh]") == "Kế hoạch 2026 2030 tỉnh"


def test_exported_numbers_are_typed_cells_with_formats_and_shares_are_percentages(rf):
    import io

    from openpyxl import load_workbook

    from giamngheo.core.xlsx import workbook_response

    response = workbook_response(
        filename="x",
        sheets=[
            (
                "Số liệu",
                ["Xã", "Thời lượng (phút)", "Tỷ lệ (%)", "Điểm", "Ngày"],
                [
                    ["Phú Đa", 1234, 84.4, -0.004, datetime.date(2026, 3, 5)],
                    ["Phú Thuận", 15, 100, 2.5, None],
                ],
            )
        ],
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    minutes, share, points, day = (sheet.cell(row=2, column=c) for c in range(2, 6))
    assert (minutes.value, minutes.number_format) == (1234, "#,##0")
    assert (share.value, share.number_format) == (0.844, "0.0%")
    assert sheet.cell(row=3, column=3).value == 1.0  # 100% as a number, not "100%"
    assert points.value == 0 and points.number_format == "#,##0"  # no -0
    assert sheet.cell(row=3, column=4).number_format == "#,##0.0"
    assert (day.value.date(), day.number_format) == (datetime.date(2026, 3, 5), "dd/mm/yyyy")


@pytest.mark.parametrize(
    ("cell", "count"),
    [(12, 12), (12.0, 12), ("1.234", 1234), ("1,234", 1234), ("1 234", 1234), ("0", 0)],
)
def test_one_rule_reads_a_count_in_every_import(cell, count):
    """Activities' people, poverty's households and a radio programme's minutes: the
    thousands as Vietnamese write them, and "1,5" is no count anywhere."""
    from giamngheo.core.xlsx import parse_count, parse_positive_int

    assert parse_count(cell) == count
    if count:
        assert parse_positive_int(cell) == count


@pytest.mark.parametrize("cell", ["1,5", "1.5", "-3", "ba", True])
def test_what_is_not_a_count_is_refused_everywhere(cell):
    from giamngheo.core.xlsx import CellError, parse_count

    with pytest.raises(CellError):
        parse_count(cell)
