"""A commune officer logs a week of radio on a phone; the province reads the dashboard."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from giamngheo.broadcasts.models import Broadcast, monday_of
from tests.accounts.factories import PASSWORD, UserFactory
from tests.conftest import unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username):
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r".*/admin/$"))


def test_commune_officer_logs_a_week_on_a_phone(live_server, phone, hue_units, wagtail_tree):
    today = timezone.localdate()
    commune = unit("19942", today)  # Phú Đa's code in today's map
    UserFactory(username="xa.phuda", role="commune_officer", unit=commune)
    sign_in(phone, live_server, "xa.phuda")

    phone.goto(live_server.url + "/admin/radio/week/")
    expect(phone.locator("h1").first).to_contain_text("Nhập phát thanh cả tuần")
    monday = monday_of(today) - datetime.timedelta(days=7)
    phone.fill("input[name=week]", monday.isoformat())
    phone.fill("input[name='p-0-on']", monday.isoformat())
    phone.fill("input[name='p-0-title']", "Chính sách hỗ trợ nhà ở")
    phone.fill("input[name='p-0-minutes']", "15")
    wednesday = monday + datetime.timedelta(days=2)
    phone.fill("input[name='p-1-on']", wednesday.isoformat())
    phone.fill("input[name='p-1-title']", "Vay vốn ưu đãi")
    phone.fill("input[name='p-1-minutes']", "20")
    phone.select_option("select[name='p-1-source']", "province")
    # The form fits a phone: no sideways scrolling.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    phone.get_by_role("button", name="Lưu cả tuần").click()

    expect(phone.locator("body")).to_contain_text("Đã ghi 2 chương trình")
    expect(phone.locator("body")).to_contain_text("Vay vốn ưu đãi")
    assert Broadcast.objects.filter(commune=commune, week_start=monday).count() == 2


def test_province_reads_the_dashboard_with_its_chart_and_tables(
    live_server, browser, hue_units, wagtail_tree
):
    from tests.broadcasts.factories import BroadcastFactory

    for code in ["19942", "19903", "20068"]:
        BroadcastFactory(commune=unit(code), on=datetime.date(2023, 6, 5))
    UserFactory(username="tinh.kpi", role="province_staff", unit=unit("46"))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "tinh.kpi")
    page.goto(live_server.url + "/admin/kpi/?year=2023")
    expect(page.locator("h1").first).to_contain_text("Trang tổng quan chỉ tiêu")
    cards = page.locator(".kpi-card")
    expect(cards).to_have_count(3)
    expect(cards.nth(1)).to_contain_text("80%")
    # The chart library (served from our static files) drew the trend.
    assert page.evaluate("typeof window.Chart") == "function"
    assert page.evaluate("!!Chart.getChart(document.getElementById('kpi-chart'))")
    # The heat-map lists the communes of the 2023 map, and links to their programmes.
    expect(page.locator(".heat-map tbody tr")).to_have_count(141)
    page.get_by_role("link", name="Thị trấn Phú Đa").first.click()
    expect(page.locator("body")).to_contain_text("Chương trình phát thanh")
    context.close()
