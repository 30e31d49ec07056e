"""Counts and costs by kind, group, channel and unit; the statistics view; the report section."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from giamngheo.activities import report, selectors
from giamngheo.indicators.rules import Scope
from giamngheo.reports.sections import ReportPeriod
from giamngheo.units.models import Unit

from .factories import ActivityFactory, kind

pytestmark = pytest.mark.django_db

YEAR = (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))


@pytest.fixture
def records(phu_vang, phu_da, a_luoi):
    from tests.conftest import unit

    ActivityFactory(
        unit=phu_da,
        kind=kind("hop-dan"),
        channel="in_person",
        participants=50,
        audience_reached=50,
        cost=1_000_000,
    )
    ActivityFactory(
        unit=unit("19903"),
        kind=kind("hop-dan"),
        channel="in_person",
        participants=30,
        audience_reached=30,
        cost=500_000,
    )
    ActivityFactory(unit=phu_vang, kind=kind("tin-bai"), channel="online", audience_reached=2000)
    ActivityFactory(
        unit=a_luoi,
        kind=kind("hoi-thao"),
        channel="in_person",
        participants=100,
        audience_reached=100,
        cost=20_000_000,
    )
    ActivityFactory(unit=a_luoi, kind=kind("tin-bai"), start_date=datetime.date(2024, 1, 2))


def test_totals_by_kind_and_group(records):
    units = Unit.objects.all()
    by_kind = {
        t.label: (t.count, t.participants, t.cost)
        for t in selectors.totals_by_kind(units=units, start=YEAR[0], end=YEAR[1])
    }
    assert by_kind == {
        "Tin bài": (1, 0, 0),
        "Họp dân": (2, 80, 1_500_000),
        "Hội thảo": (1, 100, 20_000_000),
    }
    groups = selectors.totals_by_group(units=units, start=YEAR[0], end=YEAR[1])
    assert [(g.key, g.count) for g in groups] == [("product", 1), ("event", 3)]


def test_totals_by_channel(records):
    rows = selectors.totals_by_channel(units=Unit.objects.all(), start=YEAR[0], end=YEAR[1])
    assert [(row.key, row.count, row.audience_reached) for row in rows] == [
        ("online", 1, 2000),
        ("in_person", 3, 180),
    ]


def test_communes_roll_up_into_their_district(records):
    rows = selectors.totals_by_district(units=Unit.objects.all(), start=YEAR[0], end=YEAR[1])
    assert {(row.key.code, row.count, row.cost) for row in rows} == {
        ("478", 3, 1_500_000),
        ("481", 1, 20_000_000),
    }


def test_a_scope_limits_the_figures(records, phu_vang):
    scope = Scope(province_code="46", unit=phu_vang)
    assert selectors.grand_total(units=scope, start=YEAR[0], end=YEAR[1]).count == 3


def test_the_report_section_has_the_totals_tables_and_chart(
    records, phu_vang, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        section = report.section(period=ReportPeriod(2023), scope=Scope(province_code="46"))
    assert section.key == "activities"
    kinds, channels, units, _by_kind, planned = section.tables
    assert channels.totals[1] == 4
    assert kinds.totals == ["Total", 4, 2180, 180, 21_500_000]
    assert {row[0] for row in units.rows} == {"Huyện Phú Vang", "Huyện A Lưới"}
    assert planned.rows == []
    assert section.chart.series["Activities"] == [1.0, 3.0]
    assert "4 communication activities" in section.paragraphs[0]
    district = report.section(
        period=ReportPeriod(2023), scope=Scope(province_code="46", unit=phu_vang)
    )
    assert district.tables[0].totals[1] == 3
    # A district's report lists its own units (the district and its communes).
    assert {row[0] for row in district.tables[2].rows} == {
        "Huyện Phú Vang",
        "Thị trấn Phú Đa",
        "Xã Phú Thuận",
    }


def test_the_statistics_view_and_export_stay_in_the_users_units(client, commune_officer, records):
    client.force_login(commune_officer)
    response = client.get(reverse("activities_statistics"), {"year": 2023})
    assert response.context["tables"][0].totals[1] == 1
    response = client.get(reverse("activities_statistics"), {"year": 2023, "export": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    values = [str(v) for sheet in book for row in sheet.values for v in row]
    assert "Huyện A Lưới" not in values and "Xã Phú Thuận" not in values
