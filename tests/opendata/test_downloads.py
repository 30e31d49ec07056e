"""The downloads: CSV that Excel opens in Vietnamese with formulas made inert, JSON with
typed values, only published or approved records, and never a person's data."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giamngheo.indicators.models import Indicator, ProgrammePeriod
from giamngheo.indicators.rules import Scope
from giamngheo.indicators.selectors import indicator_value
from giamngheo.opendata.datasets import DATASETS
from tests.activities.factories import ActivityFactory
from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import unit
from tests.network.factories import CommunicatorFactory
from tests.portal.factories import ArticlePageFactory, EventPageFactory
from tests.poverty.factories import PovertyStatisticFactory

from .conftest import csv_rows, download, json_data

pytestmark = pytest.mark.usefixtures("fresh_cache")
PHU_DA, PHU_VANG = "19942", "478"


def test_csv_keeps_vietnamese_and_makes_formula_text_inert(client):
    ActivityFactory(unit=unit(PHU_DA), title='=HYPERLINK("http://x";"Bấm")')
    ActivityFactory(unit=unit(PHU_DA), title="Tọa đàm “Chung tay vì người nghèo”")
    rows = csv_rows(client, "hoat-dong-truyen-thong")
    titles = {row["title"] for row in rows}
    assert '\'=HYPERLINK("http://x";"Bấm")' in titles
    assert "Tọa đàm “Chung tay vì người nghèo”" in titles
    assert {row["unit_name"] for row in rows} == {"Thị trấn Phú Đa"}


def test_json_keeps_numbers_dates_and_empty_values_typed(client):
    ActivityFactory(unit=unit(PHU_DA), start_date=datetime.date(2023, 5, 10), participants=None)
    data = json_data(client, "hoat-dong-truyen-thong")
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert [field["name"] for field in data["fields"]][:3] == ["id", "kind_code", "kind"]
    (record,) = data["data"]
    assert record["start_date"] == "2023-05-10"
    assert record["audience_reached"] == 100
    assert record["participants"] is None
    assert record["unit_code"] == PHU_DA


def test_only_approved_poverty_figures_are_published(client):
    PovertyStatisticFactory(unit=unit(PHU_DA), year=2023, households=1000, poor_households=40)
    PovertyStatisticFactory(unit=unit("19903"), year=2023, live=False)  # never approved
    rows = csv_rows(client, "ho-ngheo")
    assert [(r["unit_code"], r["households"], r["poor_rate"]) for r in rows] == [
        (PHU_DA, "1000", "4.0")
    ]


def test_only_live_public_news_and_events_are_published_with_their_links(client):
    ArticlePageFactory(title="Tin đã đăng", date=datetime.date(2024, 5, 3))
    ArticlePageFactory(title="Bản nháp chưa đăng", live=False)
    EventPageFactory(title="Hội nghị đã đăng")
    news = csv_rows(client, "tin-tuc")
    assert [(row["title"], row["date"]) for row in news] == [("Tin đã đăng", "2024-05-03")]
    assert news[0]["url"].startswith("http://testserver/")
    assert client.get(news[0]["url"].removeprefix("http://testserver")).status_code == 200
    events = csv_rows(client, "su-kien")
    assert [row["title"] for row in events] == ["Hội nghị đã đăng"]
    assert events[0]["starts_at"].endswith("+07:00")


def test_no_data_set_carries_a_persons_name_phone_or_notes(client):
    communicator = CommunicatorFactory(full_name="Lê Thị Riêng Tư", unit=unit(PHU_DA))
    activity = ActivityFactory(unit=unit(PHU_DA), notes="Liên hệ chị Hoa 0905123456")
    activity.communicators.add(communicator)
    ArticlePageFactory(title="Tin có tác giả", author="Nguyễn Văn Tác Giả")
    for dataset in DATASETS:
        for kind in ("csv", "json"):
            _response, body = download(client, dataset.slug, kind)
            text = body.decode("utf-8-sig")
            for secret in ("Lê Thị Riêng Tư", "0905123456", "chị Hoa", "Nguyễn Văn Tác Giả"):
                assert secret not in text, (dataset.slug, kind, secret)


def test_indicator_values_are_the_kpi_engines_for_the_province_and_each_unit(client):
    BroadcastFactory(commune=unit(PHU_DA), on=datetime.date(2023, 6, 12))
    rows = csv_rows(client, "ket-qua-chi-tieu")
    period = ProgrammePeriod.objects.get(name="2021–2025")
    radio = Indicator.objects.get(rule=Indicator.Rule.RADIO_COMPLIANCE)
    expected = indicator_value(radio, period=period, year=2023, scope=Scope("46", unit(PHU_VANG)))
    (row,) = [
        r
        for r in rows
        if (r["year"], r["indicator_code"], r["unit_code"]) == ("2023", radio.code, PHU_VANG)
    ]
    assert float(row["value"]) == round(expected.value, 2) > 0
    assert row["target"] == "80.0" and row["status"] == expected.status
    units_2023 = {r["unit_code"] for r in rows if r["year"] == "2023"}
    assert units_2023 == {"46", "474", "476", "477", "478", "479", "480", "481", "482", "483"}
    units_2026 = {r["unit_code"] for r in rows if r["year"] == "2026"}
    assert len(units_2026) == 41  # the province and its 40 communes and wards


def test_radio_weeks_say_how_many_programmes_and_whether_the_week_reached_the_minimum(client):
    BroadcastFactory(commune=unit(PHU_DA), on=datetime.date(2023, 6, 12))
    BroadcastFactory(commune=unit(PHU_DA), on=datetime.date(2023, 6, 14))
    rows = csv_rows(client, "phat-thanh-xa")
    phu_da_2023 = {
        int(r["iso_week"]): r
        for r in rows
        if r["commune_code"] == PHU_DA and r["iso_year"] == "2023"
    }
    assert (phu_da_2023[24]["programmes"], phu_da_2023[24]["compliant"]) == ("2", "true")
    assert (phu_da_2023[25]["programmes"], phu_da_2023[25]["compliant"]) == ("0", "false")
    assert phu_da_2023[24]["week_start"] == "2023-06-12"


def test_units_today_name_the_former_units_each_took_over(client):
    rows = {row["code"]: row for row in csv_rows(client, "don-vi-hanh-chinh")}
    assert rows["46"]["level"] == "province"
    communes = [row for row in rows.values() if row["level"] == "commune"]
    assert len(communes) == 40
    assert all(row["parent_code"] == "46" for row in communes)
    assert any(row["former_codes"] for row in communes)
    successions = csv_rows(client, "ke-thua-don-vi")
    assert successions and all(row["date"] for row in successions)


def _queries(client, slug: str, kind: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        download(client, slug, kind)
    return len(queries)


@pytest.mark.parametrize("slug", ["hoat-dong-truyen-thong", "ho-ngheo", "tin-tuc"])
def test_a_large_set_streams_in_the_same_number_of_queries(client, slug):
    def add(count: int, start: int) -> None:
        for n in range(start, start + count):
            if slug == "hoat-dong-truyen-thong":
                ActivityFactory(unit=unit(PHU_DA))
            elif slug == "ho-ngheo":
                PovertyStatisticFactory(unit=unit(PHU_DA), year=2000 + n)
            else:
                ArticlePageFactory(title=f"Tin số {n}")

    add(2, 0)
    few = [_queries(client, slug, kind) for kind in ("csv", "json")]
    add(12, 2)
    many = [_queries(client, slug, kind) for kind in ("csv", "json")]
    # No more (Wagtail may have cached the site's root paths by then: fewer).
    assert all(m <= f for m, f in zip(many, few, strict=True)), (many, few)


def test_radio_weeks_read_a_fixed_number_of_queries_per_year(client):
    BroadcastFactory(commune=unit(PHU_DA), on=datetime.date(2023, 6, 12))
    few = _queries(client, "phat-thanh-xa", "csv")
    for day in range(1, 28):
        BroadcastFactory(commune=unit("19903"), on=datetime.date(2023, 2, day))
    assert _queries(client, "phat-thanh-xa", "csv") == few


def test_indicator_values_read_as_many_queries_whatever_the_number_of_records(client):
    from django.core.cache import cache

    BroadcastFactory(commune=unit(PHU_DA), on=datetime.date(2023, 6, 12))
    cache.clear()
    few = _queries(client, "ket-qua-chi-tieu", "csv")
    for day in range(1, 28):
        BroadcastFactory(commune=unit("19903"), on=datetime.date(2023, 2, day))
    cache.clear()
    assert _queries(client, "ket-qua-chi-tieu", "csv") == few
