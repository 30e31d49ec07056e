"""The activities' part of the annual report, and the tables the admin views show.

Every table is built from the selectors, within the given units, and keeps
numbers as numbers; the admin views (views.py) render the same tables and
export them as XLSX, so the screen, the export and the report agree.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

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
    rows = selectors.planned_vs_done(units=units, year=year)
    planned = sum(row.planned for row in rows)
    done = sum(row.done for row in rows)
    return Table(
        title=_("Planned and done, per plan of %(year)d") % {"year": year},
        headers=[
            _("Unit"),
            _("Plan"),
            _("Activity type"),
            _("Timing"),
            _("Planned"),
            pgettext("planned vs done", "Done"),
            _("Done (%)"),
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
            round(100 * done / planned, 1) if planned else None,
            sum((row.planned_activity.budget or Decimal(0) for row in rows), Decimal(0)),
            sum((row.cost for row in rows), Decimal(0)),
        ]
        if rows
        else None,
        empty_text=_("No plan for this year."),
    )


def plan_type_table(*, units: Any, year: int) -> Table:
    rows = selectors.done_by_plan_type(units=units, year=year)
    return Table(
        title=_("Planned and done by activity type, %(year)d") % {"year": year},
        headers=[
            _("Unit"),
            _("Activity type"),
            _("Planned"),
            _("Done under the plan"),
            _("Done outside the plan"),
            _("Done in all"),
        ],
        rows=[
            [row.unit.name, row.label, row.planned, row.linked, row.unlinked, row.done]
            for row in rows
        ],
        totals=[
            _("Total"),
            "",
            sum(row.planned for row in rows),
            sum(row.linked for row in rows),
            sum(row.unlinked for row in rows),
            sum(row.done for row in rows),
        ]
        if rows
        else None,
        empty_text=_("No plan for this year."),
    )


def _by_district(scope: Scope) -> bool:
    return scope.unit is None or scope.unit.level == UnitLevel.PROVINCE


def _grouped(value: int | Decimal | None) -> str:
    return number_format(round(value or 0), 0, force_grouping=True)


def section(*, period: ReportPeriod, scope: Scope) -> Section:
    start, end = period.start, period.end
    total = selectors.grand_total(units=scope, start=start, end=end)
    groups = selectors.totals_by_group(units=scope, start=start, end=end)
    planned = selectors.planned_vs_done(units=scope, year=period.year)
    planned_total = sum(row.planned for row in planned)
    done_total = sum(row.done for row in planned)
    # Figures in a sentence are grouped as in the tables ("172.581", not "172581").
    paragraphs = [
        _(
            "In the %(period)s, %(count)s communication activities and products were recorded: "
            "%(products)s products and %(events)s events, reaching %(reached)s people with "
            "%(participants)s participants, at a cost of %(cost)s VND."
        )
        % {
            "period": period,
            "count": _grouped(total.count),
            "products": _grouped(groups[0].count),
            "events": _grouped(groups[1].count),
            "reached": _grouped(total.audience_reached),
            "participants": _grouped(total.participants),
            "cost": _grouped(total.cost),
        }
    ]
    if planned_total:
        paragraphs.append(
            _(
                "The plans of %(year)d planned %(planned)s activities; %(done)s were recorded "
                "against them (%(rate)s%%)."
            )
            % {
                "year": period.year,
                "planned": _grouped(planned_total),
                "done": _grouped(done_total),
                "rate": number_format(100 * done_total / planned_total, 1),
            }
        )
    return Section(
        key="activities",
        title=_("Communication activities and products"),
        paragraphs=paragraphs,
        tables=[
            kind_table(units=scope, start=start, end=end),
            channel_table(units=scope, start=start, end=end),
            unit_table(units=scope, start=start, end=end, by_district=_by_district(scope)),
            planned_table(units=scope, year=period.year),
        ],
        chart=Chart(
            title=_("Activities by group"),
            labels=[group.label for group in groups],
            series={_("Activities"): [float(group.count) for group in groups]},
        ),
    )
