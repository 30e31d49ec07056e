"""Writes of the poverty figures: one figure (form, import, demo), and their approval."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Workflow

from giamngheo.accounts.roles import role_group
from giamngheo.core import approval

from .models import PovertyStatistic

if TYPE_CHECKING:
    from giamngheo.accounts.models import User

ADD = "poverty.add_povertystatistic"
CHANGE = "poverty.change_povertystatistic"
# Province staff approve figures; what they enter themselves is approved as entered.
PUBLISH = "poverty.publish_povertystatistic"
# The log action of a figure an import replaced (registered in wagtail_hooks).
REPLACE_ACTION = "poverty.replace"
# Data, in Vietnamese like the role names: shown as such in the workflow admin.
WORKFLOW_NAME = "Duyệt số liệu hộ nghèo, cận nghèo"
TASK_NAME = "Cán bộ tỉnh duyệt số liệu hộ nghèo"


def ensure_poverty_workflow() -> Workflow:
    """Figures a commune or district enters are approved by province staff; idempotent."""
    return approval.ensure_approval_workflow(
        model=PovertyStatistic,
        workflow_name=WORKFLOW_NAME,
        task_name=TASK_NAME,
        groups=[role_group("province_staff")],
    )


def ensure_poverty_workflow_after_migrate(sender: Any, **kwargs: Any) -> None:
    # The poverty app migrates after accounts, whose handler has created the role groups.
    ensure_poverty_workflow()


@transaction.atomic
def record_figures(*, statistic: PovertyStatistic, by: User, submit: bool = False) -> None:
    """Store a unit's figures for a year as a revision awaiting approval.

    A figure not yet approved is saved as it is; an approved one keeps its approved
    values in the row (what the public sees) and the new ones wait in the revision.
    """
    statistic.full_clean()
    if statistic.pk is None:
        statistic.live = False
        statistic.has_unpublished_changes = True
    if not statistic.live:
        statistic.save()
    revision = statistic.save_revision(user=by, clean=False)
    if by.has_perm(PUBLISH):
        revision.publish(user=by)
    elif submit:
        approval.submit(instance=statistic, by=by)


def figures_of(statistic: PovertyStatistic) -> dict[str, Any]:
    """What the history keeps of a figure an import replaces, before and after."""
    return {
        "households": statistic.households,
        "poor_households": statistic.poor_households,
        "near_poor_households": statistic.near_poor_households,
        "source": statistic.source,
    }


def record_imported_figure(
    statistic: PovertyStatistic, *, by: User, submit: bool, before: dict[str, Any] | None
) -> None:
    """A figure from an import: recorded as the form records it, and logged with the
    figures it replaced (``before``), if any."""
    record_figures(statistic=statistic, by=by, submit=submit)
    if before is None:
        log(instance=statistic, action="wagtail.create", user=by, data={"import": True})
        return
    after = figures_of(statistic)
    log(instance=statistic, action=REPLACE_ACTION, user=by, data={"before": before, "after": after})
