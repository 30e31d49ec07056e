"""The annual report's part on communication plans: each district-level unit's
period plan and plan for the year, approved or not.

The units are those the plan indicator counts that year (in force on the
year's first day within the programme period), so the part lists the units
behind the indicator's figure.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.indicators.rules import reference_day, year_bounds
from giamngheo.reports.sections import ReportPeriod, Scope, Section, Table
from giamngheo.units.models import UnitLevel

from .models import ApprovalStatus
from .selectors import plan_status_by_unit


def _label(status: str) -> str:
    return str(dict(ApprovalStatus.choices).get(status, status))


def section(*, period: ReportPeriod, scope: Scope) -> Section:
    title = _("Communication plans of the district-level units")
    table = Table(
        title=_("Plans for the period and for the year"),
        headers=[_("Code"), _("Unit"), _("Period plan"), _("Plan for the year")],
        empty_text=_("No district-level unit in this scope."),
    )
    programme = ProgrammePeriod.containing(datetime.date(period.year, 1, 1))
    if programme is None:
        return Section(key="plans", title=title, tables=[table])
    start, end = year_bounds(programme, period.year)
    districts = scope.units_of_level(UnitLevel.DISTRICT)
    districts = districts.in_force(reference_day(districts, start, end))
    statuses = plan_status_by_unit(period=programme, year=period.year, units=districts)
    ordered = sorted(statuses.values(), key=lambda status: status.unit.sort_name)
    table.rows = [
        [s.unit.code, s.unit.name, _label(s.period_plan), _label(s.annual_plan)] for s in ordered
    ]
    covered = sum(1 for s in ordered if s.is_covered)
    table.totals = [_("Total"), len(ordered), _("%(n)d covered") % {"n": covered}, ""]
    paragraphs = []
    if ordered:
        paragraphs.append(
            _(
                "%(covered)d of %(total)d district-level units have an approved plan for "
                "the period %(programme)s and an approved plan for %(year)d."
            )
            % {
                "covered": covered,
                "total": len(ordered),
                "programme": programme.name,
                "year": period.year,
            }
        )
    return Section(key="plans", title=title, paragraphs=paragraphs, tables=[table])
