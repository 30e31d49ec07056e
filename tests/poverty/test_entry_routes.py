"""One rule for a poverty figure, whichever way it comes in: the same table of good
and bad figures through the record form and the Excel import gets the same verdicts,
in the same Vietnamese words (``poverty.rules.FigureRule``; the demo loader asks it too).
"""

import pytest
from django.urls import reverse

from giamngheo.poverty.importers import import_statistics
from giamngheo.poverty.models import PovertyStatistic
from tests.conftest import unit

from .conftest import PHU_DA, PHU_THUAN, xlsx
from .factories import PovertyStatisticFactory

pytestmark = pytest.mark.django_db

# (unit code, year, households, poor, near-poor) → the refused field's words, or None.
CASES = [
    ((PHU_DA, 2023, 2450, 61, 98), None),
    ((PHU_DA, 2023, 100, 120, 0), "không được lớn hơn tổng số hộ"),
    ((PHU_DA, 2023, 100, 60, 50), "(110)"),
    ((PHU_DA, 2023, 0, 0, 0), "lớn hơn 0"),
    ((PHU_DA, 2099, 2450, 61, 98), "2099"),
    ((PHU_DA, 2020, 2450, 61, 98), "không có hiệu lực trong năm 2020"),
    ((PHU_THUAN, 2022, 2450, 61, 98), "đã có số liệu năm 2022"),
]


@pytest.fixture
def stored(hue_units):
    PovertyStatisticFactory(unit=unit(PHU_THUAN), year=2022)


def through_the_form(client, values) -> str | None:
    code, year, households, poor, near_poor = values
    count = PovertyStatistic.objects.count()
    response = client.post(
        reverse("poverty_statistics:add"),
        {
            "unit": unit(code).pk,
            "year": year,
            "households": households,
            "poor_households": poor,
            "near_poor_households": near_poor,
            "poverty_standard": "",
            "source": "",
            "notes": "",
        },
    )
    if response.status_code == 302:
        assert PovertyStatistic.objects.count() == count + 1
        return None
    form = response.context["form"]
    return " ".join(message for messages in form.errors.values() for message in messages)


def through_the_import(user, values) -> str | None:
    report = import_statistics(upload=xlsx([[*values, "", ""]]), by=user)
    if not report.has_errors:
        assert report.created == 1
        return None
    return " ".join(str(error) for error in report.errors)


@pytest.mark.parametrize(("values", "refusal"), CASES)
@pytest.mark.parametrize("route", ["form", "import"])
def test_every_route_gives_the_same_verdict(client, province_staff, stored, route, values, refusal):
    if route == "form":
        client.force_login(province_staff)
        said = through_the_form(client, values)
    else:
        said = through_the_import(province_staff, values)
    if refusal is None:
        assert said is None
    else:
        assert said is not None and refusal in said, said
