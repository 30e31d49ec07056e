import datetime

import pytest

from giamngheo.evaluation.models import Criterion, RatingThreshold
from giamngheo.evaluation.seed import seed_checklist
from giamngheo.evaluation.services import record_visit
from tests.conftest import unit

from .factories import PlanFactory, VisitFactory

# Phú Vang district (478) with its communes Phú Đa (19942) and Phú Thuận (19903);
# A Lưới district (481) with A Ngo (20068).
PROVINCE, PHU_VANG, A_LUOI = "46", "478", "481"
PHU_DA, PHU_THUAN, A_NGO = "19942", "19903", "20068"
HELD_ON = datetime.date(2023, 5, 12)


@pytest.fixture
def checklist(db):
    """The default checklist of the data migration (again, after a flushing test)."""
    seed_checklist(Criterion, RatingThreshold)
    return list(Criterion.objects.for_year(2023))


def full_scores(criteria, value=8):
    return {criterion.code: value for criterion in criteria}


@pytest.fixture
def province_plan(hue_units):
    return PlanFactory(organiser=unit(PROVINCE), year=2023, title="Giám sát năm 2023")


@pytest.fixture
def visit(province_plan):
    return VisitFactory(plan=province_plan, unit=unit(PHU_VANG))


@pytest.fixture
def far_visit(province_plan):
    return VisitFactory(plan=province_plan, unit=unit(A_LUOI))


def record(visit, by, criteria, *, recommendations=(), held_on=HELD_ON, value=8, today=None):
    return record_visit(
        visit=visit,
        held_on=held_on,
        findings="Đã triển khai kế hoạch truyền thông.",
        scores=full_scores(criteria, value),
        recommendations=list(recommendations),
        by=by,
        strengths=["Đài truyền thanh hoạt động đều"],
        shortcomings=["Chưa có tuyên truyền viên ở một số thôn"],
        today=today,
    )
