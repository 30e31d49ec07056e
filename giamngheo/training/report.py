"""The annual report's part on training: courses and cadre-turns by level and by unit.

A turn is one cadre attending one course, counted for the span its course
started in (the whole year: the indicator's figure; a half year: courses
started by 30 June), by the cadre's level and unit; courses count for the
level and unit that organised them.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from giamngheo.reports.sections import Chart, ReportPeriod, Scope, Section, Table
from giamngheo.units.models import UnitLevel

from .selectors import courses_and_turns


def section(*, period: ReportPeriod, scope: Scope) -> Section:
    units = None if scope.unit is None else scope.all_units()
    figures = courses_and_turns(start=period.start, end=period.end, units=units)
    labels = dict(UnitLevel.choices)
    by_level = [
        [str(labels.get(level, level)), courses, turns]
        for level, (courses, turns) in figures["by_level"].items()
    ]
    courses = sum(row[1] for row in by_level)
    turns = sum(row[2] for row in by_level)
    codes = list(figures["by_unit"])
    names = {
        unit.code: unit for unit in scope.all_units().filter(code__in=codes).order_by("valid_from")
    }
    by_unit = sorted(
        (
            [code, names[code].name if code in names else code, *figures["by_unit"][code]]
            for code in codes
        ),
        key=lambda row: (-row[3], -row[2], names[row[0]].sort_name if row[0] in names else ""),
    )
    return Section(
        key="training",
        title=_("Training of cadres"),
        paragraphs=[
            _("%(courses)d training courses started in %(period)s; %(turns)d cadre-turns trained.")
            % {"courses": courses, "period": period, "turns": turns}
        ],
        tables=[
            Table(
                title=_("Courses and cadre-turns by level"),
                headers=[_("Level"), _("Courses"), _("Cadre-turns")],
                rows=by_level,
                totals=[_("Total"), courses, turns],
            ),
            Table(
                title=_("Courses and cadre-turns by unit"),
                headers=[_("Code"), _("Unit"), _("Courses organised"), _("Cadre-turns")],
                rows=by_unit,
                totals=[_("Total"), "", courses, turns] if by_unit else None,
                empty_text=_("No course in this period."),
            ),
        ],
        chart=Chart(
            title=_("Cadre-turns by level"),
            labels=[row[0] for row in by_level],
            series={_("Cadre-turns"): [float(row[2]) for row in by_level]},
        ),
    )
