"""A citizen on a phone finds a policy typed without accents, and shares an article."""

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from giamngheo.portal.services import ensure_portal
from tests.portal.factories import ArticlePageFactory, ImageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def portal(wagtail_tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return ensure_portal()


def test_a_citizen_finds_directive_05_typed_without_accents_from_the_header(
    live_server, phone, portal
):
    phone.goto(live_server.url + "/")
    box = phone.get_by_role("searchbox", name="Search the portal").or_(
        phone.locator("#site-search")
    )
    box.fill("chi thi giam ngheo")
    box.press("Enter")
    phone.wait_for_url(re.compile(r"/tim-kiem/\?q=chi"))
    first = phone.locator(".search-result h2 a").first
    expect(first).to_contain_text("Chỉ thị về tăng cường sự lãnh đạo của Đảng")
    first.click()
    expect(phone.locator("h1")).to_contain_text("Chỉ thị về tăng cường sự lãnh đạo")
    expect(phone.locator(".document-facts")).to_contain_text("05-CT/TW")

    # The number works too, typed any way.
    phone.locator("#site-search").fill("05-ct")
    phone.locator("#site-search").press("Enter")
    expect(phone.locator(".search-result h2 a").first).to_contain_text("Chỉ thị")
    # Nothing sticks out sideways on a 390 px phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_an_article_carries_its_preview_and_shares_its_canonical_address(
    live_server, phone, portal
):
    image = ImageFactory(description="Hộ nghèo nhận bò giống", file__width=1400, file__height=800)
    article = ArticlePageFactory(
        title="Trao bò giống cho hộ nghèo",
        slug="trao-bo-giong",
        lead="Hai mươi hộ nghèo nhận bò giống.",
        image=image,
    )
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    phone.goto(live_server.url + article.url)

    def meta(key: str) -> str:
        return phone.locator(f"meta[property='{key}'], meta[name='{key}']").get_attribute("content")

    canonical = phone.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == "http://localhost/tin-tuc/trao-bo-giong/"
    assert meta("og:title") == "Trao bò giống cho hộ nghèo"
    assert re.match(r"https?://[^/]+/media/images/.+\.jpg$", meta("og:image"))
    assert meta("twitter:card") == "summary_large_image"
    assert meta("og:url") == canonical

    share = phone.locator("section.share")
    hrefs = [link.get_attribute("href") for link in share.locator("a").all()]
    assert len(hrefs) == 3  # Facebook, e-mail, SMS
    for href in hrefs:
        assert quote(canonical, safe="") in href
    # The share button is there once share.js runs; Chromium on Linux has no share
    # sheet, so it copies the link.
    button = share.locator("button[data-share-url]")
    expect(button).to_be_visible()
    button.click()
    expect(share.locator(".share-status")).not_to_be_empty()
    assert phone.evaluate("navigator.clipboard.readText()") == canonical
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
