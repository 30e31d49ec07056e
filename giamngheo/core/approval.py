"""Approval of unit records through Wagtail's workflow: one way for every kind.

A record that a unit submits and the province approves (a communication plan,
a poverty figure) is a snippet with ``WorkflowMixin``, ``DraftStateMixin`` and
``RevisionMixin``. *Approved* means *live*: the row holds the approved values
and a later edit waits in a revision, so the public and the reports keep the
approved figures until the new ones are approved. Every change is a revision;
sending back asks for a comment, kept with the task state.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Case, CharField, Exists, OuterRef, Value, When
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import (
    GroupApprovalTask,
    Workflow,
    WorkflowContentType,
    WorkflowState,
    WorkflowTask,
)


class ApprovalStatus(models.TextChoices):
    """Where a record stands in its approval; ``MISSING`` only appears in selectors."""

    APPROVED = "approved", pgettext_lazy("approval status", "Approved")
    SUBMITTED = "submitted", pgettext_lazy("approval status", "Submitted")
    DRAFT = "draft", _("Draft")
    MISSING = "missing", _("Missing")


def with_approval_status(queryset: models.QuerySet) -> models.QuerySet:
    """Annotate ``approval_status`` in the same query, for listings and selectors.

    Approved is the live (published) version; submitted a workflow in progress;
    anything else, a record sent back included, is a draft.
    """
    content_type = ContentType.objects.get_for_model(queryset.model, for_concrete_model=False)
    in_moderation = WorkflowState.objects.filter(
        base_content_type=content_type,
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return queryset.annotate(
        approval_status=Case(
            When(live=True, then=Value(ApprovalStatus.APPROVED.value)),
            When(Exists(in_moderation), then=Value(ApprovalStatus.SUBMITTED.value)),
            default=Value(ApprovalStatus.DRAFT.value),
            output_field=CharField(),
        )
    )


def approval_status_of(instance: Any) -> str:
    """The ``ApprovalStatus`` value; free when the row came from ``with_approval_status``."""
    annotated = getattr(instance, "approval_status", None)
    if annotated:
        return annotated
    if instance.live:
        return ApprovalStatus.APPROVED
    if instance.pk and instance.workflow_in_progress:
        return ApprovalStatus.SUBMITTED
    return ApprovalStatus.DRAFT


def ensure_approval_workflow(
    *, model: type[models.Model], workflow_name: str, task_name: str, groups: Iterable[Group]
) -> Workflow:
    """The model's workflow: one approval task by ``groups``; idempotent.

    Creates what is missing and leaves what an admin changed since (another
    workflow assigned to the model, more groups on the task, a deactivated task).
    """
    workflow, _created = Workflow.objects.get_or_create(
        name=workflow_name, defaults={"active": True}
    )
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name, active=True)
    task.groups.add(*groups)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )
    return workflow


@transaction.atomic
def submit(*, instance: Any, by: Any) -> None:
    """Submit the latest revision for approval, or resubmit after changes were asked."""
    state = instance.workflow_states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES).first()
    if state is not None:
        state.resume(user=by)
        return
    workflow = instance.get_workflow()
    if workflow is None:
        raise ValueError(f"No workflow is assigned to {type(instance).__name__}.")
    workflow.start(instance, by)


def _act(instance: Any, by: Any, action: str, comment: str) -> None:
    task_state = instance.current_workflow_task_state
    if task_state is None:
        raise ValueError("The record is not awaiting approval.")
    task = task_state.task.specific
    if action not in {name for name, _label, _modal in task.get_actions(instance, by)}:
        raise PermissionDenied
    task.on_action(task_state, by, action, comment=comment)


@transaction.atomic
def approve(*, instance: Any, by: Any, comment: str = "") -> None:
    """Approve the submitted record: the workflow finishes and publishes it."""
    _act(instance, by, "approve", comment)


@transaction.atomic
def send_back(*, instance: Any, by: Any, comment: str) -> None:
    """Ask the unit for changes; the comment (the reason) is kept with the task state."""
    _act(instance, by, "reject", comment)
