"""The admin home's feedback panel: the citizens' cases that wait for this user.

A commune or district officer sees the open cases assigned to their units,
the nearest deadline first; province staff see the cases still to assign.
Read through ``selectors.feedback_visible_to`` (the unit scope).  Registered
by ``wagtail_hooks``.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import F
from django.urls import reverse
from django.utils.http import urlencode

from giamngheo.accounts import scoping
from giamngheo.core.home import HomePanel

from .models import FeedbackStatus
from .selectors import can_assign, can_handle, feedback_visible_to

SHOWN = 5


class CasesWaitingPanel(HomePanel):
    name = "cases_waiting"
    template_name = "feedback/panels/cases_waiting.html"
    order = 120

    def __init__(self, user, *, today: datetime.date | None = None):
        super().__init__(user, today=today)
        if scoping.is_province_wide(user):
            self.order = 225  # the province: after what waits for its approval (220)

    @staticmethod
    def is_for(user) -> bool:
        return user.is_authenticated and can_handle(user)

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        cases = feedback_visible_to(self.user).open()
        to_assign = scoping.is_province_wide(self.user) and can_assign(self.user)
        if to_assign:
            cases = cases.filter(status=FeedbackStatus.RECEIVED)
            query = {"status": FeedbackStatus.RECEIVED}
        else:
            query = {}
        counts = {
            "total": cases.count(),
            "overdue": cases.filter(due_on__lt=self.today).count(),
        }
        shown = list(
            cases.select_related("category", "commune").order_by(
                F("due_on").asc(nulls_last=True), "requested_at"
            )[:SHOWN]
        )
        list_url = reverse("feedback_cases:index")
        return {
            "to_assign": to_assign,
            "cases": [
                {
                    "case": case,
                    "url": reverse("feedback_case", args=[case.pk]),
                    "is_overdue": case.due_on is not None and case.due_on < self.today,
                }
                for case in shown
            ],
            "total": counts["total"],
            "overdue": counts["overdue"],
            "list_url": f"{list_url}?{urlencode(query)}" if query else list_url,
            "overdue_url": f"{list_url}?{urlencode({'overdue': 'true'})}",
        }
