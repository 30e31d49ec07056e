"""WCAG 2.1 AA: axe-core (from npm) in Chromium over every page type of the portal.

One page of each page type, taken from the demo content, plus the pages that
are not Wagtail pages (search results, the feedback form, the offline page);
each is checked on a phone and on a desktop, and any serious or critical
violation fails the test with its rule and the offending elements.
"""

import random
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from wagtail.models import Page

from giamngheo.demo.portal import load_portal
from giamngheo.engagement.demo import load_engagement
from giamngheo.portal.base import PortalPage

AXE = Path(settings.BASE_DIR) / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Pages that are views rather than Wagtail pages, by their address.
OTHER_PAGES = [
    "/tim-kiem/?q=giam+ngheo",
    "/offline/",
    "/phan-anh/",
    "/phan-anh/tra-cuu/",
    "/hoi-dap/",
    "/tham-do/",
    "/cuoc-thi/",
    "/tuyen-bo-tiep-can/",
    "/trang-khong-co/",
]


def portal_page_types() -> list[type[Page]]:
    """Every page type of the portal, whichever app defines it."""
    return [model for model in apps.get_models() if issubclass(model, PortalPage)]


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "rules => axe.run(document, {runOnly: {type: 'tag', values: rules}})", RULES
    )
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.browser
def test_no_page_type_has_a_serious_accessibility_violation(
    live_server, browser, hue_units, wagtail_tree, settings, tmp_path
):
    if not AXE.exists():
        pytest.skip("needs axe-core from npm: make install")
    settings.MEDIA_ROOT = tmp_path
    load_portal(random.Random(2021))
    load_engagement(random.Random(2021))
    addresses = []
    for page_type in portal_page_types():
        page = page_type.objects.live().public().first()
        assert page is not None, f"the demo has no {page_type.__name__}: add one"
        addresses.append(page.url)
    addresses += OTHER_PAGES

    found = {}
    for viewport in ({"width": 390, "height": 844}, {"width": 1280, "height": 900}):
        context = browser.new_context(viewport=viewport)
        tab = context.new_page()
        for address in addresses:
            tab.goto(live_server.url + address)
            if problems := serious_violations(tab):
                found[f"{address} at {viewport['width']}px"] = problems
        context.close()
    assert found == {}


@pytest.mark.browser
def test_the_check_finds_an_unlabelled_field_and_an_image_without_alt(browser):
    # The check above passing means something only if it can fail.
    if not AXE.exists():
        pytest.skip("needs axe-core from npm: make install")
    tab = browser.new_page()
    tab.set_content(
        '<html lang="vi"><head><title>t</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<input type="text" name="q"></main></body></html>'
    )
    problems = serious_violations(tab)
    tab.close()
    assert any(problem.startswith("image-alt") for problem in problems)
    assert any(problem.startswith("label") for problem in problems)
