"""A plan visits its own unit or those below it, in force on the visit's date."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from giamngheo.evaluation.models import SupervisionVisit
from tests.conftest import unit

from .conftest import A_NGO, PHU_DA, PHU_VANG
from .factories import PlanFactory


@pytest.fixture
def district_plan(hue_units):
    return PlanFactory(organiser=unit(PHU_VANG), year=2023)


def visit_of(plan, code, day=datetime.date(2023, 7, 1)):
    return SupervisionVisit(plan=plan, unit=unit(code, day), planned_on=day)


def test_a_district_visits_its_own_communes(district_plan):
    visit_of(district_plan, PHU_DA).full_clean()


def test_a_district_cannot_visit_another_districts_commune(district_plan):
    with pytest.raises(ValidationError) as error:
        visit_of(district_plan, A_NGO).full_clean()
    assert "unit" in error.value.message_dict


def test_the_unit_must_be_in_force_on_the_planned_date(hue_units):
    plan = PlanFactory(year=2026)
    visit = SupervisionVisit(plan=plan, unit=unit(PHU_VANG), planned_on=datetime.date(2026, 3, 1))
    with pytest.raises(ValidationError) as error:
        visit.full_clean()
    assert "01/03/2026" in error.value.message_dict["unit"][0]


def test_the_visit_falls_in_the_plans_year(district_plan):
    with pytest.raises(ValidationError) as error:
        visit_of(district_plan, PHU_DA, datetime.date(2022, 7, 1)).full_clean()
    assert "planned_on" in error.value.message_dict


def test_a_commune_does_not_organise_a_plan(hue_units):
    with pytest.raises(ValidationError):
        PlanFactory.build(organiser=unit(PHU_DA)).full_clean()
