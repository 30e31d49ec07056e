import datetime

import pytest

from giamngheo.activities.kinds import SEED_KINDS
from giamngheo.activities.models import ActivityKind
from giamngheo.indicators.models import ProgrammePeriod
from tests.conftest import unit

# Phú Vang (478) is the district_officer's, Phú Đa (19942) the commune_officer's and one
# of Phú Vang's communes; Phú Thuận (19903) another Phú Vang commune; A Lưới (481) elsewhere.
PHU_VANG, PHU_DA, PHU_THUAN, A_LUOI = "478", "19942", "19903", "481"


@pytest.fixture(autouse=True)
def kinds(db):
    # Seeded by a migration; put back after a transactional test's flush.
    for order, (code, name, group, plan_type) in enumerate(SEED_KINDS, start=1):
        ActivityKind.objects.get_or_create(
            code=code,
            defaults={"name": name, "group": group, "plan_type": plan_type, "sort_order": order},
        )


@pytest.fixture
def period(db):
    period, _created = ProgrammePeriod.objects.get_or_create(
        name="2021–2025",
        defaults={"start": datetime.date(2021, 1, 1), "end": datetime.date(2025, 12, 31)},
    )
    return period


@pytest.fixture
def phu_vang(hue_units):
    return unit(PHU_VANG)


@pytest.fixture
def phu_da(hue_units):
    return unit(PHU_DA)


@pytest.fixture
def a_luoi(hue_units):
    return unit(A_LUOI)


@pytest.fixture(autouse=True)
def english():
    """Services and models speak the English msgids here; pages use the site's language."""
    from django.utils import translation

    with translation.override("en"):
        yield


def site_headers() -> list[str]:
    """The import template's headers as a page in the site's language offers them."""
    from django.conf import settings
    from django.utils import translation

    from giamngheo.activities.importers import activity_columns

    with translation.override(settings.LANGUAGE_CODE):
        return [column.header for column in activity_columns()]
