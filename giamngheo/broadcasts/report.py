"""The annual report's part on commune radio: compliance over the period's weeks,
programmes and minutes logged, and the communes that reached the minimum in fewer
weeks than the target asks.

The weeks are the ISO weeks the radio indicator counts (those that have
ended); a half-year report takes those ended by 30 June.  The weekly minimum
is the radio target's own (``min_per_week``), as the dashboard uses it.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.utils.translation import gettext as _

from giamngheo.core.figures import number
from giamngheo.indicators.models import Indicator, ProgrammePeriod
from giamngheo.indicators.selectors import target_for
from giamngheo.reports.sections import Chart, ReportPeriod, Scope, Section, Table
from giamngheo.units.models import UnitLevel

from .selectors import WeekFigure, heat_map, programme_totals, radio_compliance, week_end


def radio_target(year: int) -> tuple[int, float]:
    """The year's radio target: its weekly minimum (1 when there is none) and the share
    of weeks a commune must reach it in (the target value, 80 by default)."""
    programme = ProgrammePeriod.containing(datetime.date(year, 1, 1))
    indicator = (
        Indicator.objects.filter(rule=Indicator.Rule.RADIO_COMPLIANCE)
        .prefetch_related("targets__indicator")
        .first()
    )
    target = target_for(indicator, programme, year) if indicator and programme else None
    if target is None:
        return 1, 80.0
    return int(target.parameters.get("min_per_week", 1)), float(target.value)


def _number(value: float | int, decimals: int = 0) -> str:
    return number(value, decimals)


def _maps(weeks: list[WeekFigure]) -> list[list[WeekFigure]]:
    """The weeks in runs of one map: a new run where the count of communes in force
    changes (the maps of a province differ in their number of communes)."""
    runs: list[list[WeekFigure]] = []
    for week in weeks:
        if runs and runs[-1][-1].communes == week.communes:
            runs[-1].append(week)
        else:
            runs.append([week])
    return [run for run in runs if run[0].communes]


def section(*, period: ReportPeriod, scope: Scope) -> Section:
    minimum, goal = radio_target(period.year)
    communes = scope.units_of_level(UnitLevel.COMMUNE)
    # A half year counts the weeks ended by its last day; a year, every ISO week of it.
    last_monday = period.end - datetime.timedelta(days=6) if period.is_half_year else period.end
    compliance = radio_compliance(
        year=period.year,
        min_per_week=minimum,
        communes=communes,
        start=period.start,
        end=last_monday,
    )
    weeks = [week.week_start for week in compliance.weeks]
    rows = heat_map(
        year=period.year,
        min_per_week=minimum,
        communes=communes.select_related("parent"),
        weeks=weeks,
    )
    totals = programme_totals(
        communes=communes,
        start=weeks[0] if weeks else period.start,
        end=week_end(weeks[-1]) if weeks else period.end,
    )
    programmes = sum(n for n, _minutes in totals.values())
    minutes = sum(m for _n, m in totals.values())
    share = None if compliance.share is None else round(compliance.share, 1)
    maps = _maps(compliance.weeks)
    summary = Table(
        title=_("Commune radio in figures"),
        headers=[
            _("Communes"),
            _("Weeks counted"),
            _("Minimum a week"),
            _("Communes reaching the minimum (%)"),
            _("Programmes"),
            _("Duration (minutes)"),
        ],
        rows=[[len(rows), len(weeks), minimum, share, programmes, minutes]],
    )
    spans = []
    if len(maps) > 1:
        # A year across two maps (2025: 134 communes, then 40 from 1 July): one row per
        # map, each counting the communes in force on its weeks, and the year's total.
        for span in maps:
            span_totals = programme_totals(
                communes=communes, start=span[0].week_start, end=week_end(span[-1].week_start)
            )
            counted = [week.share for week in span if week.share is not None]
            spans.append(
                [
                    span[0].communes,
                    len(span),
                    minimum,
                    round(sum(counted) / len(counted), 1) if counted else None,
                    sum(n for n, _minutes in span_totals.values()),
                    sum(m for _n, m in span_totals.values()),
                    span[0].week_start,
                    week_end(span[-1].week_start),
                ]
            )
        summary.headers = [_("Weeks"), *summary.headers]
        summary.rows = [[f"{row[6]:%d/%m/%Y}–{row[7]:%d/%m/%Y}", *row[:6]] for row in spans]
        summary.totals = [_("Total"), "", len(weeks), minimum, share, programmes, minutes]
    # The lagging communes: those that reached the minimum in fewer weeks than the
    # target's share (a commune missing one week of 52 is not lagging).
    short = sorted(
        (row for row in rows if row.weeks_in_force and (row.share or 0) < goal),
        key=lambda row: (row.share or 0, row.unit.sort_name),
    )
    below = Table(
        title=_("Communes that reached the weekly minimum in fewer than %(goal)s%% of the weeks")
        % {"goal": _number(goal)},
        headers=[
            _("Commune"),
            _("District"),
            _("Weeks counted"),
            _("Weeks below the minimum"),
            _("Weeks reaching the minimum (%)"),
            _("Programmes"),
            _("Duration (minutes)"),
        ],
        rows=[
            [
                row.unit.name,
                row.unit.parent.name if row.unit.parent_id else "",
                row.weeks_in_force,
                row.weeks_in_force - row.weeks_compliant,
                None if row.share is None else round(row.share, 1),
                *totals.get(row.unit.code, (0, 0)),
            ]
            for row in short
        ],
        empty_text=_("Every commune reached the minimum in at least %(goal)s%% of the weeks.")
        % {"goal": _number(goal)},
    )
    by_month: dict[int, list[float]] = defaultdict(list)
    for week in compliance.counted_weeks:
        by_month[week.week_start.month].append(week.share or 0)
    chart = None
    if by_month:
        months = sorted(by_month)
        chart = Chart(
            title=_("Communes reaching the weekly minimum, by month (%)"),
            labels=[f"{month:02d}/{period.year}" for month in months],
            series={
                _("Communes reaching the minimum (%)"): [
                    round(sum(by_month[m]) / len(by_month[m]), 1) for m in months
                ]
            },
        )
    paragraphs = []
    for row in spans:
        paragraphs.append(
            _(
                "From %(start)s to %(end)s (%(weeks)d week(s), %(communes)s communes in force), "
                "on average %(share)s%% of the communes broadcast at least %(minimum)d "
                "programme(s) a week on poverty reduction; %(programmes)s programmes, "
                "%(minutes)s minutes."
            )
            % {
                "start": f"{row[6]:%d/%m/%Y}",
                "end": f"{row[7]:%d/%m/%Y}",
                "weeks": row[1],
                "communes": _number(row[0]),
                "share": "–" if row[3] is None else _number(row[3], 1),
                "minimum": minimum,
                "programmes": _number(row[4]),
                "minutes": _number(row[5]),
            }
        )
    if weeks and not spans:
        paragraphs.append(
            _(
                "Over %(weeks)d weeks, on average %(share)s%% of the %(communes)d communes "
                "broadcast at least %(minimum)d programme(s) a week on poverty reduction; "
                "%(programmes)s programmes, %(minutes)s minutes in all."
            )
            % {
                "weeks": len(weeks),
                "share": "–" if share is None else _number(share, 1),
                "communes": len(rows),
                "minimum": minimum,
                "programmes": _number(programmes),
                "minutes": _number(minutes),
            }
        )
    return Section(
        key="radio",
        title=_("Commune radio programmes on poverty reduction"),
        paragraphs=paragraphs,
        tables=[summary, below],
        chart=chart,
    )
