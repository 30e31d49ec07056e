"""Radio, training and the annual report in 2026, on the map with no district."""

import datetime

import pytest
from django.core.cache import cache

from giamngheo.broadcasts.selectors import iso_weeks
from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.indicators.rules import Scope, radio_compliance, training_turns
from giamngheo.reports.models import GeneratedReport
from giamngheo.reports.services import request_report
from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import HUE, unit
from tests.training.factories import AttendanceFactory, CadreFactory, CourseFactory

TODAY = datetime.date(2026, 12, 3)
XA_PHU_VANG, XA_A_LUOI_2 = "19942", "20044"


@pytest.fixture
def period_2026(wagtail_tree, hue_units):
    cache.clear()
    return ProgrammePeriod.objects.get(name="2026–2030")


def target(period, code):
    return period.targets.select_related("period").get(indicator__code=code)


def test_2026_radio_counts_the_40_communes_of_each_week(period_2026):
    for week in iso_weeks(2026)[:20]:
        BroadcastFactory(commune=unit(XA_PHU_VANG, TODAY), on=week)
    province = radio_compliance(target(period_2026, "phat-thanh-xa"), 2026, Scope(HUE))
    counted = province.detail.counted_weeks
    assert counted and all(week.communes == 40 for week in counted)
    one = radio_compliance(
        target(period_2026, "phat-thanh-xa"), 2026, Scope(HUE, unit(XA_PHU_VANG, TODAY))
    )
    assert one.value > province.value > 0


def test_2026_training_counts_commune_and_province_cadres(period_2026):
    course = CourseFactory(
        organising_unit=unit(XA_A_LUOI_2, TODAY),
        level="commune",
        start_date=datetime.date(2026, 5, 12),
        end_date=datetime.date(2026, 5, 13),
    )
    for _ in range(3):
        AttendanceFactory(course=course, cadre=CadreFactory(unit=unit(XA_A_LUOI_2, TODAY)))
    result = training_turns(target(period_2026, "tap-huan-can-bo"), 2026, Scope(HUE))
    assert result.value == 3 and result.detail["commune"] == 3 and result.detail["district"] == 0
    mine = training_turns(
        target(period_2026, "tap-huan-can-bo"), 2026, Scope(HUE, unit(XA_A_LUOI_2, TODAY))
    )
    assert mine.value == 3


@pytest.mark.usefixtures("report_files")
@pytest.mark.parametrize("code", [HUE, XA_PHU_VANG])
def test_the_2026_annual_report_is_made_for_the_province_and_a_commune(
    province_staff, period_2026, code, monkeypatch
):
    from giamngheo.reports import builder

    monkeypatch.setattr(
        builder,
        "SECTION_BUILDERS",
        [
            "giamngheo.indicators.report.section",
            "giamngheo.plans.report.section",
            "giamngheo.training.report.section",
        ],
    )
    report = request_report(
        kind="annual", year=2026, unit=unit(code, TODAY), by=province_staff, signer_name="Lê Văn C"
    )
    assert report.status == GeneratedReport.Status.DONE, report.error
    assert report.xlsx.name and report.pdf.name
