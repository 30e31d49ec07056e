"""An indicator's status against its target: met, on track, behind."""

import datetime
from decimal import Decimal

import pytest

from giamngheo.indicators.models import Indicator, ProgrammePeriod, Target
from giamngheo.indicators.selectors import status_of, target_for


@pytest.fixture
def period(db):
    return ProgrammePeriod.objects.get(name="2021–2025")


def target(code, period):
    return Target.objects.get(indicator__code=code, period=period, year=None)


def test_the_seed_targets_are_data(period):
    targets = {t.indicator.rule: (t.value, t.parameters) for t in period.targets.all()}
    assert targets == {
        Indicator.Rule.PLAN_COVERAGE: (Decimal("100.00"), {}),
        Indicator.Rule.RADIO_COMPLIANCE: (Decimal("80.00"), {"min_per_week": 1}),
        Indicator.Rule.TRAINING_TURNS: (Decimal("100.00"), {}),
    }


def test_a_past_year_is_met_or_not_met_never_behind(period):
    radio = target("phat-thanh-xa", period)
    today = datetime.date(2026, 3, 1)
    assert status_of(85.0, radio, 2024, today=today) == "met"
    assert status_of(79.9, radio, 2024, today=today) == "not_met"
    assert status_of(None, radio, 2024, today=today) == "no_data"


def test_a_running_year_can_be_on_track(period):
    turns = target("tap-huan-can-bo", period)
    mid_year = datetime.date(2025, 7, 2)
    assert (
        status_of(55.0, turns, 2025, today=mid_year) == "on_track"
    )  # half the year, half the turns
    assert status_of(30.0, turns, 2025, today=mid_year) == "behind"
    radio = target("phat-thanh-xa", period)
    assert status_of(75.0, radio, 2025, today=mid_year) == "on_track"  # within 90% of 80%
    assert status_of(70.0, radio, 2025, today=mid_year) == "behind"


def test_a_year_of_its_own_overrides_the_period_target(period):
    indicator = Indicator.objects.get(code="tap-huan-can-bo")
    Target.objects.create(indicator=indicator, period=period, year=2023, value=150)
    assert target_for(indicator, period, 2023).value == 150
    assert target_for(indicator, period, 2024).value == 100


def test_a_new_period_with_its_own_numbers_can_be_added(period):
    later = ProgrammePeriod.objects.create(
        name="2031–2035", start=datetime.date(2031, 1, 1), end=datetime.date(2035, 12, 31)
    )
    indicator = Indicator.objects.get(code="tap-huan-can-bo")
    Target.objects.create(indicator=indicator, period=later, value=200)
    assert target_for(indicator, later, 2032).value == 200
    assert target_for(indicator, period, 2024).value == 100
