"""Numbers as an official writes them: one function for the pages, the PDF and the exports."""

import pytest
from django.template import Context, Template
from django.utils import translation

from giamngheo.core import figures

pytestmark = pytest.mark.usefixtures("vietnamese")


@pytest.fixture
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        (1234, None, "1.234"),
        (1234567, 0, "1.234.567"),
        (1234.56, None, "1.234,6"),
        (12.0, None, "12"),
        (12.04, None, "12"),
        (2.25, 1, "2,3"),  # half up, as people round
        (-0.04, 1, "0,0"),  # never "-0,0"
        (-0.04, None, "0"),
        (-1234.5, 1, "-1.234,5"),
        (None, None, "–"),
    ],
)
def test_numbers_have_their_thousands_separated_and_no_negative_zero(value, decimals, shown):
    assert figures.number(value, decimals) == shown


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        (84.44, None, "84,4%"),
        (80, None, "80%"),
        (79.98, None, "80%"),
        (-0.01, None, "0%"),
        (3.525, 2, "3,53%"),
        (3.5, 2, "3,50%"),
        (None, None, "–"),
    ],
)
def test_one_percent_style(value, decimals, shown):
    assert figures.percent(value, decimals) == shown


def test_a_change_in_points_carries_its_sign_and_none_at_zero():
    assert [figures.points(v) for v in (0.251, -0.52, -0.001)] == ["+0,25", "−0,52", "0,00"]


def test_english_uses_its_own_separators():
    with translation.override("en"):
        assert figures.number(1234.5, 1) == "1,234.5"


def test_the_template_filters_write_the_same():
    html = Template(
        "{% load figures %}{{ a|number }} {{ b|number:1 }} {{ c|percent }} {{ d|percent:2 }} "
        "{{ e|number }} {{ f|percent }}"
    ).render(Context({"a": 12345, "b": -0.01, "c": 84.44, "d": 3.5, "e": None, "f": 100}))
    assert html == "12.345 0,0 84,4% 3,50% – 100%"


@pytest.mark.parametrize(
    ("value", "share", "fmt"),
    [(3, False, "#,##0"), (2.5, False, "#,##0.0"), (0.844, True, "0.0%"), ("x", False, None)],
)
def test_an_xlsx_cell_gets_the_number_format_that_shows_it_so(value, share, fmt):
    assert figures.xlsx_format(value, share=share) == fmt


def test_a_share_column_keeps_the_decimals_its_values_were_rounded_to():
    headers = ["Đơn vị", "Tỷ lệ hộ nghèo (%)", "Đạt (%)", "Số hộ"]
    rows = [["A", 3.52, 75.0, 1200], ["B", 10.0, 71.4, 30]]
    assert figures.share_columns(headers, rows) == {1: 2, 2: 1}


def test_a_decimal_keeps_the_places_it_was_given():
    from decimal import Decimal

    assert figures.decimals_needed(Decimal("3.00"), 2) == 2
    assert figures.share_columns(["Tỷ lệ (%)"], [[Decimal("3.00")]]) == {0: 2}
