"""Who may change a plan: the unit scope, and approval freezes it.

A plan approved by the province is the district's commitment for the period
or the year; the district must not quietly rewrite it.  Only those who may
approve (the ``publish`` permission: province staff and admins) change or
delete an approved plan, e.g. to correct it.  A district officer deletes only
drafts: a submitted plan is withdrawn first (cancelling the workflow).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from giamngheo.accounts.scoping import UnitScopedPermissionPolicy

from .models import ApprovalStatus, CommunicationPlan


class PlanPermissionPolicy(UnitScopedPermissionPolicy):
    def __init__(self, model: type[CommunicationPlan] = CommunicationPlan, **kwargs: Any):
        super().__init__(model, unit_field="unit", **kwargs)

    def may_approve(self, user) -> bool:
        return self.user_has_permission(user, "publish")

    def refuses(self, user, action: str, plan: CommunicationPlan) -> bool:
        """True when the plan's state, not the user's role or unit, forbids ``action``."""
        if action not in ("change", "delete") or self.may_approve(user):
            return False
        status = plan.get_approval_status()
        if action == "change":
            return status == ApprovalStatus.APPROVED
        return status != ApprovalStatus.DRAFT

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        if self.refuses(user, action, instance):
            return False
        return super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        allowed = [action for action in actions if not self.refuses(user, action, instance)]
        return bool(allowed) and super().user_has_any_permission_for_instance(
            user, allowed, instance
        )

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        queryset = super().instances_user_has_any_permission_for(user, actions)
        if not set(actions) <= {"change", "delete"} or self.may_approve(user):
            return queryset
        if "change" in actions:
            return queryset.filter(live=False)
        return queryset.for_status(ApprovalStatus.DRAFT)
