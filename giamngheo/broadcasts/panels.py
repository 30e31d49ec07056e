"""The admin home's radio panels: a commune's week, a district's communes' gaps.

Each user lands on their week's work (issue 11 §4): a commune officer sees
this week's programmes day by day with the buttons to log the week or import
a file, and a reminder when last week is not reported yet; a district officer
sees which of their communes have gaps.  Registered by ``wagtail_hooks`` into
Wagtail's ``construct_homepage_panels``; every figure is read within the
user's unit scope (``accounts.scoping``).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode

from giamngheo.accounts import scoping
from giamngheo.core.home import HomePanel
from giamngheo.indicators.selectors import radio_minimum
from giamngheo.units.models import Unit, UnitLevel

from .models import monday_of
from .selectors import (
    ONE_WEEK,
    communes_without_programme,
    heat_map,
    lock_date,
    radio_week,
    reporting_settings,
    week_end,
)


def week_entry_url(week_start: datetime.date) -> str:
    return f"{reverse('broadcasts_week')}?{urlencode({'week': week_start.isoformat()})}"


class RadioWeekPanel(HomePanel):
    """A commune officer's radio this week, and last week if it is still to report."""

    name = "radio_week"
    template_name = "broadcasts/panels/radio_week.html"
    order = 100

    @staticmethod
    def is_for(user) -> bool:
        return HomePanel.unit_officer(user, (UnitLevel.COMMUNE,), "broadcasts.add_broadcast")

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        communes = scoping.units_visible_to(self.user).filter(level=UnitLevel.COMMUNE)
        commune = communes.in_force(self.today).first() or self.user.unit
        minimum = radio_minimum(self.today)
        monday = monday_of(self.today)
        this_week = radio_week(
            communes=communes, week_start=monday, min_per_week=minimum, today=self.today
        )
        last_week = radio_week(
            communes=communes, week_start=monday - ONE_WEEK, min_per_week=minimum, today=self.today
        )
        settings = reporting_settings()
        return {
            "commune": commune,
            "week": this_week,
            "last_week": last_week,
            "on_time_until": week_end(last_week.week_start)
            + datetime.timedelta(days=settings.on_time_days),
            "locks_after": lock_date(last_week.week_start, settings),
            "today": self.today,
            "week_url": week_entry_url(this_week.week_start),
            "last_week_url": week_entry_url(last_week.week_start),
            "import_url": reverse("broadcasts_import"),
            "list_url": f"{reverse('broadcasts:index')}?"
            + urlencode({"on_from": monday.isoformat(), "on_to": this_week.week_end.isoformat()}),
        }


class CommuneGapsPanel(HomePanel):
    """A district officer's communes: last week's and this week's programmes, gaps first."""

    name = "commune_gaps"
    template_name = "broadcasts/panels/commune_gaps.html"
    order = 100

    @staticmethod
    def is_for(user) -> bool:
        return HomePanel.unit_officer(user, (UnitLevel.DISTRICT,), "broadcasts.view_broadcast")

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        monday = monday_of(self.today)
        last_monday = monday - ONE_WEEK
        communes = scoping.units_visible_to(self.user).filter(level=UnitLevel.COMMUNE)
        minimum = radio_minimum(self.today)
        rows = heat_map(
            year=self.today.year,
            min_per_week=minimum,
            communes=communes,
            weeks=[last_monday, monday],
        )
        silent = {
            unit.code
            for unit in communes_without_programme(week_start=last_monday, communes=communes)
        }
        lines = [
            {
                "unit": row.unit,
                "last_week": row.counts[0],
                "this_week": row.counts[1],
                "unreported": row.unit.code in silent,
                "behind": row.counts[0] is not None and row.counts[0] < minimum,
            }
            for row in rows
        ]
        # Gaps first (unreported, then below the minimum), each in Vietnamese order.
        lines.sort(key=lambda line: (not line["unreported"], not line["behind"]))
        district: Unit = self.user.unit
        return {
            "district": district,
            "district_in_force": district.is_in_force(self.today),
            "lines": lines,
            "gaps": sum(1 for line in lines if line["unreported"] or line["behind"]),
            "min_per_week": minimum,
            "last_week": last_monday,
            "last_week_end": week_end(last_monday),
            "this_week": monday,
            "import_url": reverse("broadcasts_import"),
            "week_url": week_entry_url(last_monday),
            "can_log": self.user.has_perm("broadcasts.add_broadcast"),
        }
