"""The poverty figures' section of the annual report.

Poverty figures are approved once a year, at its end: a semi-annual report
gives the latest approved ones, those of the year before.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from giamngheo.core.figures import number
from giamngheo.reports.sections import Chart, ReportPeriod, Scope, Section, Table

from .selectors import poverty_overview


def _rounded(value: float | None) -> float | None:
    # The table holds the figure rounded to two places; the sentence writes the same
    # (core.figures rounds half up, as round() does here for 1.805 → 1.81).
    return None if value is None else round(value, 2)


def section(*, period: ReportPeriod, scope: Scope) -> Section:
    year = period.year - 1 if period.is_half_year else period.year
    overview = poverty_overview(year=year, scope=scope)
    own = overview.own
    paragraphs: list[str] = []
    if own.has_data and own.poor_rate is not None:
        text = _("In %(year)d, the poor rate of %(unit)s was %(rate)s%%") % {
            "year": year,
            "unit": own.name,
            "rate": number(_rounded(own.poor_rate), 2),
        }
        if own.poor_change is not None:
            text += (
                _(", down %(points)s percentage points from %(before)d")
                % {
                    "points": number(abs(_rounded(own.poor_change)), 2),
                    "before": year - 1,
                }
                if own.poor_change <= 0
                else _(", up %(points)s percentage points from %(before)d")
                % {"points": number(_rounded(own.poor_change), 2), "before": year - 1}
            )
        text += _("; the near-poor rate was %(rate)s%%.") % {
            "rate": number(_rounded(own.near_poor_rate or 0), 2)
        }
        paragraphs.append(text)
        if own.is_sum:
            paragraphs.append(_("These figures are the sum of the sub-units' figures."))
    else:
        paragraphs.append(_("No poverty figures were recorded for %(year)d.") % {"year": year})
    headers = [
        _("Unit"),
        _("Households"),
        _("Poor households"),
        _("Poor rate (%)"),
        _("Near-poor households"),
        _("Near-poor rate (%)"),
        _("Change of the poor rate (points)"),
    ]
    rows = [
        [
            child.name,
            child.households,
            child.poor,
            _rounded(child.poor_rate),
            child.near_poor,
            _rounded(child.near_poor_rate),
            _rounded(child.poor_change),
        ]
        for child in overview.children
    ]
    totals = [
        own.name,
        own.households,
        own.poor,
        _rounded(own.poor_rate),
        own.near_poor,
        _rounded(own.near_poor_rate),
        _rounded(own.poor_change),
    ]
    with_rates = [child for child in overview.children if child.poor_rate is not None]
    chart = None
    if with_rates:
        chart = Chart(
            title=_("Poor rate by unit, %(year)d (%%)") % {"year": year},
            labels=[child.name for child in with_rates],
            series={_("Poor rate (%)"): [round(c.poor_rate or 0, 2) for c in with_rates]},
        )
    return Section(
        key="poverty",
        title=_("Poverty figures"),
        paragraphs=paragraphs,
        tables=[
            Table(
                title=_("Poor and near-poor households by unit, %(year)d") % {"year": year},
                headers=headers,
                rows=rows,
                totals=totals if own.has_data else None,
                empty_text=_("No sub-unit."),
            )
        ],
        chart=chart,
    )
