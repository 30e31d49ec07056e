"""WCAG 2.1 AA as a property of every page: a crawl, not a list.

On the whole demo data set (forty communes: tables wide and long enough to
overflow a phone), the test follows every link of the portal from the home
page, and every admin menu entry of each role, and runs axe-core on each page
at phone and desktop width. A new page is covered as soon as something links
to it; any serious or critical violation fails with its rule and elements.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from urllib.parse import urljoin, urlsplit

import pytest
from django.apps import apps
from playwright.sync_api import Error as PlaywrightError
from wagtail.models import Page

from giamngheo.demo.services import DEMO_PASSWORD
from giamngheo.portal.base import PortalPage
from tests.snapshots import restore_demo

from .test_accessibility import AXE, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

VIEWPORTS = ({"width": 390, "height": 844}, {"width": 1280, "height": 900})
# Addresses that are files, feeds or actions rather than pages a person reads.
SKIPPED = re.compile(
    r"^/(admin|django-admin|static|media|documents|feeds|sitemap\.xml|robots\.txt|open311|api)"
    r"|\.(xml|mp3|m4a|pdf|docx?|xlsx|csv|jpe?g|png|webp|avif|ics|json)$"
)
# Pages of one listing share a template: one of each folder (and one variant of a
# page's query) is enough to catch a template's fault and keeps the crawl short.
PER_FOLDER = 1
MAX_PAGES = 60
# Province staff see every back-office menu, the district and commune officers
# their own versions of its screens, the editor the pages, images and documents.
ROLES = ("tinh", "huyen", "xa", "bientap")
# Admin addresses whose pages are downloads or actions, not screens.
ADMIN_SKIPPED = re.compile(r"logout|export=|/xuat|\.xlsx|\.pdf|import-template|/mau/")


@pytest.fixture
def demo(hue_units, wagtail_tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    restore_demo("whole")


def portal_addresses(tab, base: str) -> list[str]:
    """Every page reachable from the home page, two per folder, within the cap."""
    # The home page, and pages that are results of an action or never linked.
    seeds = ["/", "/tim-kiem/?q=giam+ngheo", "/phan-anh/tra-cuu/", "/offline/", "/trang-khong-co/"]
    queue, seen = list(seeds), set(seeds)
    per_folder: dict[str, int] = defaultdict(int)
    visited = []
    while queue and len(visited) < MAX_PAGES:
        address = queue.pop(0)
        try:
            response = tab.goto(base + address)
        except PlaywrightError as error:  # a download (CSV, calendar) is not a page
            if "Download is starting" in str(error):
                continue
            raise
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        visited.append(address)
        for href in tab.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            parts = urlsplit(urljoin(base + address, href))
            if parts.netloc != urlsplit(base).netloc or SKIPPED.search(parts.path):
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if link in seen:
                continue
            # Pages under a section, and one page's variants (?page=, ?category=) are
            # rationed; the sections themselves (one path segment) are all read.
            folder = f"{parts.path}?" if parts.query else parts.path.rstrip("/").rsplit("/", 1)[0]
            if folder and per_folder[folder] >= PER_FOLDER:
                continue
            seen.add(link)
            per_folder[folder] += 1
            queue.append(link)
    return visited


def admin_addresses(tab) -> list[str]:
    """The dashboard and every entry of the admin menu the signed-in role sees."""
    props = tab.locator("#wagtail-sidebar-props").text_content() or "{}"
    urls = re.findall(r'"url":\s*"(/admin/[^"]*)"', json.dumps(json.loads(props)))
    return ["/admin/", *sorted({url for url in urls if not ADMIN_SKIPPED.search(url)})]


def check(tab, base: str, addresses: list[str], found: dict, label: str) -> None:
    for address in addresses:
        tab.goto(base + address)
        if problems := serious_violations(tab):
            found[f"{label} {address}"] = problems


def test_every_page_reachable_from_home_and_every_admin_menu_page_passes_axe(
    live_server, browser, demo
):
    if not AXE.exists():
        pytest.skip("needs axe-core from npm: make install")
    found: dict[str, list[str]] = {}
    context = browser.new_context(viewport=VIEWPORTS[1])
    crawled = portal_addresses(context.new_page(), live_server.url)
    context.close()
    # The crawl reaches every kind of portal page, so none escapes the check.
    reached = {
        type(page.specific)
        for page in Page.objects.live().public()
        if page.url and page.url in crawled
    }
    portal_types = {m for m in apps.get_models() if issubclass(m, PortalPage)}
    missing = sorted(model.__name__ for model in portal_types - reached)
    assert missing == [], f"no link leads to these page types; crawled {crawled}"

    for viewport in VIEWPORTS:
        context = browser.new_context(viewport=viewport)
        check(context.new_page(), live_server.url, crawled, found, f"{viewport['width']}px")
        context.close()

    # A screen another role already showed uses the same template: each role checks its
    # dashboard (the landing page differs by role) and the screens no role before showed.
    checked: set[str] = set()
    for username in ROLES:
        for viewport in VIEWPORTS:
            context = browser.new_context(viewport=viewport)
            tab = context.new_page()
            tab.goto(live_server.url + "/admin/login/")
            tab.fill("input[name=username]", username)
            tab.fill("input[name=password]", DEMO_PASSWORD)
            tab.locator("form button[type=submit]").first.click()
            tab.wait_for_url(live_server.url + "/admin/")
            addresses = [a for a in admin_addresses(tab) if a == "/admin/" or a not in checked]
            label = f"{username} {viewport['width']}px"
            check(tab, live_server.url, addresses, found, label)
            context.close()
        checked.update(addresses)
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


def test_the_crawl_follows_links_it_finds(live_server, browser, hue_units, wagtail_tree):
    # The crawl passing means something only if it reaches pages it was not given.
    from giamngheo.portal.services import ensure_portal

    ensure_portal()
    context = browser.new_context(viewport=VIEWPORTS[1])
    crawled = portal_addresses(context.new_page(), live_server.url)
    context.close()
    assert "/tuyen-bo-tiep-can/" in crawled  # linked from every footer
    assert len(crawled) > 5
