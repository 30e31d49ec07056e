"""What anyone reads without a key: the map, the programme's figures, the registers."""

import datetime

import pytest
from django.utils import timezone

from giamngheo.indicators import selectors as kpi
from giamngheo.indicators.models import ProgrammePeriod
from tests.activities.factories import ActivityFactory
from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import ON_2021_MAP, unit
from tests.poverty.factories import PovertyStatisticFactory

from .conftest import PHU_VANG, THUAN_AN

pytestmark = pytest.mark.django_db


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code in (200, 304), response.content[:400]
    return response


def test_units_of_a_day_follow_the_map_then_in_force(client, hue_units):
    old = get(client, "/api/v1/units?on=2023-06-30&level=district&limit=1000").json()
    new = get(client, "/api/v1/units?level=district&limit=1000").json()
    assert len(old["items"]) == 9 and new["items"] == []
    communes = get(client, "/api/v1/units?level=commune&limit=1000").json()["items"]
    assert {"code": THUAN_AN, "name": "Phường Thuận An"}.items() <= next(
        u for u in communes if u["code"] == THUAN_AN
    ).items()


def test_a_unit_lists_the_units_it_came_from(client, hue_units):
    history = get(client, f"/api/v1/units/{THUAN_AN}").json()
    latest = history["versions"][-1]
    assert latest["valid_to"] is None
    assert any(p["on"] == "2025-07-01" for p in latest["predecessors"])


def test_pages_follow_the_cursor_without_repeating_or_skipping(client, hue_units):
    seen, url = [], "/api/v1/units?level=commune&limit=7"
    while url:
        body = get(client, url).json()
        seen += [u["code"] for u in body["items"]]
        url = body["next_cursor"] and (
            f"/api/v1/units?level=commune&limit=7&cursor={body['next_cursor']}"
        )
    everything = get(client, "/api/v1/units?level=commune&limit=1000").json()["items"]
    assert seen == [u["code"] for u in everything] and len(seen) == 40


def test_indicator_values_are_the_dashboards(client, hue_units):
    period = ProgrammePeriod.objects.get(name__startswith="2021")
    body = get(client, f"/api/v1/indicator-values?period={period.pk}&year=2023").json()
    scope = kpi.scope_for_unit(None)
    expected = {
        v.indicator.code: v.value
        for i in kpi.indicators_with_targets(period)
        if (v := kpi.indicator_value(i, period=period, year=2023, scope=scope))
    }
    assert {v["indicator"]: v["value"] for v in body["items"]} == expected
    indicators = get(client, f"/api/v1/indicators?period={period.pk}").json()["items"]
    assert {i["code"] for i in indicators} == set(expected)


def test_radio_compliance_counts_a_logged_week(client, hue_units):
    commune = unit(PHU_VANG, ON_2021_MAP)
    period = ProgrammePeriod.objects.get(name__startswith="2021")
    BroadcastFactory(commune=commune, on=datetime.date(2023, 6, 12))
    url = f"/api/v1/radio-compliance?period={period.pk}&year=2023&unit={PHU_VANG}"
    weeks = {w["week_start"]: w for w in get(client, url).json()["weeks"]}
    assert weeks["2023-06-12"]["compliant"] == 1 and weeks["2023-06-19"]["compliant"] == 0


def test_only_approved_poverty_figures_are_published(client, hue_units):
    PovertyStatisticFactory(year=2023)
    PovertyStatisticFactory(year=2022, live=False)
    rows = get(client, "/api/v1/poverty").json()["items"]
    assert [(r["year"], r["unit"], r["poor_households"]) for r in rows] == [(2023, PHU_VANG, 40)]


def test_the_activity_register_shows_public_fields_filtered_by_unit_and_date(client, hue_units):
    ActivityFactory(unit=unit(PHU_VANG), title="Tọa đàm", cost=5_000_000, notes="nội bộ")
    ActivityFactory(unit=unit("19753"), start_date=datetime.date(2022, 1, 5))
    url = f"/api/v1/activities?unit={PHU_VANG}&since=2023-01-01&until=2023-12-31"
    (item,) = get(client, url).json()["items"]
    assert item["title"] == "Tọa đàm" and item["unit"] == PHU_VANG
    assert "cost" not in item and "notes" not in item


def test_a_period_keeps_the_records_of_its_years(client, hue_units):
    ActivityFactory(unit=unit(PHU_VANG), start_date=datetime.date(2023, 5, 10))
    ActivityFactory(unit=unit(PHU_VANG), start_date=datetime.date(2019, 5, 10))
    period = ProgrammePeriod.objects.get(name__startswith="2021")
    items = get(client, f"/api/v1/activities?period={period.pk}").json()["items"]
    assert [i["start_date"] for i in items] == ["2023-05-10"]


def test_a_district_code_brings_its_communes_records(client, hue_units):
    ActivityFactory(unit=unit(PHU_VANG))
    assert len(get(client, "/api/v1/activities?unit=478").json()["items"]) == 1
    assert get(client, "/api/v1/activities?unit=474").json()["items"] == []


def test_an_unchanged_list_answers_304(client, hue_units):
    ActivityFactory(unit=unit(PHU_VANG))
    first = get(client, "/api/v1/activities")
    assert first["ETag"] and first["Last-Modified"]
    again = get(client, "/api/v1/activities", **{"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    since = get(client, "/api/v1/activities", **{"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304
    ActivityFactory(unit=unit(PHU_VANG), title="Mới")
    changed = get(client, "/api/v1/activities", **{"If-None-Match": first["ETag"]})
    assert changed.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/units?limit=200",
        f"/api/v1/units/{THUAN_AN}",
        "/api/v1/periods",
        "/api/v1/indicators",
        "/api/v1/poverty",
        "/api/v1/activities",
        "/api/v1/answers",
    ],
)
def test_a_list_costs_the_same_few_queries_however_long(
    client, hue_units, url, django_assert_max_num_queries
):
    for number in range(30):
        ActivityFactory(unit=unit(PHU_VANG), title=f"Hoạt động {number}")
        PovertyStatisticFactory(year=1990 + number)
    with django_assert_max_num_queries(6):
        get(client, url)


def test_the_radio_figures_cost_a_bounded_number_of_queries(
    client, hue_units, django_assert_max_num_queries
):
    year = timezone.localdate().year
    with django_assert_max_num_queries(12):
        get(client, f"/api/v1/radio-compliance?year={year}")
