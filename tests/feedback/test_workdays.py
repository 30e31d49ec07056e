"""Deadlines in working days skip weekends and Vietnamese public holidays."""

import datetime

from giamngheo.feedback.workdays import add_working_days, is_working_day, working_days_between


def test_weekends_are_not_working_days():
    assert is_working_day(datetime.date(2026, 11, 27))  # a Friday
    assert not is_working_day(datetime.date(2026, 11, 28))  # Saturday


def test_national_day_and_tet_are_skipped():
    assert not is_working_day(datetime.date(2026, 9, 2))
    assert not is_working_day(datetime.date(2026, 2, 17))  # Tết Bính Ngọ
    # Friday 13 February 2026 + 1 working day: Monday 16 is Tết eve, the office opens on 23.
    assert add_working_days(datetime.date(2026, 2, 13), 1) == datetime.date(2026, 2, 23)


def test_fifteen_working_days_from_a_monday_are_three_weeks_less_a_day():
    assert add_working_days(datetime.date(2026, 10, 5), 15) == datetime.date(2026, 10, 26)
    assert working_days_between(datetime.date(2026, 10, 5), datetime.date(2026, 10, 26)) == 15
