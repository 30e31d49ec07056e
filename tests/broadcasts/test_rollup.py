"""The weekly rollup the national indicator reads: always the log's own figures, at once."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from giamngheo.broadcasts import rollup
from giamngheo.broadcasts.models import Broadcast, RadioWeekCounts
from giamngheo.broadcasts.selectors import (
    compliant_per_week,
    compliant_per_week_from_log,
    iso_weeks,
    radio_compliance,
)
from giamngheo.broadcasts.services import Programme, record_programmes
from giamngheo.units.models import Unit
from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import ON_2025_JAN_MAP, unit


def hue_communes():
    return Unit.objects.filter(level="commune", province_code="46")


def same_as_the_log(year: int, minimum: int = 1) -> dict:
    weeks = iso_weeks(year)
    found = compliant_per_week(communes=hue_communes(), weeks=weeks, min_per_week=minimum)
    assert found == compliant_per_week_from_log(
        communes=hue_communes(), weeks=weeks, min_per_week=minimum
    )
    return found


def programme(code: str, on: datetime.date, title: str, day: datetime.date | None = None):
    return Programme(commune=unit(code, day or on), on=on, title=title, minutes=15)


def test_a_programme_counts_at_once_whichever_way_it_is_written(hue_units, province_staff):
    week = datetime.date(2023, 6, 5)
    record_programmes([programme("19942", week, "Bản tin")], by=province_staff, refs=[""])
    assert same_as_the_log(2023)[week] == 1
    BroadcastFactory(commune=unit("19903"), on=week)  # a single save (form, admin)
    assert same_as_the_log(2023)[week] == 2


def test_an_edit_and_a_deletion_move_the_count(hue_units):
    week, later = datetime.date(2023, 6, 5), datetime.date(2023, 9, 4)
    first = BroadcastFactory(commune=unit("19942"), on=week)
    BroadcastFactory(commune=unit("19942"), on=week + datetime.timedelta(days=1))
    assert same_as_the_log(2023, minimum=2)[week] == 1
    first.on = later
    first.save()
    assert same_as_the_log(2023, minimum=2)[week] == 0
    assert same_as_the_log(2023)[later] == 1
    Broadcast.objects.filter(on=later).delete()
    assert same_as_the_log(2023)[later] == 0


def test_each_week_counts_the_communes_in_force_on_its_monday(hue_units, province_staff):
    # 2025: a commune of the January map ends on 30 June; its July programmes are not
    # counted (it no longer exists), as when counting from the log.
    day = ON_2025_JAN_MAP
    commune = unit("19942", day)
    entries = [
        Programme(commune=commune, on=w, title=f"Số {i}", minutes=10)
        for i, w in enumerate(iso_weeks(2025)[:20])
    ]
    record_programmes(entries, by=province_staff, refs=[""] * len(entries))
    figures = same_as_the_log(2025)
    assert sum(figures.values()) == 20
    assert same_as_the_log(2024) == dict.fromkeys(iso_weeks(2024), 0)


def test_a_minimum_beyond_the_rollup_counts_the_log(hue_units):
    week = datetime.date(2023, 6, 5)
    BroadcastFactory(commune=unit("19942"), on=week)
    found = compliant_per_week(communes=hue_communes(), weeks=[week], min_per_week=rollup.CAP + 1)
    assert found == {week: 0}


@pytest.mark.parametrize("years", [1, 5])
def test_the_national_figure_takes_two_queries_a_year_whatever_the_programmes(
    hue_units, province_staff, django_assert_max_num_queries, years
):
    entries = [
        programme(code, w, f"Số {i}")
        for i, w in enumerate(iso_weeks(2023)[:30])
        for code in ("19942", "19903", "19912")
    ]
    record_programmes(entries, by=province_staff, refs=[""] * len(entries))
    assert RadioWeekCounts.objects.filter(year=2023).count() == 3
    with django_assert_max_num_queries(2 * years):
        for year in range(2023, 2023 + years):
            result = radio_compliance(year=year, min_per_week=1, communes=hue_communes())
    assert result.year == 2022 + years


def test_deleting_many_programmes_recounts_once(hue_units):
    weeks = iso_weeks(2023)[:10]
    for code in ("19942", "19903"):
        for week in weeks:
            BroadcastFactory(commune=unit(code), on=week)
    with CaptureQueriesContext(connection) as queries:
        Broadcast.objects.filter(commune__code__in=["19942", "19903"]).delete()
    # One recount (create, lock, count, update), not one per programme.  (Wagtail's
    # reference index makes its own queries per deleted row: not counted here.)
    rollup_queries = [q for q in queries if "radioweekcounts" in q["sql"]]
    assert len(rollup_queries) == 3
    assert same_as_the_log(2023) == dict.fromkeys(iso_weeks(2023), 0)
