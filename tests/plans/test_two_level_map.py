"""2026 on the two-level map: a commune submits its own plan straight to the province."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.plans.models import CommunicationPlan
from giamngheo.plans.selectors import plan_status_by_unit
from giamngheo.units.models import Unit
from tests.accounts.factories import UserFactory
from tests.conftest import unit

from .forms import edit_data, plan_data

pytestmark = pytest.mark.usefixtures("plan_workflow", "wagtail_tree")
TODAY = datetime.date(2026, 12, 3)
XA_PHU_VANG = "19942"  # a commune of today's map (was Xã Phú Đa of Huyện Phú Vang)


@pytest.fixture
def period_2026(wagtail_tree):
    return ProgrammePeriod.objects.get(name="2026–2030")


@pytest.fixture
def xa_phu_vang(hue_units):
    return unit(XA_PHU_VANG, TODAY)


@pytest.fixture
def commune_2026(xa_phu_vang):
    return UserFactory(role="commune_officer", unit=xa_phu_vang)


def test_a_commune_plan_of_2026_goes_to_the_province_and_is_approved(
    client, commune_2026, province_staff, xa_phu_vang, period_2026
):
    client.force_login(commune_2026)
    data = plan_data(unit=xa_phu_vang, period=period_2026, year=2026, title="Kế hoạch xã 2026")
    response = client.post(reverse("plans:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    plan = CommunicationPlan.objects.get()
    response = client.post(
        reverse("plans:edit", args=[plan.pk]), edit_data(plan, **{"action-submit": "1"})
    )
    assert response.status_code == 302
    assert plan.workflow_in_progress  # no district in between: the province's task

    client.force_login(province_staff)
    task_state = plan.current_workflow_task_state
    response = client.post(
        reverse("plans:workflow_action", args=[plan.pk, "approve", task_state.pk]), {}
    )
    assert response.status_code == 302
    assert WorkflowState.objects.for_instance(plan).get().status == "approved"
    units = Unit.objects.filter(pk=xa_phu_vang.pk)
    status = plan_status_by_unit(period=period_2026, year=2026, units=units)[XA_PHU_VANG]
    assert status.annual_plan == "approved"


def test_a_district_cannot_have_a_plan_of_2026(client, province_staff, period_2026):
    client.force_login(province_staff)
    dissolved = unit("478")  # Huyện Phú Vang, gone since 1 July 2025
    response = client.post(
        reverse("plans:add"), plan_data(unit=dissolved, period=period_2026, year=2026)
    )
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not CommunicationPlan.objects.exists()


def test_a_commune_cannot_have_a_plan_of_2023_when_districts_had_them(
    client, province_staff, period
):
    client.force_login(province_staff)
    commune = unit("19942")  # Xã Phú Đa on the 2021 map
    response = client.post(reverse("plans:add"), plan_data(unit=commune, period=period))
    assert response.status_code == 200
    assert response.context["form"].errors["unit"]
