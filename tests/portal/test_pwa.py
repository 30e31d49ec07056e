"""The portal installs as an app: manifest, service worker, offline page, language links."""

import json
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from giamngheo.portal.services import ensure_home_page


@pytest.fixture
def home(db):
    return ensure_home_page()


def brand_colour() -> str:
    css = finders.find("css/portal.css")
    return re.search(r"--brand:\s*(#[0-9a-fA-F]{3,6})", open(css, encoding="utf-8").read())[1]


def static_path(url: str) -> str:
    return url.removeprefix(settings.STATIC_URL)


def test_manifest_names_the_app_in_vietnamese_with_the_brand_colours_and_icons(client, home):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Giảm nghèo bền vững"
    assert manifest["short_name"] == "Giảm nghèo"
    assert manifest["start_url"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == manifest["background_color"] == brand_colour()
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(static_path(icon["src"])), icon["src"]


def test_every_page_links_the_manifest_icons_theme_colour_and_deferred_script(client, home):
    text = client.get("/").text
    assert '<link rel="manifest" href="/manifest.webmanifest">' in text
    assert f'<meta name="theme-color" content="{brand_colour()}">' in text
    touch_icon = re.search(r'<link rel="apple-touch-icon" href="([^"]+)">', text)[1]
    assert finders.find(static_path(touch_icon))
    script = re.search(r"<script [^>]*data-service-worker=\"/sw.js\"[^>]*>", text)[0]
    assert "defer" in script


def test_service_worker_is_served_from_the_root_as_javascript_and_never_cached_long(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    config = json.loads(re.search(r"const CONFIG = (\{.*\});", response.text)[1])
    assert config["offline"] == "/offline/"
    assert "/offline/" in config["precache"]
    assert f"{settings.STATIC_URL}css/portal.css" in config["precache"]
    assert "/admin/" in config["never"]
    for url in config["precache"][1:]:
        assert finders.find(static_path(url)), url


def test_offline_page_is_a_page_of_the_site_that_http_caches_must_revalidate(
    client, home, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = client.get("/offline/")
    assert response.status_code == 200
    assert "data-offline-page" in response.text
    assert '<meta name="robots" content="noindex">' in response.text
    assert '<html lang="vi">' in response.text
    assert "no-cache" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" not in response.text


def test_offline_page_follows_the_chosen_language(client, home):
    client.get("/ngon-ngu/en/", {"next": "/offline/"})
    assert '<html lang="en">' in client.get("/offline/").text


def test_language_link_sets_the_language_and_returns_to_the_page(client, home):
    response = client.get("/ngon-ngu/en/", {"next": "/tin-tuc/?page=2"})
    assert response.status_code == 302
    assert response["Location"] == "/tin-tuc/?page=2"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "no-store" in response["Cache-Control"]


def test_language_link_never_sends_the_visitor_to_another_site(client, home):
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)", ""):
        response = client.get("/ngon-ngu/en/", {"next": target})
        assert response["Location"] == "/"


def test_an_unknown_language_is_not_found(client, home):
    response = client.get("/ngon-ngu/fr/", {"next": "/"})
    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_language_links_lead_back_to_the_same_address(client, home):
    text = client.get("/", {"page": "2"}).text
    assert 'href="/ngon-ngu/en/?next=/%3Fpage%3D2"' in text
    assert '<strong aria-current="true" lang="vi">Tiếng Việt</strong>' in text
    # Each language named in itself, not in the page's language.
    assert 'hreflang="en">English</a>' in text


def test_visitor_switches_to_english_by_the_link_in_the_header_and_back(client, home):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in page.text  # whatever the browser says
    english_link = re.search(r'href="(/ngon-ngu/en/[^"]*)"', page.text)[1]
    english = client.get(english_link, follow=True)
    assert '<html lang="en">' in english.text
    assert "Skip to content" in english.text
    vietnamese_link = re.search(r'href="(/ngon-ngu/vi/[^"]*)"', english.text)[1]
    assert '<html lang="vi">' in client.get(vietnamese_link, follow=True).text
