"""Writes on communication plans, through Wagtail's revisions and workflow.

The admin drives the same Wagtail machinery from its views; these functions
are for code (the demo data, imports) and keep one rule: every change is a
revision, and approval goes through the workflow, never by setting ``live``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    Workflow,
    WorkflowContentType,
    WorkflowState,
    WorkflowTask,
)

from giamngheo.accounts.roles import role_group

from .models import CommunicationPlan, PlannedActivity

if TYPE_CHECKING:
    from giamngheo.accounts.models import User
    from giamngheo.indicators.models import ProgrammePeriod
    from giamngheo.units.models import Unit

# Data, in Vietnamese like the role names: shown as such in the workflow admin.
PLAN_WORKFLOW_NAME = "Duyệt kế hoạch truyền thông"
PLAN_TASK_NAME = "Cán bộ tỉnh duyệt kế hoạch"


@transaction.atomic
def ensure_plan_workflow() -> Workflow:
    """The plan workflow: one approval task by province staff; idempotent.

    Creates what is missing and leaves what an admin changed since (another
    workflow assigned to plans, more groups on the task, a deactivated task).
    """
    workflow, _created = Workflow.objects.get_or_create(
        name=PLAN_WORKFLOW_NAME, defaults={"active": True}
    )
    task = GroupApprovalTask.objects.filter(name=PLAN_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=PLAN_TASK_NAME, active=True)
    task.groups.add(role_group("province_staff"))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    content_type = ContentType.objects.get_for_model(CommunicationPlan, for_concrete_model=False)
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )
    return workflow


def ensure_plan_workflow_after_migrate(sender: Any, **kwargs: Any) -> None:
    # The plans app migrates after accounts, whose handler has created the role groups.
    ensure_plan_workflow()


@dataclass(frozen=True)
class ActivityData:
    activity_type: str
    quantity: int
    channel: str = ""
    audience: str = ""
    timing: str = ""
    budget: Decimal | None = None


@transaction.atomic
def create_plan(
    *,
    unit: Unit,
    period: ProgrammePeriod,
    year: int | None,
    title: str,
    objectives: str,
    activities: Iterable[ActivityData] = (),
    by: User | None,
) -> CommunicationPlan:
    """A new draft plan with its first revision."""
    plan = CommunicationPlan(
        unit=unit, period=period, year=year, title=title, objectives=objectives, live=False
    )
    plan.activities = [
        PlannedActivity(sort_order=index, **vars(activity))
        for index, activity in enumerate(activities)
    ]
    plan.full_clean()
    for activity in plan.activities.all():
        activity.full_clean(exclude=["plan"])
    plan.has_unpublished_changes = True
    plan.save()
    plan.save_revision(user=by)
    return plan


@transaction.atomic
def submit_plan(*, plan: CommunicationPlan, by: User | None) -> None:
    """Submit the latest revision for approval, or resubmit after changes were asked."""
    state = plan.workflow_states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES).first()
    if state is not None:
        state.resume(user=by)
        return
    workflow = plan.get_workflow()
    if workflow is None:
        raise ValueError("No workflow is assigned to communication plans.")
    workflow.start(plan, by)


def _act(plan: CommunicationPlan, by: User, action: str, comment: str) -> None:
    task_state = plan.current_workflow_task_state
    if task_state is None:
        raise ValueError("The plan is not awaiting approval.")
    task = task_state.task.specific
    if action not in {name for name, _label, _modal in task.get_actions(plan, by)}:
        raise PermissionDenied
    task.on_action(task_state, by, action, comment=comment)


@transaction.atomic
def approve_plan(*, plan: CommunicationPlan, by: User, comment: str = "") -> None:
    """Approve the submitted plan: the workflow finishes and publishes it."""
    _act(plan, by, "approve", comment)


@transaction.atomic
def send_back_plan(*, plan: CommunicationPlan, by: User, comment: str) -> None:
    """Ask the district for changes; the comment is kept with the task state."""
    _act(plan, by, "reject", comment)
