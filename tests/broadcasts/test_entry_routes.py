"""One rule for a radio programme, whichever way it comes in.

The same table of good and bad programmes goes through the single form, the week
grid, the Excel import and the service the API and the demo loader call; each
route must store or refuse it alike, and say why in the same words.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from giamngheo.api.models import UnitApiKey
from giamngheo.broadcasts import services
from giamngheo.broadcasts.models import Broadcast, monday_of
from tests.accounts.factories import UserFactory
from tests.broadcasts.test_import import upload, xlsx
from tests.broadcasts.test_week_entry import post_week
from tests.conftest import unit

TODAY = timezone.localdate()
LAST_MONDAY = monday_of(TODAY) - datetime.timedelta(days=7)
THUAN_AN = "19900"  # Phường Thuận An, on today's map
OTHER = "19942"  # Xã Phú Vang, another commune of today's map

# (case, commune code, date, title, minutes, what the user reads; None: stored)
CASES = [
    ("good", THUAN_AN, LAST_MONDAY, "Chính sách nhà ở", 15, None),
    ("a 2026 date in the new period", THUAN_AN, LAST_MONDAY, "Bảo hiểm y tế", 20, None),
    ("future", THUAN_AN, TODAY + datetime.timedelta(days=1), "Ngày mai", 15, "ở tương lai"),
    ("too long", THUAN_AN, LAST_MONDAY, "Cả ngày", 2000, "từ 1 đến 1.440 phút"),
    ("already logged", THUAN_AN, LAST_MONDAY, "đã phát rồi", 15, "đã có trong sổ"),
    ("locked week", THUAN_AN, LAST_MONDAY - datetime.timedelta(days=28), "Muộn", 15, "khóa"),
    ("before the ward existed", THUAN_AN, datetime.date(2021, 6, 7), "Cũ", 15, "chưa có"),
    ("not my commune", OTHER, LAST_MONDAY, "Xã khác", 15, "không thuộc các xã"),
]
# A form cannot even offer a commune outside the user's: its list says so in its own words.
NOT_OFFERED = "Hãy chọn một lựa chọn hợp lệ"
ROUTES = ["form", "week grid", "import", "service", "api"]


@pytest.fixture
def officer(hue_units):
    return UserFactory(role="commune_officer", unit=unit(THUAN_AN, TODAY))


def commune_for(code, on):
    # The version of the code in force on the date, or the latest one.
    versions = sorted(unit_versions(code), key=lambda u: u.valid_from, reverse=True)
    return next((u for u in versions if u.is_in_force(on)), versions[0])


def unit_versions(code):
    from giamngheo.units.models import Unit

    return Unit.objects.filter(code=code, level="commune")


def enter(route, client, officer, code, on, title, minutes) -> str:
    """Enter one programme by ``route``; what the user reads afterwards."""
    commune = commune_for(code, on)
    if route == "form":
        response = client.post(
            reverse("broadcasts:add"),
            {"commune": commune.pk, "on": on.isoformat(), "title": title, "minutes": minutes}
            | {"source": "own"},
        )
        return response.text
    if route == "week grid":
        row = {"on": on.isoformat(), "title": title, "minutes": str(minutes)}
        return post_week(client, commune, monday_of(on), [row]).text
    if route == "import":
        sheet = xlsx([[code, on.strftime("%d/%m/%Y"), title, minutes, ""]])
        return upload(client, sheet).text
    if route == "api":
        key = UnitApiKey(name="Đài xã", unit=officer.unit)
        raw = UnitApiKey.new_raw_key()
        key.set_key(raw)
        key.save()
        programme = {"commune": code, "date": on.isoformat(), "title": title, "minutes": minutes}
        response = client.post(
            "/api/v1/radio-programmes",
            {"programmes": [programme]},
            content_type="application/json",
            headers={"X-API-Key": raw},
        )
        return response.text
    try:
        services.record_programmes(
            [services.Programme(commune, on, title, minutes)], by=officer, refs=[""]
        )
    except ValidationError as error:
        return " ".join(error.messages)
    return ""


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize(("case", "code", "on", "title", "minutes", "message"), CASES)
def test_every_route_gives_the_same_verdict(
    client, officer, route, case, code, on, title, minutes, message
):
    client.force_login(officer)
    Broadcast.objects.create(
        commune=unit(THUAN_AN, TODAY), on=LAST_MONDAY, title="Đã phát rồi", minutes=10
    )
    before = Broadcast.objects.count()
    text = enter(route, client, officer, code, on, title, minutes)
    stored = Broadcast.objects.count() - before
    if message is None:
        assert stored == 1, text
    else:
        assert stored == 0
        if case == "not my commune" and route in ("form", "week grid"):
            message = NOT_OFFERED
        assert message in text


def test_an_import_row_lists_every_error_at_once(client, officer):
    client.force_login(officer)
    future = (TODAY + datetime.timedelta(days=3)).strftime("%d/%m/%Y")
    text = upload(client, xlsx([["99999", future, "Ba lỗi", "mười", ""]])).text
    assert "không có xã nào mang mã 99999" in text
    assert "ở tương lai" in text
    assert "không phải là số" in text
    assert Broadcast.objects.count() == 0


def test_ticking_valid_rows_only_with_no_valid_row_does_not_ask_to_tick_it(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("broadcasts_import"),
        {"file": xlsx([["99999", "01/12/2026", "Sai", 15, ""]]), "valid_rows_only": "on"},
    )
    assert "không có dòng nào hợp lệ" in response.text
    assert "Chưa nhập dòng nào. Vui lòng sửa" not in response.text  # "…or tick the box"
