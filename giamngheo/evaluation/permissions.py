"""Who may touch a visit or a recommendation: two units are involved.

A visit belongs to the visited unit and to the plan's organiser: both see it,
but only the organiser's staff edit, delete or record it.  A recommendation
belongs to its responsible unit and to the organiser: both see it and follow
it up; only the organiser edits its text or due date.  The units come from
``accounts.scoping.units_visible_to``, the one policy.
"""

from __future__ import annotations

from django.db.models import Model, QuerySet

from giamngheo.accounts import scoping
from giamngheo.accounts.scoping import UnitScopedPermissionPolicy

# Actions the visited or responsible unit may take too; the rest are the organiser's.
SHARED_ACTIONS = {"view", "follow_up"}


class OrganiserAndUnitPolicy(UnitScopedPermissionPolicy):
    """``organiser_field`` is the path to the organising unit (``unit_field`` the other)."""

    def __init__(self, model: type[Model], *, organiser_field: str, **kwargs):
        super().__init__(model, **kwargs)
        self.organiser_field = organiser_field

    def visible(self, user) -> QuerySet:
        return self.model._default_manager.visible_to(user)

    def _allowed(self, user, action: str, instance) -> bool:
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        if action in SHARED_ACTIONS:
            return self.visible(user).filter(pk=instance.pk).exists()
        return scoping.can_access(user, instance, unit_field=self.organiser_field)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_permission(user, action) and self._allowed(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return any(
            self.user_has_permission_for_instance(user, action, instance) for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        if set(actions) <= SHARED_ACTIONS:
            return self.visible(user)
        return scoping.scope(
            self.model._default_manager.all(), user, unit_field=self.organiser_field
        )
