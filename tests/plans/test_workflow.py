"""A plan's life through Wagtail's own workflow: draft, submitted, sent back, approved."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from giamngheo.plans.models import CommunicationPlan
from giamngheo.plans.selectors import approved_plans, plan_status_by_unit
from giamngheo.units.models import Unit

from .conftest import PHU_VANG
from .forms import edit_data, plan_data

pytestmark = pytest.mark.usefixtures("plan_workflow")


def status_of(period, year=2023):
    statuses = plan_status_by_unit(
        period=period, year=year, units=Unit.objects.filter(code=PHU_VANG, level="district")
    )
    return statuses[PHU_VANG].period_plan, statuses[PHU_VANG].annual_plan


def test_a_plan_goes_from_draft_to_approved_through_the_province(
    client, district_officer, province_staff, phu_vang, period
):
    # The district officer drafts the plan for 2023.
    client.force_login(district_officer)
    response = client.post(reverse("plans:add"), plan_data(unit=phu_vang, period=period))
    assert response.status_code == 302
    plan = CommunicationPlan.objects.get()
    assert not plan.live
    assert plan.unit == phu_vang and plan.year == 2023
    assert plan.activities.get().quantity == 52
    assert status_of(period) == ("missing", "draft")

    # ... and submits it.
    edit_url = reverse("plans:edit", args=[plan.pk])
    response = client.post(edit_url, edit_data(plan, **{"action-submit": "1"}))
    assert response.status_code == 302
    assert plan.workflow_in_progress
    assert status_of(period) == ("missing", "submitted")

    # While it waits, the district cannot change it (Wagtail's workflow lock).
    response = client.post(edit_url, edit_data(plan, title="Sửa khi chờ duyệt"))
    assert response.status_code == 200  # the form again, with the lock message
    plan.refresh_from_db()
    assert plan.get_latest_revision_as_object().title != "Sửa khi chờ duyệt"

    # Province staff send it back with a comment.
    client.force_login(province_staff)
    assert client.get(edit_url).status_code == 200
    task_state = plan.current_workflow_task_state
    response = client.post(
        reverse("plans:workflow_action", args=[plan.pk, "reject", task_state.pk]),
        {"comment": "Đề nghị bổ sung kinh phí cho từng hoạt động."},
    )
    assert response.status_code == 302
    workflow_state = WorkflowState.objects.for_instance(plan).get()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = TaskState.objects.get(pk=task_state.pk)
    assert rejected.status == TaskState.STATUS_REJECTED
    assert rejected.comment == "Đề nghị bổ sung kinh phí cho từng hoạt động."
    assert status_of(period) == ("missing", "draft")

    # The district officer revises it and submits it again.
    client.force_login(district_officer)
    revised = edit_data(
        plan,
        new_activities=[{"activity_type": "dialogue", "quantity": 4, "budget": "12000000"}],
        **{"action-submit": "1"},
    )
    assert client.post(edit_url, revised).status_code == 302
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert status_of(period) == ("missing", "submitted")

    # Province staff approve: the plan goes live.
    client.force_login(province_staff)
    plan.refresh_from_db()
    approve = edit_data(
        plan, **{"action-workflow-action": "true", "workflow-action-name": "approve"}
    )
    assert client.post(edit_url, approve).status_code == 302
    plan.refresh_from_db()
    assert plan.live
    assert plan.activities.count() == 2
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    assert status_of(period) == ("missing", "approved")
    assert list(approved_plans(period=period, year=2023)) == [plan]
    assert not approved_plans(period=period, year=None).exists()

    # Every revision is kept and listed in the history.
    assert plan.revisions.count() >= 4
    client.force_login(district_officer)
    history = client.get(reverse("plans:history", args=[plan.pk]))
    assert history.status_code == 200
    revision = plan.revisions.order_by("created_at").first()
    assert reverse("plans:revisions_revert", args=[plan.pk, revision.pk]) in history.text


def test_an_approved_plan_is_locked_for_the_district(
    client, district_officer, province_staff, own_plan, phu_vang, period
):
    own_plan.get_latest_revision().publish(user=province_staff)
    own_plan.refresh_from_db()
    revisions = own_plan.revisions.count()
    client.force_login(district_officer)
    edit_url = reverse("plans:edit", args=[own_plan.pk])

    refused = client.get(edit_url)
    assert refused.status_code == 302
    assert refused.url == reverse("wagtailadmin_home")  # Wagtail's "no permission" answer
    response = client.post(edit_url, edit_data(own_plan, title="Đã sửa"))
    assert response.status_code == 302
    own_plan.refresh_from_db()
    assert own_plan.title == "Kế hoạch Phú Vang 2023"
    assert own_plan.revisions.count() == revisions

    response = client.post(reverse("plans:delete", args=[own_plan.pk]))
    assert response.status_code == 302
    assert CommunicationPlan.objects.filter(pk=own_plan.pk).exists()

    # Reverting to an old revision is an edit too.
    revision = own_plan.revisions.first()
    revert = reverse("plans:revisions_revert", args=[own_plan.pk, revision.pk])
    assert client.get(revert).status_code == 302

    # It stays readable.
    assert client.get(reverse("plans:inspect", args=[own_plan.pk])).status_code == 200
    assert client.get(reverse("plans:history", args=[own_plan.pk])).status_code == 200
    listing = client.get(reverse("plans:list"))
    assert edit_url not in listing.text
    assert reverse("plans:inspect", args=[own_plan.pk]) in listing.text


def test_province_staff_can_correct_an_approved_plan(
    client, province_staff, own_plan, phu_vang, period
):
    own_plan.get_latest_revision().publish(user=province_staff)
    client.force_login(province_staff)
    edit_url = reverse("plans:edit", args=[own_plan.pk])
    assert client.get(edit_url).status_code == 200
    data = edit_data(own_plan, title="Kế hoạch đã đính chính", **{"action-publish": "1"})
    assert client.post(edit_url, data).status_code == 302
    own_plan.refresh_from_db()
    assert own_plan.live and own_plan.title == "Kế hoạch đã đính chính"


def test_a_district_officer_cannot_publish_without_approval(
    client, district_officer, own_plan, phu_vang, period
):
    client.force_login(district_officer)
    data = edit_data(own_plan, **{"action-publish": "1"})
    client.post(reverse("plans:edit", args=[own_plan.pk]), data)
    own_plan.refresh_from_db()
    assert not own_plan.live


def test_a_district_officer_deletes_a_draft_but_not_a_submitted_plan(
    client, district_officer, own_plan, far_plan
):
    from giamngheo.plans.services import submit_plan

    client.force_login(district_officer)
    submit_plan(plan=own_plan, by=district_officer)
    assert client.post(reverse("plans:delete", args=[own_plan.pk])).status_code == 302
    assert CommunicationPlan.objects.filter(pk=own_plan.pk).exists()

    own_plan.current_workflow_state.cancel(user=district_officer)
    assert client.post(reverse("plans:delete", args=[own_plan.pk])).status_code == 302
    assert not CommunicationPlan.objects.filter(pk=own_plan.pk).exists()
