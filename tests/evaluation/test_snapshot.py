"""The visited unit's indicator figures are frozen on the visit as they stood on its date."""

import datetime

import pytest
from django.urls import reverse

from giamngheo.evaluation.snapshot import indicator_snapshot
from giamngheo.indicators.cache import bump
from giamngheo.indicators.models import Indicator
from giamngheo.training.models import Attendance, Cadre, TrainingCourse
from tests.conftest import unit

from .conftest import PHU_DA, PHU_VANG, record
from .factories import VisitFactory

pytestmark = pytest.mark.usefixtures("wagtail_tree")


def add_course(unit_code: str, day: datetime.date, people: int) -> None:
    organiser = unit(unit_code, day)
    course = TrainingCourse.objects.create(
        title="Tập huấn kỹ năng truyền thông",
        level=organiser.level,
        organising_unit=organiser,
        start_date=day,
        end_date=day,
        place="Hội trường",
    )
    for number in range(people):
        cadre = Cadre.objects.create(
            full_name=f"Cán bộ {number}", unit=organiser, level=organiser.level
        )
        Attendance.objects.create(course=course, cadre=cadre)
    bump()  # in case signals do not cover a test write


def turns(snapshot):
    return next(row for row in snapshot if row["code"] == training_code())


def training_code():
    return Indicator.objects.get(rule=Indicator.Rule.TRAINING_TURNS).code


def test_the_snapshot_keeps_the_figures_of_the_visit_date_after_a_later_record(
    visit, province_staff, checklist
):
    add_course(PHU_VANG, datetime.date(2023, 3, 10), 4)
    recorded = record(visit, province_staff, checklist)
    row = turns(recorded.snapshot)
    assert row["value"] == 4 and row["year"] == 2023
    assert {"name", "unit_of_measure", "target", "status", "computed_at"} <= set(row)
    assert row["status"] == "behind"  # judged on the visit's date, not today
    add_course(PHU_VANG, datetime.date(2023, 11, 10), 6)
    assert turns(indicator_snapshot(unit=visit.unit, year=2023))["value"] == 10  # live
    recorded.refresh_from_db()
    assert turns(recorded.snapshot)["value"] == 4  # frozen


def test_a_commune_visit_is_computed_for_that_commune_only(
    province_staff, province_plan, checklist
):
    add_course(PHU_VANG, datetime.date(2023, 3, 10), 5)
    add_course(PHU_DA, datetime.date(2023, 3, 12), 2)
    commune_visit = VisitFactory(plan=province_plan, unit=unit(PHU_DA))
    recorded = record(commune_visit, province_staff, checklist)
    assert turns(recorded.snapshot)["value"] == 2


def test_the_visit_page_shows_the_snapshot(client, visit, province_staff, checklist):
    add_course(PHU_VANG, datetime.date(2023, 3, 10), 3)
    record(visit, province_staff, checklist)
    client.force_login(province_staff)
    page = client.get(reverse("evaluation_visits:inspect", args=[visit.pk]))
    assert page.status_code == 200
    name = Indicator.objects.get(rule=Indicator.Rule.TRAINING_TURNS).name
    assert name in page.text
