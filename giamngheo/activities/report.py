"""The activities' part of the annual report, and the tables the admin views show.

Every table is built from the selectors, within the given units, and keeps
numbers as numbers; the admin views (views.py) render the same tables and
export them as XLSX, so the screen, the export and the report agree.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from giamngheo.core.figures import number, percent, share_of
from giamngheo.plans.models import ActivityType
from giamngheo.reports.sections import Chart, ReportPeriod, Scope, Section, Table
from giamngheo.units.models import UnitLevel

from . import selectors
from .selectors import Totals


def _figure_headers(first: str) -> list[str]:
    return [first, _("Activities"), _("People reached"), _("Participants"), _("Cost (VND)")]


def _figure_row(totals: Totals) -> list[Any]:
    return [totals.label, totals.count, totals.audience_reached, totals.participants, totals.cost]


def _totals_row(rows: list[Totals]) -> list[Any]:
    total = Totals(label=_("Total"))
    for row in rows:
        total.add(row)
    return _figure_row(total)


def _figures_table(title: str, first: str, rows: list[Totals]) -> Table:
    return Table(
        title=title,
        headers=_figure_headers(first),
        rows=[_figure_row(row) for row in rows],
        totals=_totals_row(rows) if rows else None,
        empty_text=_("No activity recorded."),
    )


def kind_table(*, units: Any, start: datetime.date, end: datetime.date) -> Table:
    rows = selectors.totals_by_kind(units=units, start=start, end=end)
    return _figures_table(_("Activities by kind"), _("Kind"), rows)


def channel_table(*, units: Any, start: datetime.date, end: datetime.date) -> Table:
    rows = selectors.totals_by_channel(units=units, start=start, end=end)
    return _figures_table(_("Activities by channel"), _("Channel"), rows)


def unit_table(*, units: Any, start: datetime.date, end: datetime.date, by_district: bool) -> Table:
    """District-level units (their communes rolled up) or each unit, e.g. a district's communes."""
    if by_district:
        rows = selectors.totals_by_district(units=units, start=start, end=end)
    else:
        rows = selectors.totals_by_unit(units=units, start=start, end=end)
    return _figures_table(_("Activities by unit"), _("Unit"), rows)


def planned_table(*, units: Any, year: int) -> Table:
    """Each planned activity: activities planned against register entries done under it,
    and a publication's copies beside (the register has none to compare them with)."""
    rows = selectors.planned_vs_done(units=units, year=year)
    planned = sum(row.planned for row in rows)
    done = sum(row.done for row in rows)
    copies = [row.copies for row in rows if row.copies is not None]
    return Table(
        title=_("Planned and done, per plan of %(year)d") % {"year": year},
        headers=[
            _("Unit"),
            _("Plan"),
            _("Activity type"),
            _("Timing"),
            _("Activities planned"),
            _("Activities done"),
            _("Done (%)"),
            _("Copies planned"),
            _("Budget (VND)"),
            _("Cost (VND)"),
        ],
        rows=[
            [
                row.plan.unit.name,
                row.plan.title,
                row.planned_activity.get_activity_type_display(),
                row.planned_activity.timing,
                row.planned,
                row.done,
                row.rate,
                row.copies,
                row.planned_activity.budget or Decimal(0),
                row.cost,
            ]
            for row in rows
        ],
        totals=[
            _("Total"),
            "",
            "",
            "",
            planned,
            done,
            share_of(done, planned),
            sum(copies) if copies else None,
            sum((row.planned_activity.budget or Decimal(0) for row in rows), Decimal(0)),
            sum((row.cost for row in rows), Decimal(0)),
        ]
        if rows
        else None,
        empty_text=_("No plan for this year."),
    )


def _type_headers() -> list[str]:
    return [
        _("Activity type"),
        _("Activities planned"),
        _("Done under the plan"),
        _("Done under the plan (%)"),
        _("Done outside the plan"),
        _("Done in all"),
        _("Copies planned"),
    ]


def _type_figures(row: selectors.TypeRow) -> list[Any]:
    return [row.planned, row.linked, row.rate, row.unlinked, row.done, row.copies]


def _type_totals(rows: list[selectors.TypeRow]) -> list[Any] | None:
    if not rows:
        return None
    total = selectors.TypeRow(None, ActivityType.OTHER)
    for row in rows:
        total.add(row)
    return [_("Total"), *_type_figures(total)]


def plan_type_table(*, units: Any, year: int) -> Table:
    """Per unit and activity type (the admin view's table)."""
    rows = selectors.done_by_plan_type(units=units, year=year)
    totals = _type_totals(rows)
    return Table(
        title=_("Planned and done by activity type and unit, %(year)d") % {"year": year},
        headers=[_("Unit"), *_type_headers()],
        rows=[[row.unit.name, row.label, *_type_figures(row)] for row in rows],
        totals=[totals[0], "", *totals[1:]] if totals else None,
        empty_text=_("No plan for this year."),
    )


def type_summary_table(rows: list[selectors.TypeRow], year: int) -> Table:
    """The units' rows summed per activity type (the report's table)."""
    summed = selectors.by_type(rows)
    return Table(
        title=_("Planned and done by activity type, %(year)d") % {"year": year},
        headers=_type_headers(),
        rows=[[row.label, *_type_figures(row)] for row in summed],
        totals=_type_totals(summed),
        empty_text=_("No plan for this year."),
    )


def _by_district(scope: Scope) -> bool:
    return scope.unit is None or scope.unit.level == UnitLevel.PROVINCE


def section(*, period: ReportPeriod, scope: Scope) -> Section:
    start, end = period.start, period.end
    total = selectors.grand_total(units=scope, start=start, end=end)
    groups = selectors.totals_by_group(units=scope, start=start, end=end)
    by_unit = selectors.done_by_plan_type(units=scope, year=period.year)
    summary = type_summary_table(by_unit, period.year)
    # Figures in a sentence are grouped as in the tables ("172.581", not "172581").
    paragraphs = [
        _(
            "In the %(period)s, %(count)s communication activities and products were recorded: "
            "%(products)s products and %(events)s events, reaching %(reached)s people with "
            "%(participants)s participants, at a cost of %(cost)s VND."
        )
        % {
            "period": period,
            "count": number(total.count),
            "products": number(groups[0].count),
            "events": number(groups[1].count),
            "reached": number(total.audience_reached or 0),
            "participants": number(total.participants or 0),
            "cost": number(total.cost or 0, 0),
        }
    ]
    if summary.totals and summary.totals[1]:
        _label, planned, linked, rate, unlinked, _done, copies = summary.totals
        paragraphs.append(
            _(
                "The plans of %(year)d planned %(planned)s activities; %(linked)s were carried "
                "out under them (%(rate)s), and %(unlinked)s more of the same types outside them."
            )
            % {
                "year": period.year,
                "planned": number(planned),
                "linked": number(linked),
                "rate": percent(rate),
                "unlinked": number(unlinked),
            }
        )
        if copies:
            paragraphs[-1] += " " + _("The publications planned add up to %(copies)s copies.") % {
                "copies": number(copies)
            }
    return Section(
        key="activities",
        title=_("Communication activities and products"),
        paragraphs=paragraphs,
        tables=[
            kind_table(units=scope, start=start, end=end),
            channel_table(units=scope, start=start, end=end),
            unit_table(units=scope, start=start, end=end, by_district=_by_district(scope)),
            summary,
            planned_table(units=scope, year=period.year),
        ],
        chart=Chart(
            title=_("Activities by group"),
            labels=[group.label for group in groups],
            series={_("Activities"): [float(group.count) for group in groups]},
        ),
    )
