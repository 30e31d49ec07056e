"""The demo activities and communicators: reproducible, valid, meaningful for 2023."""

import datetime
import random

import pytest

from giamngheo.activities.demo import load_activities
from giamngheo.activities.models import Activity
from giamngheo.demo.services import load_users
from giamngheo.network.demo import load_network
from giamngheo.network.models import Communicator
from giamngheo.network.selectors import coverage
from giamngheo.plans.demo import load_plans
from giamngheo.training.demo import load_training
from giamngheo.units.models import Unit

pytestmark = pytest.mark.usefixtures("hue_units", "wagtail_tree")


def snapshot():
    return list(
        Activity.objects.order_by("start_date", "title").values_list(
            "title", "unit__code", "start_date", "cost", "planned_activity__plan__title"
        )
    )


def test_the_demo_gives_a_few_hundred_valid_activities_many_under_plans():
    load_users(random.Random(0))
    load_plans(random.Random(1))
    load_training(random.Random(2))
    made = load_activities(random.Random(3))
    assert 300 <= made <= 400
    years = {day.year for day in Activity.objects.dates("start_date", "year")}
    assert years == set(range(2021, 2027))
    in_2023 = Activity.objects.filter(start_date__year=2023)
    assert in_2023.filter(planned_activity__isnull=False).count() >= 10
    for activity in Activity.objects.select_related(
        "unit__parent", "planned_activity__plan__unit", "planned_activity__plan__period"
    )[:400]:
        activity.full_clean()
    first = snapshot()
    load_activities(random.Random(3))
    assert snapshot() == first

    people = load_network(random.Random(4))
    assert people > 100
    rows = coverage(units=Unit.objects.all(), on=datetime.date(2023, 6, 30))
    uncovered = [row for row in rows if not row.is_covered]
    assert 0 < len(uncovered) < len(rows) / 3
    assert Communicator.objects.filter(cadre__isnull=False).exists()
    assert Activity.communicators.through.objects.exists()
    for person in Communicator.objects.select_related("unit", "cadre__unit")[:200]:
        person.full_clean()
