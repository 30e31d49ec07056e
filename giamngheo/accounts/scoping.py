"""The one unit-scoping policy.

Every admin view, export and API endpoint that reads or writes records of an
administrative unit asks this module which units the user may touch:

* a superuser (system admin) and the province staff and leaders, whose unit
  is the province, see every unit of that province;
* a district officer sees their district and the communes under it;
* a commune officer sees their commune;
* a user without a unit sees nothing;
* a system holding a unit's key (``UnitPrincipal``) sees as that unit's officer.

A unit keeps its national statistics code across map versions, so scoping goes
by code: a commune officer keeps seeing their commune's records from before a
rename.  Roles (groups) say *what* a user may do; this says *where*.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Model, Q, QuerySet
from django.http import Http404
from wagtail.permission_policies.base import ModelPermissionPolicy

from giamngheo.units.models import Unit, UnitLevel, UnitQuerySet

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from .models import User


@dataclass(frozen=True)
class UnitPrincipal:
    """A system acting for one unit (a key of the data API), asked about like a user.

    It is scoped exactly as an officer of ``unit`` (so every rule that takes a
    ``by`` scopes it through this policy too), holds no role and no
    permission, and is never a superuser.
    """

    unit: Unit
    is_authenticated: bool = True
    is_active: bool = True
    is_superuser: bool = False
    pk: None = None

    def has_perm(self, perm: str, obj: Any = None) -> bool:
        return False


def units_visible_to(user: User | AnonymousUser | UnitPrincipal) -> UnitQuerySet:
    """Every version of every unit whose records ``user`` may see."""
    if not user.is_authenticated or not user.is_active:
        return Unit.objects.none()
    if user.is_superuser:
        return Unit.objects.all()
    unit = user.unit
    if unit is None:
        return Unit.objects.none()
    if unit.level == UnitLevel.PROVINCE:
        return Unit.objects.of_province(unit.province_code)
    if unit.level == UnitLevel.DISTRICT:
        return Unit.objects.filter(
            Q(level=UnitLevel.DISTRICT, code=unit.code)
            | Q(level=UnitLevel.COMMUNE, parent__level=UnitLevel.DISTRICT, parent__code=unit.code)
        )
    return Unit.objects.filter(level=UnitLevel.COMMUNE, code=unit.code)


def is_province_wide(user: User | AnonymousUser) -> bool:
    """True for users who see the whole province (province staff, leaders, admins)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or (user.unit is not None and user.unit.level == UnitLevel.PROVINCE)


def scope(
    queryset: QuerySet, user: User | AnonymousUser, *, unit_field: str | tuple[str, ...] = "unit"
) -> QuerySet:
    """``queryset`` narrowed to records of units ``user`` may see.

    A record that belongs to two units (a supervision visit: the visited unit and
    the plan's organiser) names both fields; it is seen from either.
    """
    if user.is_authenticated and user.is_active and user.is_superuser:
        return queryset
    units = units_visible_to(user)
    fields = (unit_field,) if isinstance(unit_field, str) else unit_field
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__in": units})
    return queryset.filter(condition)


def can_access(user: User | AnonymousUser, instance: Model, *, unit_field: str = "unit") -> bool:
    model = type(instance)
    return scope(
        model._default_manager.filter(pk=instance.pk), user, unit_field=unit_field
    ).exists()


def get_scoped_or_404(
    queryset: QuerySet, user: User | AnonymousUser, *, unit_field: str = "unit", **lookup: Any
) -> Model:
    """The record, or 404 when it does not exist *or* belongs to another unit.

    Both cases answer the same so that ids of other units' records leak nothing.
    """
    try:
        return scope(queryset, user, unit_field=unit_field).get(**lookup)
    except queryset.model.DoesNotExist as error:
        raise Http404 from error


class UnitScopedPermissionPolicy(ModelPermissionPolicy):
    """Wagtail permission policy: the model permission *and* the unit scope.

    Wagtail's generic views ask the policy before showing edit and delete
    buttons and before acting on an instance; with this policy they refuse
    records of other units.
    """

    def __init__(self, model: type[Model], *, unit_field: str = "unit", **kwargs: Any):
        super().__init__(model, **kwargs)
        self.unit_field = unit_field

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return self.user_has_permission(user, action) and can_access(
            user, instance, unit_field=self.unit_field
        )

    def user_has_any_permission_for_instance(self, user, actions, instance) -> bool:
        return self.user_has_any_permission(user, actions) and can_access(
            user, instance, unit_field=self.unit_field
        )

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return scope(self.model._default_manager.all(), user, unit_field=self.unit_field)
