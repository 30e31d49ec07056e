import datetime

import pytest

from tests.conftest import unit

PHU_DA, PHU_THUAN, A_NGO = "19942", "19903", "20068"


@pytest.fixture
def monday():
    """A Monday of 2023, long past: its week is locked unless reopened."""
    return datetime.date(2023, 6, 5)


@pytest.fixture
def phu_da(hue_units):
    return unit(PHU_DA)
