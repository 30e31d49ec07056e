import pytest

from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import unit

# Phú Vang district (478) with its communes Phú Đa (19942) and Phú Thuận (19903);
# A Ngo (20068) is in A Lưới district (481).
PHU_VANG, PHU_DA, PHU_THUAN, A_NGO = "478", "19942", "19903", "20068"


@pytest.fixture
def own_broadcast(hue_units):
    return BroadcastFactory(commune=unit(PHU_DA), title="Tin giảm nghèo Phú Đa")


@pytest.fixture
def neighbour_broadcast(hue_units):
    return BroadcastFactory(commune=unit(PHU_THUAN), title="Tin giảm nghèo Phú Thuận")


@pytest.fixture
def far_broadcast(hue_units):
    return BroadcastFactory(commune=unit(A_NGO), title="Tin giảm nghèo A Ngo")
