"""A plan submitted, sent back and approved moves the dashboard with it."""

from django.urls import reverse

from giamngheo.plans.models import CommunicationPlan
from tests.conftest import unit
from tests.plans.factories import CommunicationPlanFactory
from tests.plans.forms import edit_data, plan_data

URL = reverse("indicators_dashboard")


def district_view(client):
    response = client.get(URL, {"year": 2023})
    panels = response.context["panels"]
    card = next(c for c in panels.cards if c["indicator"].code == "ke-hoach-truyen-thong")
    return card["value"], panels.plans[0]["annual_plan"]


def test_dashboard_follows_a_plan_through_approval(
    client,
    district_officer,
    province_staff,
    period,
    plan_workflow,
):
    phu_vang = unit("478")
    period_plan = CommunicationPlanFactory(unit=phu_vang, period=period, year=None)
    period_plan.get_latest_revision().publish(user=province_staff)

    client.force_login(district_officer)
    client.post(reverse("plans:add"), plan_data(unit=phu_vang, period=period))
    plan = CommunicationPlan.objects.get(year=2023)
    edit_url = reverse("plans:edit", args=[plan.pk])
    client.post(edit_url, edit_data(plan, **{"action-submit": "1"}))
    assert district_view(client) == ("0%", "đã trình")

    client.force_login(province_staff)
    task_state = plan.current_workflow_task_state
    client.post(
        reverse("plans:workflow_action", args=[plan.pk, "reject", task_state.pk]),
        {"comment": "Bổ sung kinh phí."},
    )
    client.force_login(district_officer)
    assert district_view(client) == ("0%", "bản nháp")
    plan.refresh_from_db()
    client.post(edit_url, edit_data(plan, **{"action-submit": "1"}))

    client.force_login(province_staff)
    plan.refresh_from_db()
    approve = edit_data(
        plan, **{"action-workflow-action": "true", "workflow-action-name": "approve"}
    )
    assert client.post(edit_url, approve).status_code == 302
    client.force_login(district_officer)
    assert district_view(client) == ("100%", "đã phê duyệt")
