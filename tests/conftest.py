"""Fixtures shared by the whole suite.

The administrative units of Huế (all three maps, with successions) are
imported once per test database: most tests need the real map.
"""

import datetime

import pytest

from giamngheo.units.models import Unit
from giamngheo.units.services import import_units

HUE = "46"
# Days on which each of the three maps of Huế is in force.
ON_2021_MAP = datetime.date(2023, 6, 30)
ON_2025_JAN_MAP = datetime.date(2025, 3, 1)
ON_CURRENT_MAP = datetime.date(2025, 12, 1)


def ensure_hue_units() -> None:
    if not Unit.objects.of_province(HUE).exists():
        import_units(province_code=HUE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_hue_units()


@pytest.fixture
def hue_units(db):
    """The units of Huế; re-imported after a transactional test flushed them."""
    ensure_hue_units()


def unit(code: str, on: datetime.date = ON_2021_MAP) -> Unit:
    return Unit.objects.in_force(on).get(code=code)
