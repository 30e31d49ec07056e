"""The programme results page: indicators against targets per year and unit, for anyone."""

import csv
import datetime
import io
import json
import re

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.indicators.selectors import district_units
from giamngheo.plans.services import approve_plan, ensure_plan_workflow, submit_plan
from giamngheo.portal.results import ResultsPage
from giamngheo.portal.services import ensure_portal
from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import ON_2025_JAN_MAP, unit
from tests.plans.factories import CommunicationPlanFactory

pytestmark = pytest.mark.usefixtures("plan_workflow")

PHU_VANG, A_LUOI, CITY_OF_HUE = "478", "481", "474"


@pytest.fixture
def period(wagtail_tree):
    return ProgrammePeriod.objects.get(name="2021–2025")  # seeded by a data migration


@pytest.fixture
def plan_workflow(hue_units, province_staff):
    return ensure_plan_workflow()


@pytest.fixture
def results(hue_units, wagtail_tree, period):
    ensure_portal()
    cache.clear()  # indicator values cached by an earlier test of the same database
    return ResultsPage.objects.get()


def approved(plan, by):
    submit_plan(plan=plan, by=by)
    approve_plan(plan=plan, by=by)
    return plan


@pytest.fixture
def phu_vang_covered(province_staff, period):
    phu_vang = unit(PHU_VANG)
    approved(
        CommunicationPlanFactory(
            unit=phu_vang, period=period, year=None, title="KH Phú Vang 21-25"
        ),
        province_staff,
    )
    approved(
        CommunicationPlanFactory(unit=phu_vang, period=period, year=2023, title="KH Phú Vang 2023"),
        province_staff,
    )


def rows(response):
    return {row["indicator"].code: row for row in response.context["results"].rows}


def test_anyone_reads_each_indicator_against_its_target_for_the_province(
    client, results, phu_vang_covered
):
    for code in ["19942", "19903", "20068"]:
        BroadcastFactory(commune=unit(code), on=datetime.date(2023, 6, 5))
    response = client.get(results.url, {"year": "2023"})
    assert response.status_code == 200
    table = rows(response)
    assert list(table) == ["ke-hoach-truyen-thong", "phat-thanh-xa", "tap-huan-can-bo"]
    plans = table["ke-hoach-truyen-thong"]
    assert (plans["target"], plans["value"], plans["status"]) == ("100%", "11,1%", "not_met")
    assert table["phat-thanh-xa"]["target"] == "80%"
    assert table["tap-huan-can-bo"]["value"] == "0"
    html = response.text
    assert "Địa phương có kế hoạch truyền thông giai đoạn và hằng năm" in html
    assert "11,1%" in html
    assert "Tỉnh Thừa Thiên Huế" in html


def test_a_district_shows_its_own_figures(client, results, phu_vang_covered):
    response = client.get(results.url, {"year": "2023", "unit": PHU_VANG})
    assert response.context["results"].scope.unit.code == PHU_VANG
    plans = rows(response)["ke-hoach-truyen-thong"]
    assert (plans["value"], plans["status"]) == ("100%", "met")
    assert "Huyện Phú Vang" in response.text
    a_luoi = client.get(results.url, {"year": "2023", "unit": A_LUOI})
    assert rows(a_luoi)["ke-hoach-truyen-thong"]["value"] == "0%"


def test_the_trend_has_a_row_per_year_and_the_chart_the_same_numbers(
    client, results, phu_vang_covered
):
    response = client.get(results.url, {"year": "2023", "unit": PHU_VANG})
    trend = response.context["results"].trend_rows
    assert [row["year"] for row in trend] == [2021, 2022, 2023, 2024, 2025]
    plan_cells = [row["cells"][0] for row in trend]
    assert [cell["value"] for cell in plan_cells] == ["0%", "0%", "100%", "0%", "0%"]
    data = re.search(
        r'<script id="kpi-chart-data" type="application/json">(.*?)</script>', response.text
    )
    chart = json.loads(data.group(1))
    assert chart["ke-hoach-truyen-thong"]["years"] == [2021, 2022, 2023, 2024, 2025]
    assert chart["ke-hoach-truyen-thong"]["values"] == [0.0, 0.0, 100.0, 0.0, 0.0]
    assert chart["ke-hoach-truyen-thong"]["targets"] == [100.0] * 5
    assert '<canvas id="kpi-chart"' in response.text


def test_the_years_approved_plans_are_listed_and_no_others(
    client, results, phu_vang_covered, province_staff, district_officer, period
):
    a_luoi = unit(A_LUOI)
    submit_plan(
        plan=CommunicationPlanFactory(unit=a_luoi, period=period, year=2023, title="KH A Lưới chờ"),
        by=district_officer,
    )
    approved(
        CommunicationPlanFactory(unit=a_luoi, period=period, year=2022, title="KH A Lưới 2022"),
        province_staff,
    )
    html = client.get(results.url, {"year": "2023"}).text
    assert "KH Phú Vang 2023" in html and "KH Phú Vang 21-25" in html
    assert "KH A Lưới chờ" not in html and "KH A Lưới 2022" not in html
    district = client.get(results.url, {"year": "2023", "unit": A_LUOI}).text
    assert "KH Phú Vang" not in district


