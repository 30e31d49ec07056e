"""A province officer signs in to the Vietnamese back office from a phone."""

import re

import pytest
from playwright.sync_api import expect

from giamngheo.demo.services import DEMO_PASSWORD, load_demo
from giamngheo.portal.services import ensure_home_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def demo_site(hue_units, wagtail_tree):
    ensure_home_page()
    load_demo(seed=1, parts=["users"])


def test_home_page_then_admin_sign_in_in_vietnamese(live_server, phone, demo_site):
    phone.goto(live_server.url + "/")
    assert phone.locator("html").get_attribute("lang") == "vi"
    assert "Giảm nghèo bền vững" in phone.locator("h1").inner_text()

    phone.goto(live_server.url + "/admin/")
    phone.fill("input[name=username]", "tinh")
    phone.fill("input[name=password]", DEMO_PASSWORD)
    phone.get_by_role("button", name="Đăng nhập").click()
    phone.wait_for_url(live_server.url + "/admin/")
    assert phone.locator("html").get_attribute("lang") == "vi"
    expect(phone).to_have_title(re.compile("Trang tổng quan"))
    phone.goto(live_server.url + "/admin/broadcasts/")
    expect(phone.locator("h1").first).to_contain_text("Chương trình phát thanh")


def test_wrong_password_shows_a_vietnamese_error(live_server, phone, demo_site):
    phone.goto(live_server.url + "/admin/login/")
    phone.fill("input[name=username]", "tinh")
    phone.fill("input[name=password]", "sai")
    phone.get_by_role("button", name="Đăng nhập").click()
    expect(phone.locator("body")).to_contain_text("không khớp")
