"""The approval workflow is data: created by migrate, kept by ``ensure_plan_workflow``."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType

from giamngheo.accounts.roles import role_group
from giamngheo.plans.models import CommunicationPlan
from giamngheo.plans.services import PLAN_WORKFLOW_NAME, ensure_plan_workflow


def test_migrate_assigns_the_plan_workflow_to_plans(db):
    workflow = CommunicationPlan.get_default_workflow()
    assert workflow is not None
    assert workflow.name == PLAN_WORKFLOW_NAME == "Duyệt kế hoạch truyền thông"
    [task] = [task.specific for task in workflow.tasks]
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.all()) == [role_group("province_staff")]


def test_ensure_plan_workflow_is_idempotent(db):
    first = ensure_plan_workflow()
    second = ensure_plan_workflow()
    assert first == second
    assert Workflow.objects.filter(name=PLAN_WORKFLOW_NAME).count() == 1
    assert GroupApprovalTask.objects.filter(workflow_tasks__workflow=first).count() == 1
    content_type = ContentType.objects.get_for_model(CommunicationPlan)
    assert WorkflowContentType.objects.get(content_type=content_type).workflow == first


def test_province_staff_may_approve_and_district_officers_may_not(province_staff, district_officer):
    assert province_staff.has_perm("plans.publish_communicationplan")
    assert not district_officer.has_perm("plans.publish_communicationplan")
    assert district_officer.has_perm("plans.change_communicationplan")


def test_the_demo_mutes_workflow_mail_only_while_it_loads(
    district_officer, province_staff, period, hue_units, mailoutbox
):
    from giamngheo.plans.demo import _without_notifications
    from giamngheo.plans.services import submit_plan
    from tests.conftest import unit

    from .factories import CommunicationPlanFactory

    ensure_plan_workflow()
    with _without_notifications():
        submit_plan(plan=CommunicationPlanFactory(unit=unit("478"), period=period), by=None)
    assert mailoutbox == []
    plan = CommunicationPlanFactory(unit=unit("478"), period=period, year=None)
    submit_plan(plan=plan, by=district_officer)
    assert province_staff.email in {address for mail in mailoutbox for address in mail.to}
