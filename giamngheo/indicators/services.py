"""Writes to periods and targets that carry a rule: confirming a draft period."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import ProgrammePeriod


def can_confirm_period(user: AbstractBaseUser) -> bool:
    """Whoever may edit targets may confirm them (province staff, administrators)."""
    return user.has_perm("indicators.change_target") and user.has_perm(
        "indicators.change_programmeperiod"
    )


@transaction.atomic
def confirm_period(*, period: ProgrammePeriod, by: AbstractBaseUser) -> ProgrammePeriod:
    """Mark a draft period's targets as the province's own.

    The targets themselves are edited in the Targets listing; confirming says
    they are final, and the dashboards stop labelling the period a draft.
    """
    if not can_confirm_period(by):
        raise PermissionDenied
    period = ProgrammePeriod.objects.select_for_update().get(pk=period.pk)
    if not period.is_draft:
        raise ValidationError(_("The targets of this period are already confirmed."))
    if not period.targets.exists():
        raise ValidationError(_("The period has no target to confirm: add its targets first."))
    period.status = ProgrammePeriod.Status.CONFIRMED
    period.full_clean()
    period.save(update_fields=["status"])
    return period
