"""The dashboard's poverty panel: the scope's figures, its sub-units, the export, scoped."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from giamngheo.indicators.rules import Scope
from giamngheo.poverty.panels import dashboard_panel
from tests.conftest import unit

from .conftest import A_LUOI, A_NGO, PHU_DA, PHU_VANG
from .factories import PovertyStatisticFactory

URL = reverse("indicators_dashboard")


def figure(code, households, poor, near_poor=0, year=2023):
    return PovertyStatisticFactory(
        unit=unit(code),
        year=year,
        households=households,
        poor_households=poor,
        near_poor_households=near_poor,
    )


@pytest.fixture
def figures(hue_units, wagtail_tree):
    figure("46", 330000, 9900, 13200)  # 3%
    figure("46", 330000, 13200, 16500, year=2022)  # 4%
    figure(PHU_VANG, 50000, 1500, 2000)
    figure(A_LUOI, 12000, 1200, 900)
    figure(PHU_DA, 2000, 50, 80)
    figure(A_NGO, 600, 90, 40)


def test_province_staff_see_the_province_and_its_districts(client, province_staff, figures):
    client.force_login(province_staff)
    response = client.get(URL, {"year": 2023})
    panel = response.context["panels"].poverty
    assert panel["own"]["name"] == "Tỉnh Thừa Thiên Huế"
    assert panel["own"]["poor_rate"] == "3,00%"
    assert panel["own"]["poor_change"] == "−1,00"
    assert len(panel["children"]) == 9
    assert "Số liệu giảm nghèo" in response.text
    assert f"{reverse('poverty_statistics:list')}?year=2023&amp;unit=481" in response.text


def test_a_district_officer_sees_their_district_and_its_communes_only(
    client, district_officer, figures
):
    client.force_login(district_officer)
    response = client.get(URL, {"year": 2023, "unit": A_LUOI})  # asks for A Lưới: ignored
    panel = response.context["panels"].poverty
    assert panel["own"]["code"] == PHU_VANG
    codes = {row["code"] for row in panel["children"]}
    assert PHU_DA in codes
    assert A_NGO not in codes
    assert len(codes) == 14
    assert "Xã A Ngo" not in response.text
    assert "Huyện A Lưới" not in response.text


def test_the_export_holds_the_panels_figures_within_the_scope(client, district_officer, figures):
    client.force_login(district_officer)
    response = client.get(URL, {"year": 2023, "export": "poverty"})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    own, sub_units = book.worksheets
    assert [c.value for c in own[2]][:5] == [PHU_VANG, "Huyện Phú Vang", 50000, 1500, 0.03]
    # Numbers with a format: the rate a percentage with the page's two decimals (3,00%).
    assert [c.number_format for c in own[2]][2:5] == ["#,##0", "#,##0", "0.00%"]
    codes = [row[0].value for row in sub_units.iter_rows(min_row=2)]
    assert PHU_DA in codes
    assert A_NGO not in codes


def test_the_listing_and_its_export_keep_to_the_users_units(client, district_officer, figures):
    client.force_login(district_officer)
    listing = client.get(reverse("poverty_statistics:list"), {"year": 2023})
    assert "Thị trấn Phú Đa" in listing.text
    assert "Xã A Ngo" not in listing.text
    export = client.get(reverse("poverty_statistics:list"), {"export": "xlsx"})
    content = b"".join(export.streaming_content)
    rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    codes = {row[0] for row in rows[1:]}
    assert codes == {PHU_VANG, PHU_DA}


def test_a_figure_of_another_unit_answers_404(client, commune_officer, figures):
    from giamngheo.poverty.models import PovertyStatistic

    client.force_login(commune_officer)
    other = PovertyStatistic.objects.get(unit_code=A_NGO)
    for name in ["edit", "inspect", "delete"]:
        url = reverse(f"poverty_statistics:{name}", args=[other.pk])
        assert client.get(url).status_code == 404


def test_a_leader_reads_but_cannot_add(client, leader, figures):
    client.force_login(leader)
    assert client.get(reverse("poverty_statistics:list")).status_code == 200
    assert client.get(reverse("poverty_statistics:add")).status_code in (302, 403)
    assert client.get(reverse("poverty_statistics:import")).status_code in (302, 403)


def test_the_panel_takes_a_bounded_number_of_queries(django_assert_max_num_queries, figures):
    with django_assert_max_num_queries(3):
        dashboard_panel(year=2023, scope=Scope("46"))


def test_the_dashboard_with_the_panel_stays_within_its_bound(
    client, province_staff, figures, django_assert_max_num_queries
):
    client.force_login(province_staff)
    client.get(URL, {"year": 2023})  # warm the indicator cache, as the dashboard test does
    with django_assert_max_num_queries(80):
        assert client.get(URL, {"year": 2023}).status_code == 200
