"""DHIS2 notation: periods read and written as the DHIS2 Web API documents them."""

import datetime

import pytest

from giamngheo.opendata.dhis2 import PeriodError, period_bounds, value_text, weekly, yearly

D = datetime.date


@pytest.mark.parametrize(
    ("period", "bounds"),
    [
        ("2026", (D(2026, 1, 1), D(2026, 12, 31))),
        ("2026W5", (D(2026, 1, 26), D(2026, 2, 1))),
        ("2026W05", (D(2026, 1, 26), D(2026, 2, 1))),
        ("2020W53", (D(2020, 12, 28), D(2021, 1, 3))),
        ("201401", (D(2014, 1, 1), D(2014, 1, 31))),
        ("202402", (D(2024, 2, 1), D(2024, 2, 29))),
        ("2026Q1", (D(2026, 1, 1), D(2026, 3, 31))),
        ("2026Q4", (D(2026, 10, 1), D(2026, 12, 31))),
        ("20260105", (D(2026, 1, 5), D(2026, 1, 5))),
    ],
)
def test_a_dhis2_period_gives_its_first_and_last_day(period, bounds):
    assert period_bounds(period) == bounds


@pytest.mark.parametrize("period", ["2026W54", "2021W53", "202613", "2026Q5", "2026-01", "", "x"])
def test_what_is_not_a_dhis2_period_is_refused_with_examples(period):
    with pytest.raises(PeriodError) as error:
        period_bounds(period)
    assert "2026W5" in str(error.value)


def test_weeks_are_written_as_dhis2_writes_them():
    assert weekly(D(2026, 1, 26)) == "2026W5"
    assert weekly(D(2024, 12, 30)) == "2025W1"  # ISO week 1 of 2025 starts in 2024
    assert yearly(2026) == "2026"


def test_values_are_strings_with_at_most_two_decimals():
    assert [value_text(v) for v in (85.5, 100.0, 33.3333, 0.0, -0.001, 12)] == [
        "85.5",
        "100",
        "33.33",
        "0",
        "0",
        "12",
    ]
