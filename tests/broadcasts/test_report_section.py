"""The annual report's radio part: figures over the year's weeks, and the lagging communes."""

import datetime

from giamngheo.broadcasts.models import Broadcast
from giamngheo.broadcasts.report import section
from giamngheo.broadcasts.selectors import iso_weeks
from giamngheo.indicators.rules import Scope
from giamngheo.reports.sections import ReportPeriod
from tests.conftest import unit


def log_weeks(code: str, weeks: list[datetime.date]) -> None:
    commune = unit(code)
    Broadcast.objects.bulk_create(
        Broadcast(commune=commune, on=week, week_start=week, title=f"Số {n}", minutes=15)
        for n, week in enumerate(weeks)
    )


def test_only_communes_short_of_the_target_share_of_weeks_are_listed_as_lagging(
    hue_units, wagtail_tree
):
    weeks = iso_weeks(2023)
    log_weeks("19942", weeks[1:])  # 51 of 52 weeks: above the 80% target
    log_weeks("19903", weeks[:30])  # 30 of 52 weeks: below it
    result = section(period=ReportPeriod(2023), scope=Scope("46", unit("478")))
    summary, lagging = result.tables
    communes, counted, minimum, _share, programmes, minutes = summary.rows[0]
    assert (communes, counted, minimum) == (14, 52, 1)
    assert (programmes, minutes) == (81, 81 * 15)
    listed = [row[0] for row in lagging.rows]
    assert unit("19903").name in listed
    assert unit("19942").name not in listed
    assert len(listed) == 13  # the twelve silent communes too
    assert "80%" in lagging.title
    assert "81 chương trình, 1.215 phút" in result.paragraphs[0]
