"""What the KPI engine reads: approved plans and each unit's plan status."""

import pytest

from giamngheo.plans.selectors import approved_plans, plan_status_by_unit
from giamngheo.plans.services import approve_plan, send_back_plan, submit_plan
from giamngheo.units.models import Unit
from tests.conftest import ON_2021_MAP, ON_2025_JAN_MAP, unit

from .conftest import A_LUOI, PHU_VANG
from .factories import CommunicationPlanFactory

pytestmark = pytest.mark.usefixtures("plan_workflow")


def districts(on):
    return Unit.objects.of_province("46").filter(level="district").in_force(on)


def approved(plan, by):
    submit_plan(plan=plan, by=by)
    approve_plan(plan=plan, by=by)
    return plan


def test_each_units_period_and_annual_plan_status(
    province_staff, district_officer, phu_vang, a_luoi, period
):
    approved(CommunicationPlanFactory(unit=phu_vang, period=period, year=None), province_staff)
    approved(CommunicationPlanFactory(unit=phu_vang, period=period, year=2023), province_staff)
    submitted = CommunicationPlanFactory(unit=a_luoi, period=period, year=None)
    submit_plan(plan=submitted, by=district_officer)
    sent_back = CommunicationPlanFactory(unit=a_luoi, period=period, year=2023)
    submit_plan(plan=sent_back, by=district_officer)
    send_back_plan(plan=sent_back, by=province_staff, comment="Bổ sung kinh phí.")
    # Another year's plan does not count for 2023.
    approved(CommunicationPlanFactory(unit=unit("479"), period=period, year=2022), province_staff)

    statuses = plan_status_by_unit(period=period, year=2023, units=districts(ON_2021_MAP))

    assert len(statuses) == 9
    assert statuses[PHU_VANG].unit == phu_vang
    assert (statuses[PHU_VANG].period_plan, statuses[PHU_VANG].annual_plan) == (
        "approved",
        "approved",
    )
    assert statuses[PHU_VANG].is_covered
    assert (statuses[A_LUOI].period_plan, statuses[A_LUOI].annual_plan) == ("submitted", "draft")
    assert not statuses[A_LUOI].is_covered
    assert (statuses["479"].period_plan, statuses["479"].annual_plan) == ("missing", "missing")


def test_a_plan_counts_for_later_versions_of_its_unit(province_staff, period):
    # Huyện Phong Điền (476) became Thị xã Phong Điền on 1 January 2025: same code, new row.
    huyen = unit("476", on=ON_2021_MAP)
    thi_xa = unit("476", on=ON_2025_JAN_MAP)
    assert huyen.pk != thi_xa.pk
    approved(CommunicationPlanFactory(unit=huyen, period=period, year=None), province_staff)
    approved(CommunicationPlanFactory(unit=thi_xa, period=period, year=2025), province_staff)

    statuses = plan_status_by_unit(period=period, year=2025, units=districts(ON_2025_JAN_MAP))

    assert statuses["476"].unit == thi_xa
    assert statuses["476"].is_covered


def test_the_best_status_wins_when_a_code_has_several_plans(
    province_staff, district_officer, period
):
    huyen = unit("476", on=ON_2021_MAP)
    thi_xa = unit("476", on=ON_2025_JAN_MAP)
    CommunicationPlanFactory(unit=thi_xa, period=period, year=None)
    approved(CommunicationPlanFactory(unit=huyen, period=period, year=None), province_staff)

    statuses = plan_status_by_unit(period=period, year=2025, units=districts(ON_2025_JAN_MAP))

    assert statuses["476"].period_plan == "approved"


def test_plan_status_runs_a_bounded_number_of_queries(
    province_staff, period, django_assert_max_num_queries
):
    for district in districts(ON_2021_MAP):
        approved(CommunicationPlanFactory(unit=district, period=period, year=None), province_staff)
        CommunicationPlanFactory(unit=district, period=period, year=2023)
    units = districts(ON_2021_MAP)
    with django_assert_max_num_queries(3):
        statuses = plan_status_by_unit(period=period, year=2023, units=units)
    assert {s.period_plan for s in statuses.values()} == {"approved"}
    assert {s.annual_plan for s in statuses.values()} == {"draft"}


def test_approved_plans_are_the_live_ones_of_the_period_or_year(province_staff, phu_vang, period):
    period_plan = approved(
        CommunicationPlanFactory(unit=phu_vang, period=period, year=None), province_staff
    )
    annual = approved(
        CommunicationPlanFactory(unit=phu_vang, period=period, year=2024), province_staff
    )
    CommunicationPlanFactory(unit=phu_vang, period=period, year=2023)  # a draft

    assert list(approved_plans(period=period, year=None)) == [period_plan]
    assert list(approved_plans(period=period, year=2024)) == [annual]
    assert not approved_plans(period=period, year=2023).exists()
