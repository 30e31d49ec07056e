"""The admin home's targets panel: where the province stands on this year's targets.

Leaders land on it (issue 11 §4), and province staff see it next to what waits
for their approval.  The figures are those of the targets dashboard for the
whole province (the KPI engine, cached), for the period in force and its
current year.  Registered by ``wagtail_hooks``.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.urls import reverse

from giamngheo.accounts import scoping
from giamngheo.core.home import HomePanel
from giamngheo.units.divisions import province_code

from .dashboard import fmt, records_url, status_label
from .models import Indicator
from .rules import Scope
from .selectors import current_period, default_year, indicator_value, indicators_with_targets
from .services import can_confirm_period


class TargetsPanel(HomePanel):
    name = "targets"
    template_name = "indicators/panels/targets.html"
    # Leaders have nothing else to do here; staff see it after what waits for approval.
    order = 100

    def __init__(self, user, *, today: datetime.date | None = None):
        super().__init__(user, today=today)
        if user.has_perm("plans.publish_communicationplan"):
            self.order = 230

    @staticmethod
    def is_for(user) -> bool:
        return scoping.is_province_wide(user) and user.has_perm("indicators.view_indicator")

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        period = current_period(self.today)
        if period is None:
            return {"period": None}
        year = default_year(period, self.today)
        scope = Scope(province_code(settings.PROVINCE_CODE))
        cards = []
        for indicator in indicators_with_targets(period):
            value = indicator_value(indicator, period=period, year=year, scope=scope)
            if value is None:
                continue
            uom = indicator.unit_of_measure
            card = {
                "indicator": indicator,
                "value": fmt(value.value, uom),
                "target": fmt(value.target_value, uom),
                "uom": uom,
                "status": value.status,
                "status_label": status_label(value.status),
                "url": records_url(indicator.rule, period, year),
                "missing_plans": None,
            }
            if indicator.rule == Indicator.Rule.PLAN_COVERAGE and value.detail:
                card["missing_plans"] = sum(
                    1 for status in value.detail.values() if not status.is_covered
                )
            cards.append(card)
        return {
            "period": period,
            "year": year,
            "cards": cards,
            "dashboard_url": f"{reverse('indicators_dashboard')}?period={period.pk}&year={year}",
            "confirm_url": (
                reverse("periods:confirm", args=[period.pk])
                if period.is_draft and can_confirm_period(self.user)
                else None
            ),
        }
