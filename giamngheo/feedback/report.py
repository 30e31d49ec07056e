"""The annual report's part on citizens' feedback: cases received in the period for
the report's units and how they were handled, by category."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from giamngheo.reports.sections import Chart, ReportPeriod, Scope, Section, Table

from .selectors import feedback_handled

COLUMNS = ("received", "answered", "on_time", "late", "overdue")


def section(*, period: ReportPeriod, scope: Scope, today: datetime.date | None = None) -> Section:
    rows = feedback_handled(
        units=scope.all_units(), start=period.start, end=period.end, today=today
    )
    totals = {key: sum(row[key] for row in rows) for key in COLUMNS}
    table = Table(
        title=_("Feedback handled by category"),
        headers=[
            _("Category"),
            _("Received"),
            _("Answered"),
            _("Answered on time"),
            _("Answered late"),
            _("Open and overdue"),
        ],
        rows=[[row["category"], *(row[key] for key in COLUMNS)] for row in rows],
        totals=[_("Total"), *(totals[key] for key in COLUMNS)] if rows else None,
        empty_text=_("No feedback received in this period."),
    )
    paragraphs = []
    if rows:
        paragraphs.append(
            _(
                "%(received)d feedback cases were received in %(period)s; %(answered)d were "
                "answered, %(on_time)d of them on time; %(overdue)d are open past their deadline."
            )
            % {**totals, "period": period}
        )
    return Section(
        key="feedback",
        title=_("Citizens' feedback handled"),
        paragraphs=paragraphs,
        tables=[table],
        chart=Chart(
            title=_("Feedback received and answered by category"),
            labels=[row["category"] for row in rows],
            series={
                _("Received"): [float(row["received"]) for row in rows],
                _("Answered"): [float(row["answered"]) for row in rows],
            },
        )
        if rows
        else None,
    )
