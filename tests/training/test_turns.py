"""Training turns per year, by the cadre's level: the figures the KPI engine reads."""

import datetime

import pytest

from giamngheo.training.selectors import training_turns, turns_by_unit
from giamngheo.units.models import Unit
from tests.conftest import unit

from .conftest import A_LUOI, A_NGO, PHU_DA, PHU_THUAN, PHU_VANG, PROVINCE
from .factories import AttendanceFactory, CadreFactory, CourseFactory


def train(course, *cadres, attended=True):
    for cadre in cadres:
        AttendanceFactory(course=course, cadre=cadre, attended=attended)


@pytest.fixture
def year_2023(hue_units):
    """2023: a province course, a Phú Vang course and an A Ngo course; one absentee."""
    province = CadreFactory(unit=unit(PROVINCE))
    phu_vang = CadreFactory(unit=unit(PHU_VANG))
    phu_da = [CadreFactory(unit=unit(PHU_DA)) for _ in range(3)]
    phu_thuan = CadreFactory(unit=unit(PHU_THUAN))
    a_ngo = [CadreFactory(unit=unit(A_NGO)) for _ in range(2)]

    big = CourseFactory(organising_unit=unit(PROVINCE), start_date=datetime.date(2023, 4, 3))
    train(big, province, phu_vang, *phu_da, a_ngo[0])
    district = CourseFactory(organising_unit=unit(PHU_VANG), start_date=datetime.date(2023, 9, 5))
    train(district, phu_vang, phu_da[0], phu_thuan)
    train(district, phu_da[1], attended=False)
    # Starts on New Year's Eve, ends in 2024: a 2023 course.
    commune = CourseFactory(
        organising_unit=unit(A_NGO),
        start_date=datetime.date(2023, 12, 31),
        end_date=datetime.date(2024, 1, 2),
    )
    train(commune, *a_ngo)
    # 2024 and 2022 courses stay out of 2023.
    train(
        CourseFactory(organising_unit=unit(PROVINCE), start_date=datetime.date(2024, 1, 1)),
        province,
    )
    train(
        CourseFactory(organising_unit=unit(A_LUOI), start_date=datetime.date(2022, 12, 31)), *a_ngo
    )


def test_turns_count_attended_places_by_the_cadres_level(year_2023):
    assert training_turns(year=2023) == {
        "province": 1,
        "district": 2,  # Phú Vang's cadre, at two courses
        "commune": 8,  # 4 + 2 + 2; the absentee does not count
        "total": 11,
    }


def test_a_year_without_courses_has_zero_at_every_level(hue_units):
    assert training_turns(year=2021) == {"province": 0, "district": 0, "commune": 0, "total": 0}


def test_turns_can_be_narrowed_to_a_district_and_its_communes(year_2023):
    phu_vang = Unit.objects.filter(code__in=[PHU_VANG, PHU_DA, PHU_THUAN])
    assert training_turns(year=2023, units=phu_vang) == {
        "province": 0,
        "district": 2,
        "commune": 5,
        "total": 7,
    }


def test_turns_by_unit_are_keyed_by_the_cadres_unit_code(year_2023):
    units = Unit.objects.of_province("46")
    assert turns_by_unit(year=2023, units=units) == {
        PROVINCE: 1,
        PHU_VANG: 2,
        PHU_DA: 4,
        PHU_THUAN: 1,
        A_NGO: 3,
    }
    assert turns_by_unit(year=2023, units=Unit.objects.filter(code=A_NGO)) == {A_NGO: 3}


def test_any_version_of_a_unit_selects_its_cadres(year_2023):
    # The unit row of the 2025 map with Phú Đa's code counts the cadres registered before.
    later = Unit.objects.filter(code=PHU_DA, valid_from=datetime.date(2025, 7, 1))
    assert turns_by_unit(year=2023, units=later) == {PHU_DA: 4}


def test_each_selector_runs_one_query(year_2023, django_assert_max_num_queries):
    units = Unit.objects.of_province("46")
    with django_assert_max_num_queries(1):
        training_turns(year=2023, units=units)
    with django_assert_max_num_queries(1):
        turns_by_unit(year=2023, units=units)
