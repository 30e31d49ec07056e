"""The admin home's plans panel: the plans a commune or district still owes the province.

On the two-level map a commune drafts and submits its own plan; while the
map has districts, a district does.  The panel lists the period plan and the
annual plans of this year and the next (when the period has it) that are not
approved yet, with the button to write one.  Registered by ``wagtail_hooks``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse

from giamngheo.accounts import scoping
from giamngheo.core.approval import ApprovalStatus
from giamngheo.core.home import HomePanel
from giamngheo.indicators.rules import Scope
from giamngheo.indicators.selectors import current_period
from giamngheo.units.divisions import province_code
from giamngheo.units.models import UnitLevel

from .selectors import plan_status_by_unit


class PlansDuePanel(HomePanel):
    name = "plans_due"
    template_name = "plans/panels/plans_due.html"
    order = 110

    @staticmethod
    def is_for(user) -> bool:
        levels = (UnitLevel.COMMUNE, UnitLevel.DISTRICT)
        return HomePanel.unit_officer(user, levels, "plans.add_communicationplan")

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        period = current_period(self.today)
        lines: list[dict] = []
        if period is not None:
            # The units asked for a plan on today's map, within the user's scope.
            scope = Scope(province_code(settings.PROVINCE_CODE), self.user.unit)
            units = scope.plan_units(self.today).filter(
                pk__in=scoping.units_visible_to(self.user).values("pk")
            )
            years = [y for y in (self.today.year, self.today.year + 1) if y in period.years]
            for year in years:
                for status in plan_status_by_unit(period=period, year=year, units=units).values():
                    if year == years[0]:
                        lines.append(self._line(status.unit, period, None, status.period_plan))
                    lines.append(self._line(status.unit, period, year, status.annual_plan))
        due = [line for line in lines if line["status"] != ApprovalStatus.APPROVED]
        return {
            "period": period,
            "lines": due,
            "asked": bool(lines),
            "add_url": reverse("plans:add"),
            "list_url": reverse("plans:list"),
        }

    @staticmethod
    def _line(unit, period, year: int | None, status: str) -> dict:
        return {
            "unit": unit,
            "year": year,
            "period": period,
            "status": status,
            "status_label": ApprovalStatus(status).label,
        }
