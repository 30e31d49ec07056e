"""A commune officer signs in on a phone, sees this week's gaps and logs the week from there."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from giamngheo.broadcasts.models import Broadcast, monday_of
from tests.accounts.factories import PASSWORD, UserFactory
from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_commune_officer_lands_on_this_weeks_gaps_and_logs_the_week(
    live_server, phone, hue_units, wagtail_tree
):
    today = timezone.localdate()
    monday = monday_of(today)
    commune = unit("19942", today)  # Xã Phú Vang on today's map
    if today != monday:
        BroadcastFactory(commune=commune, on=monday, title="Bản tin giảm nghèo đầu tuần")
    UserFactory(username="xa.landing", role="commune_officer", unit=commune)

    phone.goto(live_server.url + "/admin/login/")
    phone.fill("input[name=username]", "xa.landing")
    phone.fill("input[name=password]", PASSWORD)
    phone.get_by_role("button", name="Đăng nhập").click()
    phone.wait_for_url(re.compile(r".*/admin/$"))

    # The first thing on the page is this week's radio, today a day with nothing logged.
    panel = phone.locator("#radio-week-section")
    expect(panel).to_contain_text("Truyền thanh xã tuần này: Xã Phú Vang")
    missing = panel.locator(".radio-day--missing")
    expect(missing.last).to_contain_text(today.strftime("%d/%m"))
    expect(missing.last).to_contain_text("Chưa ghi")
    expect(panel).to_contain_text("Những ngày chưa ghi chương trình:")
    # The home page fits a phone: no sideways scrolling.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1

    panel.get_by_role("link", name="Nhập cả tuần").click()
    expect(phone.locator("h1").first).to_contain_text("Nhập phát thanh cả tuần")
    expect(phone.locator("input[name=week]")).to_have_value(monday.isoformat())
    phone.fill("input[name='p-0-on']", today.isoformat())
    phone.fill("input[name='p-0-title']", "Chính sách hỗ trợ sinh kế")
    phone.fill("input[name='p-0-minutes']", "15")
    phone.get_by_role("button", name="Lưu cả tuần").click()
    expect(phone.locator("body")).to_contain_text("Đã ghi 1 chương trình")

    phone.goto(live_server.url + "/admin/")
    expect(phone.locator("#radio-week-section .radio-day--logged").last).to_contain_text(
        today.strftime("%d/%m")
    )
    assert Broadcast.objects.filter(commune=commune, on=today).exists()