def test_the_unit_choice_is_the_map_in_force_that_year(client, results):
    for year, on in [(2023, datetime.date(2023, 6, 30)), (2025, ON_2025_JAN_MAP)]:
        response = client.get(results.url, {"year": str(year)})
        offered = {u.code for u in response.context["results"].units}
        in_force = set(district_units().in_force(on).values_list("code", flat=True))
        assert offered == in_force
    assert CITY_OF_HUE in {
        u.code for u in client.get(results.url, {"year": "2023"}).context["results"].units
    }


@pytest.mark.parametrize(
    ("year", "code", "name"),
    [
        ("2025", "483", "Huyện Nam Đông"),  # merged into Phú Lộc on 1 January 2025
        ("2023", "475", "Quận Phú Xuân"),  # created on 1 January 2025
        ("2023", "19942", "Xã Phú Vang"),  # a commune: the drill-down's level from 2026
    ],
)
def test_a_unit_of_the_province_outside_that_years_map_gives_the_province(
    client, results, year, code, name
):
    response = client.get(results.url, {"year": year, "unit": code})
    assert response.status_code == 200
    result = response.context["results"]
    assert result.scope.unit is None
    assert result.unit_not_in_year == name
    assert name in response.text


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "2019"},
        {"year": "2031"},
        {"year": "2023", "unit": "99999"},
        {"year": "2023", "unit": "001"},  # Ba Đình, Hà Nội: another province
        {"unit": "<script>"},
    ],
)
def test_bad_choices_are_not_found(client, results, params):
    assert client.get(results.url, params).status_code == 404
    assert client.get(f"{results.url}csv/", params).status_code == 404


def test_the_csv_holds_the_same_tables_and_opens_in_excel(client, results, phu_vang_covered):
    response = client.get(f"{results.url}csv/", {"year": "2023", "unit": PHU_VANG})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="ket-qua-2023-huyen-phu-vang.csv"'
    )
    assert response.content.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert (table[0][1], table[0][3]) == ("Huyện Phú Vang", "2023")
    year_rows = {row[0]: row for row in table[3:6]}
    name = "Địa phương có kế hoạch truyền thông giai đoạn và hằng năm"
    assert year_rows[name][1:4] == ["%", "100%", "100%"]
    trend = [row for row in table[7:] if row and row[1] == name]
    assert [(row[0], row[3]) for row in trend] == [
        ("2021", "0%"),
        ("2022", "0%"),
        ("2023", "100%"),
        ("2024", "0%"),
        ("2025", "0%"),
    ]
    province = client.get(f"{results.url}csv/", {"year": "2024"})
    assert "ket-qua-2024-tinh-thua-thien-hue.csv" in province["Content-Disposition"]


def test_the_figures_are_live_not_kept_by_the_page_cache(client, results):
    response = client.get(results.url)
    assert "max-age=0" in response["Cache-Control"]


def test_an_unpublished_or_private_results_page_is_gone(client, results):
    PageViewRestriction.objects.create(page=results, restriction_type="login")
    assert client.get(results.url).status_code == 302
    assert client.get(f"{results.url}csv/").status_code == 302
    PageViewRestriction.objects.all().delete()
    results.unpublish()
    assert client.get(results.url).status_code == 404
    assert client.get(f"{results.url}csv/").status_code == 404


@pytest.mark.parametrize("unit_code", ["", PHU_VANG])
def test_results_render_in_a_bounded_number_of_queries_cold_and_warm(
    client, results, phu_vang_covered, django_assert_max_num_queries, unit_code
):
    for code in ["19942", "19903", "20068"]:
        BroadcastFactory(commune=unit(code), on=datetime.date(2023, 6, 5))
    params = {"year": "2023", "unit": unit_code}
    cache.clear()
    # Cold: each indicator computed for each year of the period, a few queries each.
    with django_assert_max_num_queries(60) as cold:
        assert client.get(results.url, params).status_code == 200
    # Warm: the values come from the KPI engine's cache; the poverty figures take 2 more.
    with django_assert_max_num_queries(18) as warm:
        assert client.get(results.url, params).status_code == 200
    assert len(warm) < len(cold)
    print(len(cold), len(warm))
    with django_assert_max_num_queries(18):
        assert client.get(f"{results.url}csv/", params).status_code == 200


def test_an_indicator_name_like_a_formula_is_inert_in_the_csv(client, results):
    from giamngheo.indicators.models import Indicator

    Indicator.objects.filter(code="tap-huan-can-bo").update(name='=HYPERLINK("http://x","y")')
    response = client.get(results.url + "csv/", {"year": "2023"})
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = [row[1] if row and row[0].isdigit() else row[0] for row in table if row]
    assert '\'=HYPERLINK("http://x","y")' in names
    assert '=HYPERLINK("http://x","y")' not in names
