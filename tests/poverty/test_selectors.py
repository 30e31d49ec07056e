"""A scope's figures for a year: its own row or the sum of its sub-units, and the change."""

import pytest

from giamngheo.indicators.rules import Scope
from giamngheo.poverty.selectors import poverty_overview, poverty_series
from tests.conftest import unit

from .conftest import PHU_DA, PHU_THUAN, PHU_VANG
from .factories import PovertyStatisticFactory


def figure(code, year, households, poor, near_poor=0):
    return PovertyStatisticFactory(
        unit=unit(code),
        year=year,
        households=households,
        poor_households=poor,
        near_poor_households=near_poor,
    )


@pytest.fixture
def phu_vang(hue_units):
    return Scope("46", unit(PHU_VANG))


def test_the_units_own_row_is_used_when_there_is_one(phu_vang):
    figure(PHU_VANG, 2023, 50000, 1500, 2000)
    figure(PHU_DA, 2023, 2000, 50, 80)
    overview = poverty_overview(year=2023, scope=phu_vang)
    assert overview.own.is_sum is False
    assert (overview.own.households, overview.own.poor) == (50000, 1500)
    assert overview.own.poor_rate == pytest.approx(3.0)
    assert overview.own.source.startswith("Quyết định")
    assert overview.child_level == "commune"
    assert len(overview.children) == 14  # the communes of Phú Vang
    assert [c.code for c in overview.children_with_data] == [PHU_DA]
    assert len(overview.children_missing) == 13


def test_without_a_row_of_its_own_the_unit_is_the_sum_of_its_sub_units(phu_vang):
    figure(PHU_DA, 2023, 2000, 50, 80)
    figure(PHU_THUAN, 2023, 3000, 100, 20)
    own = poverty_overview(year=2023, scope=phu_vang).own
    assert own.is_sum is True
    assert (own.households, own.poor, own.near_poor) == (5000, 150, 100)
    assert (own.summed, own.missing) == (2, 12)
    assert own.poor_rate == pytest.approx(3.0)


def test_the_change_from_the_year_before_is_in_percentage_points(phu_vang):
    figure(PHU_VANG, 2022, 50000, 2000, 2500)  # 4%, 5%
    figure(PHU_VANG, 2023, 50000, 1500, 2000)  # 3%, 4%
    figure(PHU_DA, 2022, 2000, 60)  # 3%
    figure(PHU_DA, 2023, 2000, 50)  # 2.5%
    figure(PHU_THUAN, 2023, 3000, 30)  # no 2022 figure
    overview = poverty_overview(year=2023, scope=phu_vang)
    assert overview.own.poor_change == pytest.approx(-1.0)
    assert overview.own.near_poor_change == pytest.approx(-1.0)
    children = {c.code: c for c in overview.children}
    assert children[PHU_DA].poor_change == pytest.approx(-0.5)
    assert children[PHU_THUAN].poor_change is None


def test_the_province_sums_its_districts_of_the_years_map(hue_units):
    figure(PHU_VANG, 2023, 50000, 1500)
    figure("481", 2023, 12000, 1200)  # A Lưới
    overview = poverty_overview(year=2023, scope=Scope("46"))
    assert overview.own.name == "Tỉnh Thừa Thiên Huế"
    assert len(overview.children) == 9
    assert (overview.own.households, overview.own.poor, overview.own.missing) == (62000, 2700, 7)
    # 2025: the nine district-level units of January's map; the province is Thành phố Huế.
    overview_2025 = poverty_overview(year=2025, scope=Scope("46"))
    assert overview_2025.own.name == "Thành phố Huế"
    assert "Quận Thuận Hóa" in {c.name for c in overview_2025.children}


def test_a_commune_scope_has_no_sub_units(hue_units):
    figure(PHU_DA, 2023, 2000, 50)
    overview = poverty_overview(year=2023, scope=Scope("46", unit(PHU_DA)))
    assert overview.children == []
    assert overview.own.poor == 50


def test_the_series_gives_each_year_of_the_unit(phu_vang):
    figure(PHU_VANG, 2021, 50000, 2500)
    figure(PHU_VANG, 2023, 50000, 1500)
    figure(PHU_DA, 2022, 2000, 60)  # 2022 summed from the communes
    series = poverty_series(scope=phu_vang, years=[2021, 2022, 2023])
    assert [f.year for f in series] == [2021, 2022, 2023]
    assert [f.poor for f in series] == [2500, 60, 1500]
    assert series[1].is_sum
    assert series[2].poor_change == pytest.approx(3.0 - 3.0)


def test_the_overview_takes_a_bounded_number_of_queries(django_assert_max_num_queries, hue_units):
    for code in [PHU_VANG, "481", "474"]:
        figure(code, 2022, 10000, 500)
        figure(code, 2023, 10000, 400)
    with django_assert_max_num_queries(3):
        overview = poverty_overview(year=2023, scope=Scope("46"))
        [c.poor_change for c in overview.children]
