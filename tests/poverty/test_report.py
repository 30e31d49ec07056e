"""The poverty section of the annual report: sentences, the sub-units' table, the chart."""

import pytest

from giamngheo.indicators.rules import Scope
from giamngheo.poverty.report import section
from giamngheo.reports.sections import ReportPeriod
from tests.conftest import unit

from .conftest import A_LUOI, PHU_VANG
from .factories import PovertyStatisticFactory


def figure(code, year, households, poor, near_poor=0):
    PovertyStatisticFactory(
        unit=unit(code),
        year=year,
        households=households,
        poor_households=poor,
        near_poor_households=near_poor,
    )


@pytest.fixture
def figures(hue_units):
    figure("46", 2022, 300000, 12000, 15000)  # 4%
    figure("46", 2023, 300000, 9000, 12000)  # 3%, 4%
    figure(PHU_VANG, 2023, 50000, 1500, 2000)
    figure(A_LUOI, 2023, 12000, 1200, 900)


def test_the_section_says_the_rate_and_its_fall(figures):
    result = section(period=ReportPeriod(2023), scope=Scope("46"))
    assert result.key == "poverty"
    assert result.paragraphs[0] == (
        "Năm 2023, tỷ lệ hộ nghèo của Tỉnh Thừa Thiên Huế còn 3,00%, giảm 1,00 điểm phần trăm "
        "so với năm 2022; tỷ lệ hộ cận nghèo là 4,00%."
    )
    table = result.tables[0]
    assert len(table.rows) == 9
    rows = {row[0]: row for row in table.rows}
    assert rows["Huyện A Lưới"][1:4] == [12000, 1200, 10.0]
    assert table.totals[:4] == ["Tỉnh Thừa Thiên Huế", 300000, 9000, 3.0]
    assert result.chart.labels == ["Huyện A Lưới", "Huyện Phú Vang"]


def test_a_district_section_lists_its_communes_and_a_half_year_the_year_before(figures):
    result = section(period=ReportPeriod(2024, half=1), scope=Scope("46", unit(PHU_VANG)))
    assert "2023" in result.paragraphs[0]
    assert len(result.tables[0].rows) == 14


def test_the_demo_gives_consistent_falling_figures_for_every_year(hue_units):
    import random

    from giamngheo.poverty.demo import load_poverty
    from giamngheo.poverty.models import PovertyStatistic
    from giamngheo.poverty.selectors import poverty_overview

    load_poverty(random.Random(2021))
    rates = []
    for year in [2021, 2022, 2023, 2024, 2025]:
        overview = poverty_overview(year=year, scope=Scope("46"))
        assert not overview.own.is_sum
        assert len(overview.children_with_data) == 9
        assert overview.own.poor == sum(c.poor for c in overview.children)
        rates.append(overview.own.poor_rate)
    assert rates == sorted(rates, reverse=True)
    assert 3 <= rates[0] <= 6 and 1.5 <= rates[-1] <= 2.8
    phu_vang = poverty_overview(year=2023, scope=Scope("46", unit(PHU_VANG)))
    assert phu_vang.own.poor == sum(c.poor for c in phu_vang.children)
    assert len(phu_vang.children_with_data) == 14
    a_luoi = PovertyStatistic.objects.get(unit_code=A_LUOI, year=2023)
    assert a_luoi.poor_rate > 2 * phu_vang.own.poor_rate
    assert all("minh họa" in s for s in PovertyStatistic.objects.values_list("source", flat=True))
    assert PovertyStatistic.objects.filter(year=2021, unit__level="commune").count() == 141
