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
