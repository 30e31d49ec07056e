"""The admin home's follow-up panel: supervision recommendations a unit must report on.

Registered by ``wagtail_hooks`` for commune and district officers; read within
the unit scope (``selectors.recommendations_to_follow_up``).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from giamngheo.core.home import HomePanel
from giamngheo.units.models import UnitLevel

from .selectors import recommendations_to_follow_up

SHOWN = 5


class FollowUpPanel(HomePanel):
    name = "follow_up"
    template_name = "evaluation/panels/follow_up.html"
    order = 130

    @staticmethod
    def is_for(user) -> bool:
        levels = (UnitLevel.COMMUNE, UnitLevel.DISTRICT)
        return HomePanel.unit_officer(user, levels, "evaluation.follow_up_recommendation")

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        due = recommendations_to_follow_up(self.user)
        shown = list(due[:SHOWN])
        return {
            "total": len(shown) if len(shown) < SHOWN else due.count(),
            "rows": [
                {
                    "recommendation": item,
                    "is_overdue": item.due_on < self.today,
                    "url": reverse("evaluation_recommendations:follow_up", args=[item.pk]),
                }
                for item in shown
            ],
            "list_url": reverse("evaluation_recommendations:index"),
        }
