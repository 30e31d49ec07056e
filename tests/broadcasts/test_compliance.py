"""Weekly compliance: communes reaching the minimum, per ISO week, over a year."""

import datetime

from giamngheo.broadcasts.selectors import heat_map, iso_weeks, radio_compliance
from giamngheo.units.models import Unit
from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import unit

PHU_VANG_COMMUNES = "478"


def phu_vang_communes():
    return Unit.objects.filter(level="commune", parent__code=PHU_VANG_COMMUNES)


def test_iso_weeks_start_on_monday_and_cover_the_year():
    weeks = iso_weeks(2023)
    assert weeks[0] == datetime.date(2023, 1, 2)
    assert all(week.weekday() == 0 for week in weeks)
    assert len(weeks) == 52
    assert len(iso_weeks(2020)) == 53


def test_share_counts_communes_reaching_the_minimum_each_week(
    hue_units, django_assert_max_num_queries
):
    week = datetime.date(2023, 6, 5)
    communes = phu_vang_communes()
    total = communes.in_force(week).count()
    assert total == 14
    # Two communes log one programme, a third logs two: with a minimum of 2 only one counts.
    for code in ["19942", "19903"]:
        BroadcastFactory(commune=unit(code), on=week)
    BroadcastFactory(commune=unit("19912"), on=week)
    BroadcastFactory(commune=unit("19912"), on=week + datetime.timedelta(days=2))
    with django_assert_max_num_queries(2):
        result = radio_compliance(
            year=2023, min_per_week=1, communes=communes, start=week, end=week
        )
    assert [(w.communes, w.compliant) for w in result.weeks] == [(14, 3)]
    assert round(result.share, 2) == round(100 * 3 / 14, 2)
    strict = radio_compliance(year=2023, min_per_week=2, communes=communes, start=week, end=week)
    assert strict.weeks[0].compliant == 1


def test_the_year_averages_its_weeks(hue_units):
    communes = Unit.objects.filter(code="19942")
    weeks = iso_weeks(2023)[:4]
    BroadcastFactory(commune=unit("19942"), on=weeks[0])
    BroadcastFactory(commune=unit("19942"), on=weeks[1])
    result = radio_compliance(
        year=2023, min_per_week=1, communes=communes, start=weeks[0], end=weeks[-1]
    )
    assert result.share == 50.0


def test_a_year_across_the_map_change_uses_each_weeks_map(hue_units):
    # 2025: 134 communes until 30 June, then the 40 of the two-level map.
    communes = Unit.objects.filter(level="commune", province_code="46")
    result = radio_compliance(year=2025, min_per_week=1, communes=communes)
    per_week = {w.week_start: w.communes for w in result.weeks}
    assert per_week[datetime.date(2025, 6, 23)] == 134
    assert per_week[datetime.date(2025, 7, 7)] == 40


def test_heat_map_marks_weeks_a_commune_did_not_exist(hue_units):
    today_codes = Unit.objects.in_force(datetime.date(2025, 12, 1)).values("code")
    gone = Unit.objects.filter(level="commune", parent__code="478").exclude(code__in=today_codes)
    code = gone.order_by("code").values_list("code", flat=True).first()
    rows = heat_map(
        year=2025, min_per_week=1, communes=Unit.objects.filter(code=code), weeks=iso_weeks(2025)
    )
    assert len(rows) == 1
    assert rows[0].counts[0] == 0  # January: in force, nothing logged
    assert rows[0].counts[-1] is None  # December: merged away on 1 July


def test_heat_map_keeps_one_row_for_a_commune_that_changed_version(hue_units):
    # 19942 exists in both the 2025-01 map and the two-level map, as two versions.
    rows = heat_map(
        year=2025,
        min_per_week=1,
        communes=Unit.objects.filter(code="19942"),
        weeks=iso_weeks(2025),
    )
    assert len(rows) == 1
    assert None not in rows[0].counts[:52]
