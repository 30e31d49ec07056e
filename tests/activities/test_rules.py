"""The rules a single register entry must satisfy, with messages naming the field."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import ON_CURRENT_MAP, unit
from tests.plans.factories import CommunicationPlanFactory, PlannedActivityFactory

from .factories import ActivityFactory, kind

pytestmark = pytest.mark.django_db


def errors_of(activity) -> dict:
    with pytest.raises(ValidationError) as error:
        activity.full_clean()
    return error.value.message_dict


def test_a_well_formed_activity_is_valid(phu_da):
    ActivityFactory.build(unit=phu_da, kind=kind("hop-dan"), cost=1_500_000).full_clean()


def test_the_seeded_kinds_are_those_of_circular_06_in_vietnamese():
    from giamngheo.activities.models import ActivityKind

    names = set(ActivityKind.objects.values_list("name", flat=True))
    assert {"Tin bài", "Phóng sự", "Họp dân", "Đối thoại chính sách", "Cuộc thi", "Khác"} <= names
    assert ActivityKind.objects.count() == 22
    assert kind("doi-thoai-chinh-sach").plan_type == "dialogue"


def test_an_activity_cannot_end_before_it_starts(phu_da):
    activity = ActivityFactory.build(unit=phu_da, end_date=datetime.date(2023, 5, 1))
    assert "end_date" in errors_of(activity)


def test_a_cost_below_zero_is_refused(phu_da):
    assert "cost" in errors_of(ActivityFactory.build(unit=phu_da, cost=-1))


def test_the_unit_must_be_in_force_on_the_activitys_date(phu_da):
    activity = ActivityFactory.build(unit=phu_da, start_date=ON_CURRENT_MAP)
    assert "was not in force on 01/12/2025" in errors_of(activity)["unit"][0]


def test_a_commune_may_carry_out_its_districts_planned_activity(phu_vang, phu_da, period):
    plan = CommunicationPlanFactory(unit=phu_vang, period=period, year=2023)
    planned = PlannedActivityFactory(plan=plan)
    ActivityFactory.build(unit=phu_da, planned_activity=planned).full_clean()
    ActivityFactory.build(unit=phu_vang, planned_activity=planned).full_clean()


def test_another_districts_planned_activity_is_refused_with_a_clear_message(a_luoi, phu_da, period):
    plan = CommunicationPlanFactory(unit=a_luoi, period=period, year=2023)
    planned = PlannedActivityFactory(plan=plan)
    message = errors_of(ActivityFactory.build(unit=phu_da, planned_activity=planned))
    assert "belongs to the plan of Huyện A Lưới" in message["planned_activity"][0]


def test_the_activity_must_fall_within_the_plans_year(phu_vang, period):
    plan = CommunicationPlanFactory(unit=phu_vang, period=period, year=2022)
    planned = PlannedActivityFactory(plan=plan)
    activity = ActivityFactory.build(unit=phu_vang, planned_activity=planned)
    assert "01/01/2022 to 31/12/2022" in errors_of(activity)["planned_activity"][0]


def test_a_period_plan_covers_every_year_of_the_period(phu_vang, period):
    plan = CommunicationPlanFactory(unit=phu_vang, period=period, year=None)
    planned = PlannedActivityFactory(plan=plan)
    ActivityFactory.build(unit=phu_vang, planned_activity=planned).full_clean()
    assert unit("478") == phu_vang
