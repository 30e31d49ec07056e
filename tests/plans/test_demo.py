"""The demo plans: every district-level unit of Huế, 2021–2025, reproducible from the seed."""

import random

import pytest

from giamngheo.plans.demo import districts_of_year, load_plans
from giamngheo.plans.models import CommunicationPlan
from giamngheo.plans.selectors import plan_status_by_unit
from giamngheo.units.models import Unit

pytestmark = pytest.mark.usefixtures("plan_workflow")


def snapshot():
    return sorted(
        (
            plan.unit.code,
            plan.year or 0,
            plan.get_approval_status(),
            plan.title,
            plan.objectives,
            tuple(plan.activities.values_list("activity_type", "quantity", "budget")),
        )
        for plan in CommunicationPlan.objects.with_status().select_related("unit", "period")
        if plan.period.name == "2021–2025"
    )


def snapshot_2026():
    return sorted(
        (plan.unit.code, plan.year or 0, plan.get_approval_status(), plan.title)
        for plan in CommunicationPlan.objects.filter(period__name="2026–2030").select_related(
            "unit"
        )
    )


def test_nine_district_level_units_each_year(hue_units):
    for year in range(2021, 2026):
        assert len(districts_of_year(year)) == 9


def test_demo_plans_cover_every_unit_and_year_and_are_reproducible(
    province_staff, period, mailoutbox
):
    # One test, two loads: each load runs every plan through the real workflow.
    count = load_plans(random.Random(7))
    first, first_2026 = snapshot(), snapshot_2026()
    assert count == len(first) + len(first_2026)
    assert mailoutbox == [], "the simulated workflow e-mails no one"

    period_plans = [row for row in first if row[1] == 0]
    assert len(period_plans) == 10  # 9 units, and Phú Xuân created on 1 January 2025
    annual = [row for row in first if row[1]]
    assert len(annual) == 5 * 9 - 2  # two left missing
    statuses = [row[2] for row in first]
    assert statuses.count("approved") > len(first) * 3 // 4
    assert {"approved", "submitted", "draft"} <= set(statuses)
    assert all(row[5] for row in first), "every plan has activities"

    # The coverage indicator has something to show.
    units = Unit.objects.filter(pk__in=[unit.pk for unit in districts_of_year(2023)])
    statuses_2023 = plan_status_by_unit(period=period, year=2023, units=units)
    assert len(statuses_2023) == 9
    assert sum(status.is_covered for status in statuses_2023.values()) >= 6

    # 2026–2030: the 40 communes and wards and the province, plans in every state.
    assert {row[0] for row in first_2026} <= {
        u.code for u in Unit.objects.filter(level__in=["commune", "province"])
    }
    assert len({row[0] for row in first_2026}) >= 38
    assert {"approved", "submitted", "draft"} == {row[2] for row in first_2026}
    assert len(first_2026) == 2 * 41 - 3  # three left missing

    # A second load with the same seed replaces them with the same plans.
    assert load_plans(random.Random(7)) == count
    assert snapshot() == first and snapshot_2026() == first_2026
