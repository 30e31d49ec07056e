"""The KPI dashboard: live figures, scoped by unit, traceable to records."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from giamngheo.broadcasts.selectors import iso_weeks
from tests.accounts.factories import UserFactory
from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import unit

URL = reverse("indicators_dashboard")
WEEK = datetime.date(2023, 6, 5)


def radio_card(response):
    panels = response.context["panels"]
    return next(c for c in panels.cards if c["indicator"].code == "phat-thanh-xa")


@pytest.fixture
def some_radio(hue_units):
    for code in ["19942", "19903", "20068"]:
        BroadcastFactory(commune=unit(code), on=WEEK)


def test_province_staff_see_every_indicator_against_its_target(client, province_staff, some_radio):
    client.force_login(province_staff)
    response = client.get(URL, {"year": 2023})
    assert response.status_code == 200
    codes = [c["indicator"].code for c in response.context["panels"].cards]
    assert codes == ["ke-hoach-truyen-thong", "phat-thanh-xa", "tap-huan-can-bo"]
    card = radio_card(response)
    assert card["target"] == "80%"
    assert card["status"] == "not_met"  # 2023 is over: không đạt, not "chậm"
    assert "Trang tổng quan chỉ tiêu" in response.text


def test_figures_are_live_after_a_new_record(client, province_staff, some_radio):
    client.force_login(province_staff)
    before = radio_card(client.get(URL, {"year": 2023}))["value"]
    for week in iso_weeks(2023)[:10]:
        BroadcastFactory(commune=unit("19912"), on=week)
    after = radio_card(client.get(URL, {"year": 2023}))["value"]
    assert after != before


def test_district_officer_sees_their_district_only(client, district_officer, some_radio):
    client.force_login(district_officer)
    response = client.get(URL, {"year": 2023, "unit": "481"})  # asks for A Lưới: ignored
    radio = response.context["panels"].radio
    names = {row["unit"].name for row in radio["rows"]}
    assert "Thị trấn Phú Đa" in names
    assert "Xã A Ngo" not in names
    assert len(names) == 14


def test_commune_officer_sees_their_commune(client, commune_officer, some_radio):
    client.force_login(commune_officer)
    response = client.get(URL, {"year": 2023})
    rows = response.context["panels"].radio["rows"]
    assert [row["unit"].code for row in rows] == ["19942"]


def test_leader_reads_the_dashboard(client, leader, some_radio):
    client.force_login(leader)
    assert client.get(URL, {"year": 2023}).status_code == 200


def test_editor_has_no_dashboard(client, hue_units):
    client.force_login(UserFactory(role="editor", unit=unit("46")))
    assert client.get(URL).status_code in (302, 403)


def test_heat_map_links_each_commune_to_its_programmes(client, province_staff, some_radio):
    client.force_login(province_staff)
    response = client.get(URL, {"year": 2023})
    row = next(r for r in response.context["panels"].radio["rows"] if r["unit"].code == "19942")
    listing = client.get(row["url"])
    assert listing.status_code == 200
    titles = [b.title for b in listing.context["object_list"]]
    assert titles and all(b.commune.code == "19942" for b in listing.context["object_list"])


def test_radio_export_matches_the_heat_map_and_respects_scope(client, district_officer, some_radio):
    client.force_login(district_officer)
    response = client.get(URL, {"year": 2023, "export": "radio"})
    book = load_workbook(io.BytesIO(response.content))
    codes = [row[0] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert "19942" in codes and "20068" not in codes
    assert len(codes) == 14


def test_dashboard_runs_a_bounded_number_of_queries(
    client, province_staff, some_radio, django_assert_max_num_queries
):
    for code in ["19912", "19915", "20071", "20074"]:
        for week in iso_weeks(2023)[:20]:
            BroadcastFactory(commune=unit(code), on=week)
    client.force_login(province_staff)
    with django_assert_max_num_queries(80):
        response = client.get(URL, {"year": 2023})
    assert response.status_code == 200


def test_plan_and_training_figures_link_to_their_records(client, province_staff, hue_units):
    client.force_login(province_staff)
    response = client.get(URL, {"year": 2023})
    panels = response.context["panels"]
    assert len(panels.plans) == 9  # the district-level units of 2023
    assert client.get(panels.plans[0]["url"]).status_code == 200
    assert client.get(panels.training["url"]).status_code == 200


def test_each_indicator_card_links_to_its_records(client, province_staff, some_radio):
    client.force_login(province_staff)
    cards = client.get(URL, {"year": 2023}).context["panels"].cards
    radio = next(c for c in cards if c["indicator"].code == "phat-thanh-xa")
    listing = client.get(radio["url"])
    assert {b.on.year for b in listing.context["object_list"]} == {2023}
    for card in cards:
        assert client.get(card["url"]).status_code == 200
