"""On a phone the portal installs as an app and still answers without a network."""

import json

import pytest
from playwright.sync_api import expect

from giamngheo.portal.services import ensure_portal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def portal(hue_units, wagtail_tree):
    return ensure_portal()


def wait_for_control(page) -> None:
    """Until the worker is active, then reload so that it controls the page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def test_the_worker_controls_the_page_and_shows_the_offline_page_without_network(
    live_server, phone, portal
):
    phone.goto(live_server.url + "/")
    wait_for_control(phone)
    assert phone.evaluate("navigator.serviceWorker.controller.scriptURL") == (
        live_server.url + "/sw.js"
    )

    phone.context.set_offline(True)
    phone.goto(live_server.url + "/tin-tuc/bai-chua-doc/")
    expect(phone.locator("[data-offline-page]")).to_be_visible()
    assert phone.locator("html").get_attribute("lang") == "vi"
    # The style sheet came from the phone: the header keeps the brand colour.
    header = phone.evaluate(
        "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert header == "rgb(163, 17, 27)"
    # The offline page fits the phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1

    # A page read before is still there.
    phone.goto(live_server.url + "/")
    expect(phone.locator("h1")).to_contain_text("Giảm nghèo bền vững")
    phone.context.set_offline(False)


def test_the_manifest_parses_and_its_icons_are_reachable(live_server, phone, portal):
    phone.goto(live_server.url + "/")
    href = phone.locator("link[rel=manifest]").get_attribute("href")
    response = phone.request.get(live_server.url + href)
    assert response.ok
    manifest = json.loads(response.text())
    assert manifest["display"] == "standalone"
    assert any(icon["purpose"] == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        image = phone.request.get(live_server.url + icon["src"])
        assert image.ok, icon["src"]
        assert image.headers["content-type"] == "image/png"
    touch_icon = phone.locator("link[rel=apple-touch-icon]").get_attribute("href")
    assert phone.request.get(live_server.url + touch_icon).ok
