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

from django.db import transaction
from wagtail.models import (
    Workflow,
)

from giamngheo.accounts.roles import role_group
from giamngheo.core import approval

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
    """The plan workflow: one approval task by province staff; idempotent."""
    return approval.ensure_approval_workflow(
        model=CommunicationPlan,
        workflow_name=PLAN_WORKFLOW_NAME,
        task_name=PLAN_TASK_NAME,
        groups=[role_group("province_staff")],
    )


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


def submit_plan(*, plan: CommunicationPlan, by: User | None) -> None:
    """Submit the latest revision for approval, or resubmit after changes were asked."""
    approval.submit(instance=plan, by=by)


def approve_plan(*, plan: CommunicationPlan, by: User, comment: str = "") -> None:
    """Approve the submitted plan: the workflow finishes and publishes it."""
    approval.approve(instance=plan, by=by, comment=comment)


def send_back_plan(*, plan: CommunicationPlan, by: User, comment: str) -> None:
    """Ask the district for changes; the comment is kept with the task state."""
    approval.send_back(instance=plan, by=by, comment=comment)
