"""Reads on communication plans for the KPI engine and dashboards.

Plans are matched to units by code, not by row: a period plan approved by
Huyện Phong Điền still counts once the same code becomes Thị xã Phong Điền.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.units.models import Unit

from .models import ApprovalStatus, CommunicationPlan

# When a code has several plans (one per version of the unit), the best counts.
_RANK = {
    ApprovalStatus.APPROVED: 3,
    ApprovalStatus.SUBMITTED: 2,
    ApprovalStatus.DRAFT: 1,
    ApprovalStatus.MISSING: 0,
}


@dataclass(frozen=True)
class PlanStatus:
    """Where a district-level unit stands with its period plan and its annual plan.

    Each status is an ``ApprovalStatus`` value: "approved", "submitted" (in
    moderation), "draft" (sent back included) or "missing".
    """

    unit: Unit
    period_plan: str
    annual_plan: str

    @property
    def is_covered(self) -> bool:
        return (
            self.period_plan == ApprovalStatus.APPROVED
            and self.annual_plan == ApprovalStatus.APPROVED
        )


def approved_plans(*, period: ProgrammePeriod, year: int | None) -> QuerySet[CommunicationPlan]:
    """Approved (live) plans of the period; ``year=None`` gives the period plans."""
    plans = CommunicationPlan.objects.filter(period=period, live=True)
    if year is None:
        return plans.filter(year__isnull=True)
    return plans.filter(year=year)


def plan_status_by_unit(
    *, period: ProgrammePeriod, year: int, units: QuerySet[Unit]
) -> dict[str, PlanStatus]:
    """Status of the period plan and of ``year``'s plan of each unit, keyed by unit code.

    Two queries whatever the number of units: the units, and their plans
    with the status annotated.
    """
    by_code = {unit.code: unit for unit in units}
    best: dict[tuple[str, bool], str] = {}
    plans = (
        CommunicationPlan.objects.filter(period=period, unit__code__in=list(by_code))
        .filter(Q(year__isnull=True) | Q(year=year))
        .with_status()
        .values_list("unit__code", "year", "approval_status")
    )
    for code, plan_year, status in plans:
        key = (code, plan_year is None)
        if _RANK[status] > _RANK[best.get(key, ApprovalStatus.MISSING)]:
            best[key] = status
    return {
        code: PlanStatus(
            unit=unit,
            period_plan=str(best.get((code, True), ApprovalStatus.MISSING)),
            annual_plan=str(best.get((code, False), ApprovalStatus.MISSING)),
        )
        for code, unit in by_code.items()
    }
