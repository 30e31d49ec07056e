"""The dashboard's XLSX exports hold numbers as numbers, with a number format and
their unit named: what an official sums or charts in Excel without retyping."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import unit

URL = reverse("indicators_dashboard")
WEEK = datetime.date(2023, 6, 5)


@pytest.fixture
def some_radio(hue_units):
    for code in ["19942", "19903", "20068"]:
        BroadcastFactory(commune=unit(code), on=WEEK)


def _sheets(client, export):
    response = client.get(URL, {"year": 2023, "export": export})
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content)).worksheets


def test_the_summary_export_has_numbers_and_a_unit_column(client, province_staff, some_radio):
    client.force_login(province_staff)
    indicators, trend = _sheets(client, "summary")
    with translation.override("vi"):
        assert [c.value for c in indicators[1]][:4] == [
            _("Indicator"),
            _("Unit of measure"),
            _("Value"),
            _("Target"),
        ]
    rows = {row[0].value: row for row in indicators.iter_rows(min_row=2)}
    radio = next(row for name, row in rows.items() if "phát thanh" in name.lower())
    assert radio[1].value == "%"
    value, target = radio[2], radio[3]
    assert isinstance(value.value, int | float) and isinstance(target.value, int | float)
    assert target.value == 80 and target.number_format == "#,##0"
    assert not any(
        isinstance(c.value, str) and c.value.endswith("%") for row in rows.values() for c in row[2:]
    )
    assert all(
        c.value is None or isinstance(c.value, int | float)
        for row in trend.iter_rows(min_row=2)
        for c in row[2:]
    )


def test_the_radio_export_holds_shares_as_percentages(client, district_officer, some_radio):
    client.force_login(district_officer)
    communes, weeks = _sheets(client, "radio")
    header = communes.cell(row=1, column=3).value
    assert header.endswith("(%)")
    shares = [communes.cell(row=r, column=3) for r in range(2, communes.max_row + 1)]
    assert shares and all(c.number_format == "0.0%" for c in shares)
    assert all(0 <= c.value <= 1 for c in shares)
    june = next(r for r in weeks.iter_rows(min_row=2) if r[0].value.date() == WEEK)
    assert june[0].number_format == "dd/mm/yyyy"
    assert june[3].number_format == "0.0%" and june[3].value == round(2 / 14, 3)
