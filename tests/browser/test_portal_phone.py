"""The portal on a small phone (360×640): the menu folds behind a button, wide tables
scroll in their box with a visible cue, tracking codes stay on one line, and a
citizen who answers the home page's poll sees the results at once although the home
page is cached for everyone."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from giamngheo.engagement.models import Vote
from giamngheo.feedback.models import AnswerTemplate, FeedbackCategory
from giamngheo.feedback.seed import seed_categories
from giamngheo.portal.services import ensure_portal
from tests.accounts.factories import PASSWORD, UserFactory
from tests.browser.test_accessibility import AXE, serious_violations
from tests.conftest import unit
from tests.engagement.factories import PollFactory
from tests.feedback.factories import FeedbackFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SMALL_PHONE = {"width": 360, "height": 640}
QUESTION = "Bạn biết Chương trình giảm nghèo qua kênh nào?"


@pytest.fixture
def portal(hue_units, wagtail_tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # The page cache on, as in production (the test settings turn it off).
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()
    ensure_portal()
    yield
    cache.clear()


def new_phone(browser):
    context = browser.new_context(
        viewport=SMALL_PHONE, locale="vi-VN", is_mobile=True, has_touch=True
    )
    return context, context.new_page()


@pytest.fixture
def small_phone(browser):
    context, page = new_phone(browser)
    yield page
    context.close()


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= SMALL_PHONE["width"]


def test_the_menu_folds_behind_a_button_that_works_by_keyboard(live_server, small_phone, portal):
    small_phone.goto(live_server.url + "/")
    menu = small_phone.locator("nav.main-menu")
    toggle = menu.locator("button.menu-toggle")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert menu.bounding_box()["height"] < 0.4 * SMALL_PHONE["height"]
    first_section = menu.get_by_role("link").first
    expect(first_section).to_be_hidden()

    toggle.focus()
    small_phone.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(first_section).to_be_visible()
    small_phone.keyboard.press("Tab")
    expect(first_section).to_be_focused()
    small_phone.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(first_section).to_be_hidden()
    assert fits_the_phone(small_phone)


def test_on_a_wide_screen_the_menu_shows_its_sections(live_server, browser, portal):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/")
    expect(page.locator("button.menu-toggle")).to_be_hidden()
    expect(page.locator("nav.main-menu").get_by_role("link").first).to_be_visible()
    context.close()


def test_wide_tables_scroll_in_their_box_with_a_cue(live_server, small_phone, portal):
    small_phone.goto(live_server.url + "/ket-qua/")
    assert fits_the_phone(small_phone)
    boxes = small_phone.locator(".table-scroll")
    assert boxes.count() > 0
    overflowing = 0
    for index in range(boxes.count()):
        box = boxes.nth(index)
        scroll, client = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
        if scroll > client:
            overflowing += 1
            # The shade at the hidden side is a background of the box itself.
            assert "gradient" in box.evaluate("b => getComputedStyle(b).backgroundImage")
            assert box.evaluate("b => getComputedStyle(b).overflowX") == "auto"
    assert overflowing > 0, "no table of the results page is wider than a 360 px phone"
    # The chart's legend is HTML under it: each indicator's long name wraps on the screen.
    legend = small_phone.locator(".chart-legend li")
    expect(legend.first).to_be_visible()
    for item in legend.all():
        box = item.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= SMALL_PHONE["width"]
    assert small_phone.locator("#kpi-chart").bounding_box()["width"] <= SMALL_PHONE["width"]


def test_a_tracking_code_stays_on_one_line(live_server, small_phone, portal):
    seed_categories(FeedbackCategory, AnswerTemplate)
    case = FeedbackFactory(commune=unit("19942"))
    small_phone.goto(live_server.url + f"/phan-anh/tra-cuu/{case.tracking_code}/?moi=1")
    code = small_phone.locator("#tracking-code")
    expect(code).to_have_text(case.tracking_code)
    assert code.evaluate("c => c.getClientRects().length") == 1
    assert code.bounding_box()["x"] + code.bounding_box()["width"] <= SMALL_PHONE["width"]
    assert fits_the_phone(small_phone)


def test_tracking_codes_in_the_officers_list_of_cases_stay_on_one_line(
    live_server, small_phone, portal
):
    seed_categories(FeedbackCategory, AnswerTemplate)
    commune = unit("19942", timezone.localdate())
    UserFactory(username="xa.phuvang", role="commune_officer", unit=commune)
    codes = [FeedbackFactory(commune=commune, assigned_unit=commune).tracking_code for _ in "ab"]
    small_phone.goto(live_server.url + "/admin/login/")
    small_phone.fill("input[name=username]", "xa.phuvang")
    small_phone.fill("input[name=password]", PASSWORD)
    small_phone.locator("form button[type=submit]").first.click()
    small_phone.wait_for_url(re.compile(r".*/admin/$"))
    small_phone.goto(live_server.url + reverse("feedback_cases:index"))
    for code in codes:
        link = small_phone.locator("td.tracking-code a", has_text=code)
        expect(link).to_have_text(code)
        assert link.evaluate("a => a.getClientRects().length") == 1


def test_a_citizen_answers_on_the_cached_home_page_and_sees_the_results(
    live_server, browser, portal
):
    PollFactory(question=QUESTION, choices=["Loa truyền thanh xã", "Tivi", "Zalo"])
    first, citizen = new_phone(browser)
    response = citizen.goto(live_server.url + "/")
    assert response.headers["x-page-cache"] == "miss"
    block = citizen.locator(".home-poll")
    # The visitor's own block has replaced the cached one: its form posts.
    expect(block.locator("form[method=post]")).to_be_visible()
    block.get_by_label("Tivi").check()
    block.get_by_role("button").click()
    results = citizen.locator("table.poll-results")
    expect(results).to_be_visible()
    expect(results.locator("tr", has_text="Tivi")).to_contain_text("100%")
    assert Vote.objects.get().choice.text == "Tivi"
    assert fits_the_phone(citizen)

    # Back, as a phone's back button does: the block asks again and shows the results.
    citizen.go_back()
    expect(block.locator("table.poll-results")).to_be_visible()

    # Home again: the page comes from the cache, the block shows this visitor's results.
    response = citizen.goto(live_server.url + "/")
    assert response.headers["x-page-cache"] == "hit"
    expect(block.locator("table.poll-results")).to_be_visible()
    expect(block.locator("form")).to_have_count(0)

    # Another visitor gets the same cached page, and the form, not the first one's answer.
    second, neighbour = new_phone(browser)
    response = neighbour.goto(live_server.url + "/")
    assert response.headers["x-page-cache"] == "hit"
    assert "poll-results" not in response.text()
    expect(neighbour.locator(".home-poll form[method=post]")).to_be_visible()
    expect(neighbour.locator(".home-poll table.poll-results")).to_have_count(0)
    first.close()
    second.close()


def test_the_home_page_on_a_small_phone_passes_axe_with_the_menu_folded_and_open(
    live_server, small_phone, portal
):
    if not AXE.exists():
        pytest.skip("needs axe-core from npm: make install")
    PollFactory(question=QUESTION, choices=["Loa truyền thanh xã", "Tivi", "Zalo"])
    small_phone.goto(live_server.url + "/")
    expect(small_phone.locator(".home-poll form[method=post]")).to_be_visible()
    assert serious_violations(small_phone) == []
    small_phone.locator("button.menu-toggle").click()
    assert serious_violations(small_phone) == []
    small_phone.goto(live_server.url + "/ket-qua/")
    assert serious_violations(small_phone) == []
