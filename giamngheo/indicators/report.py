"""The annual report's part on the targets: exactly the figures the dashboard shows.

The values come from the KPI engine (``selectors.dashboard_values``) for the
report's year and the same ``Scope`` the dashboard builds for that unit, so the
report and the dashboard can never disagree.  The engine computes whole years:
a half-year report shows the year's figures as they stood when it was made.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from giamngheo.reports.sections import ReportPeriod, Scope, Section, Table

from .dashboard import status_label
from .models import ProgrammePeriod
from .selectors import IndicatorValue, dashboard_values


def report_values(*, period: ReportPeriod, scope: Scope) -> list[IndicatorValue]:
    """The dashboard's current values for the report's year (empty outside any period)."""
    programme = ProgrammePeriod.containing(datetime.date(period.year, 1, 1))
    if programme is None:
        return []
    values, _trend = dashboard_values(period=programme, scope=scope, year=period.year)
    return values


def section(*, period: ReportPeriod, scope: Scope) -> Section:
    values = report_values(period=period, scope=scope)
    rows = [
        [
            value.indicator.name,
            value.indicator.unit_of_measure,
            None if value.value is None else round(value.value, 1),
            value.target_value,
            status_label(value.status),
        ]
        for value in values
    ]
    met = sum(1 for value in values if value.status == "met")
    paragraphs = [
        _("In %(period)s, %(met)d of %(total)d targets of the programme were met.")
        % {"period": period, "met": met, "total": len(values)}
    ]
    return Section(
        key="indicators",
        title=_("Results against the programme's targets"),
        paragraphs=paragraphs if values else [],
        tables=[
            Table(
                title=_("Indicators against targets"),
                headers=[_("Indicator"), _("Unit"), _("Value"), _("Target"), _("Status")],
                rows=rows,
                empty_text=_("No programme period covers this year."),
            )
        ],
    )
