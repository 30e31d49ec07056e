"""What one poverty figure must satisfy, with a Vietnamese message per field."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from giamngheo.poverty.models import PovertyStatistic
from tests.conftest import ON_CURRENT_MAP, unit

from .factories import PovertyStatisticFactory


def errors_of(**fields) -> dict[str, list[str]]:
    statistic = PovertyStatistic(
        **{
            "unit": unit("19942"),
            "year": 2023,
            "households": 1000,
            "poor_households": 40,
            "near_poor_households": 60,
            **fields,
        }
    )
    with pytest.raises(ValidationError) as error:
        statistic.full_clean()
    return error.value.message_dict


def test_a_good_figure_passes_and_computes_its_rates(hue_units):
    statistic = PovertyStatistic(
        unit=unit("19942"), year=2023, households=1200, poor_households=30, near_poor_households=48
    )
    statistic.full_clean()
    statistic.save()
    assert statistic.unit_code == "19942"
    assert statistic.poor_rate == pytest.approx(2.5)
    assert statistic.near_poor_rate == pytest.approx(4.0)
    assert statistic.poor_rate_rounded == 2.5


def test_poor_and_near_poor_together_cannot_outnumber_the_households(hue_units):
    errors = errors_of(households=100, poor_households=60, near_poor_households=50)
    assert "Hộ nghèo và hộ cận nghèo cộng lại (110)" in errors["near_poor_households"][0]


def test_poor_households_cannot_outnumber_the_households(hue_units):
    errors = errors_of(households=100, poor_households=120, near_poor_households=0)
    assert "poor_households" in errors


def test_counts_cannot_be_negative_and_households_not_zero(hue_units):
    assert "poor_households" in errors_of(poor_households=-1)
    assert "households" in errors_of(households=0, poor_households=0, near_poor_households=0)


def test_the_year_must_be_sensible(hue_units):
    assert "năm" in errors_of(year=1990)["year"][0].lower()
    assert "year" in errors_of(year=datetime.date.today().year + 1)


def test_the_unit_must_be_in_force_during_the_year(hue_units):
    # Phường Hương An ended on 31/12/2024 (merged); the first map began on 1/7/2021.
    errors = errors_of(unit=unit("20023"), year=2025)
    assert errors["unit"] == ["Phường Hương An không có hiệu lực trong năm 2025."]
    assert "unit" in errors_of(unit=unit("19942"), year=2020)
    assert "unit" not in errors_of(unit=unit("19942"), year=2021, households=0)
    current = unit("46", ON_CURRENT_MAP)
    assert "unit" in errors_of(unit=current, year=2022, households=300000)


def test_one_figure_per_unit_code_and_year_whatever_the_version(hue_units):
    PovertyStatisticFactory(unit=unit("46"), year=2023, households=300000)
    errors = errors_of(unit=unit("46"), year=2023, households=300000)
    assert "đã có số liệu" in errors["year"][0]
    # Another year is fine.
    PovertyStatisticFactory(unit=unit("46"), year=2022, households=300000).full_clean()
