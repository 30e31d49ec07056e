"""Bad plans are refused with an error on the field at fault, and nothing is saved."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from giamngheo.plans.models import CommunicationPlan
from tests.conftest import ON_2025_JAN_MAP, unit

from .conftest import PHU_DA
from .factories import CommunicationPlanFactory
from .forms import plan_data

pytestmark = pytest.mark.usefixtures("plan_workflow")


def post_plan(client, user, **fields):
    client.force_login(user)
    response = client.post(reverse("plans:add"), plan_data(**fields))
    assert response.status_code == 200, "the form again, with its errors"
    return response.context["form"]


def test_a_year_outside_the_period_is_refused(client, district_officer, phu_vang, period):
    form = post_plan(client, district_officer, unit=phu_vang, period=period, year=2026)
    assert list(form.errors) == ["year"]
    assert not CommunicationPlan.objects.exists()


def test_a_commune_is_not_offered_as_the_plans_unit(client, province_staff, period, hue_units):
    form = post_plan(client, province_staff, unit=unit(PHU_DA), period=period)
    assert list(form.errors) == ["unit"]
    assert not CommunicationPlan.objects.exists()


def test_the_model_refuses_a_commune_level_unit(period, hue_units):
    plan = CommunicationPlan(unit=unit(PHU_DA), period=period, year=2023, title="Kế hoạch xã")
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert "unit" in error.value.message_dict


def test_a_unit_not_in_force_during_the_year_is_refused(client, province_staff, period):
    # Quận Phú Xuân exists from 1 January 2025 only.
    phu_xuan = unit("475", on=ON_2025_JAN_MAP)
    form = post_plan(client, province_staff, unit=phu_xuan, period=period, year=2022)
    assert list(form.errors) == ["unit"]
    assert not CommunicationPlan.objects.exists()
    # Its plan for 2025, or for the rest of the period, is fine.
    client.post(reverse("plans:add"), plan_data(unit=phu_xuan, period=period, year=2025))
    client.post(reverse("plans:add"), plan_data(unit=phu_xuan, period=period, year=None))
    assert CommunicationPlan.objects.filter(unit=phu_xuan).count() == 2


@pytest.mark.parametrize("year", [2023, None])
def test_a_second_plan_for_the_same_unit_period_and_year_is_refused(
    client, district_officer, phu_vang, period, year
):
    CommunicationPlanFactory(unit=phu_vang, period=period, year=year)
    form = post_plan(client, district_officer, unit=phu_vang, period=period, year=year)
    assert form.errors
    assert "__all__" in form.errors
    assert CommunicationPlan.objects.count() == 1


def test_a_period_plan_and_annual_plans_live_side_by_side(
    client, district_officer, phu_vang, period
):
    client.force_login(district_officer)
    for year in (None, 2021, 2022):
        data = plan_data(unit=phu_vang, period=period, year=year)
        assert client.post(reverse("plans:add"), data).status_code == 302
    assert CommunicationPlan.objects.filter(unit=phu_vang).count() == 3


def test_an_activity_needs_a_positive_quantity(client, district_officer, phu_vang, period):
    client.force_login(district_officer)
    data = plan_data(
        unit=phu_vang, period=period, activities=[{"activity_type": "radio", "quantity": 0}]
    )
    response = client.post(reverse("plans:add"), data)
    assert response.status_code == 200
    formset = response.context["form"].formsets["activities"]
    assert "quantity" in formset.forms[0].errors
    assert not CommunicationPlan.objects.exists()
