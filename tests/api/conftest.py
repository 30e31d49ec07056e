import pytest
from django.utils import timezone

from giamngheo.api.models import UnitApiKey
from tests.conftest import unit

THUAN_AN = "19900"  # Phường Thuận An, on today's map
PHU_VANG = "19942"  # Xã Phú Vang, another commune of today's map


def issue_key(code: str, name: str = "Đài truyền thanh") -> str:
    """A unit key as province staff would issue it; the raw key, as shown once."""
    key = UnitApiKey(name=name, unit=unit(code, timezone.localdate()))
    raw = UnitApiKey.new_raw_key()
    key.set_key(raw)
    key.save()
    return raw


@pytest.fixture
def thuan_an_key(hue_units):
    return issue_key(THUAN_AN)
