import datetime

import pytest

from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.plans.services import ensure_plan_workflow
from tests.conftest import unit

from .factories import CommunicationPlanFactory

# Phú Vang (478) is the district of the district_officer fixture; A Lưới (481) another;
# Phú Đa (19942) a commune of Phú Vang.
PHU_VANG, A_LUOI, PHU_DA = "478", "481", "19942"


@pytest.fixture
def period(db):
    # The indicators migration seeds it; a transactional test may have flushed it since.
    period, _created = ProgrammePeriod.objects.get_or_create(
        name="2021–2025",
        defaults={"start": datetime.date(2021, 1, 1), "end": datetime.date(2025, 12, 31)},
    )
    return period


@pytest.fixture
def plan_workflow(hue_units, province_staff):
    # Created after every migrate; put back here after a transactional test's flush.
    return ensure_plan_workflow()


@pytest.fixture
def phu_vang(hue_units):
    return unit(PHU_VANG)


@pytest.fixture
def a_luoi(hue_units):
    return unit(A_LUOI)


@pytest.fixture
def own_plan(phu_vang, period):
    return CommunicationPlanFactory(unit=phu_vang, period=period, title="Kế hoạch Phú Vang 2023")


@pytest.fixture
def far_plan(a_luoi, period):
    return CommunicationPlanFactory(unit=a_luoi, period=period, title="Kế hoạch A Lưới 2023")
