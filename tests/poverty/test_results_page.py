"""The portal's results page shows the year's poverty figures, public aggregates only."""

import csv
import io

import pytest
from django.core.cache import cache

from giamngheo.portal.results import ResultsPage
from giamngheo.portal.services import ensure_portal
from tests.conftest import unit

from .conftest import A_LUOI, PHU_DA, PHU_VANG
from .factories import PovertyStatisticFactory


@pytest.fixture
def results(hue_units, wagtail_tree):
    ensure_portal()
    cache.clear()
    PovertyStatisticFactory(unit=unit("46"), year=2023, households=300000, poor_households=9000)
    PovertyStatisticFactory(unit=unit(PHU_VANG), year=2023, households=50000, poor_households=1500)
    PovertyStatisticFactory(unit=unit(PHU_DA), year=2023, households=2000, poor_households=50)
    PovertyStatisticFactory(unit=unit(A_LUOI), year=2023, households=12000, poor_households=1200)
    return ResultsPage.objects.get()


def test_the_page_shows_the_provinces_figures_and_its_districts(client, results):
    response = client.get(results.url, {"year": "2023"})
    assert response.status_code == 200
    html = response.text
    assert "Hộ nghèo, hộ cận nghèo năm 2023" in html
    assert "300.000" in html and "3,00%" in html
    assert "Huyện A Lưới" in html and "10,00%" in html
    assert "Quyết định số 123/QĐ-UBND" in html


def test_a_district_shows_its_communes_and_not_another_districts(client, results):
    response = client.get(results.url, {"year": "2023", "unit": PHU_VANG})
    poverty = response.context["results"].poverty
    assert {row["code"] for row in poverty["children"]} >= {PHU_DA}
    assert A_LUOI not in {row["code"] for row in poverty["children"]}
    html = response.text
    assert "Thị trấn Phú Đa" in html
    assert "2,50%" in html
    assert "10,00%" not in html  # A Lưới's rate
    assert "Xã A Ngo" not in html


def test_another_provinces_unit_is_not_found(client, results):
    assert client.get(results.url, {"year": "2023", "unit": "001"}).status_code == 404


def test_the_csv_holds_the_poverty_figures(client, results):
    response = client.get(f"{results.url}csv/", {"year": "2023", "unit": PHU_VANG})
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    rows = {row[0]: row for row in table if row}
    assert rows[PHU_VANG][1:4] == ["Huyện Phú Vang", "50000", "1500"]
    assert rows[PHU_DA][4] == "2.5"
    assert A_LUOI not in rows
