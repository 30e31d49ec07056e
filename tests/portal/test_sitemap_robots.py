"""sitemap.xml lists what the public may read; robots.txt points crawlers at it."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from giamngheo.portal.models import ArticlePage, NewsIndexPage, PolicyDocumentPage
from giamngheo.portal.services import ensure_portal
from tests.portal.factories import ArticlePageFactory

SITE = "http://localhost"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def portal(db):
    return ensure_portal()


def locations(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]


def test_the_sitemap_lists_live_pages_at_absolute_addresses(client, portal):
    article = ArticlePageFactory(title="Tin trong sơ đồ", slug="tin-trong-so-do")
    urls = locations(client.get("/sitemap.xml"))
    assert f"{SITE}/" in urls
    assert f"{SITE}/tin-tuc/" in urls
    assert f"{SITE}/tin-tuc/tin-trong-so-do/" in urls
    document = PolicyDocumentPage.objects.get(number="05-CT/TW")
    assert document.get_full_url() in urls
    assert all(url.startswith(f"{SITE}/") for url in urls)
    assert article.get_full_url() in urls


def test_unpublished_draft_and_private_pages_are_not_in_the_sitemap(client, portal):
    gone = ArticlePageFactory(title="Tin sẽ gỡ", slug="tin-se-go")
    ArticlePageFactory(title="Bản nháp", slug="ban-nhap", live=False)
    private = ArticlePageFactory(title="Tin nội bộ", slug="tin-noi-bo")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="bimat"
    )
    urls = locations(client.get("/sitemap.xml"))
    assert f"{SITE}/tin-tuc/tin-se-go/" in urls
    assert f"{SITE}/tin-tuc/ban-nhap/" not in urls
    assert f"{SITE}/tin-tuc/tin-noi-bo/" not in urls
    gone.unpublish()
    assert f"{SITE}/tin-tuc/tin-se-go/" not in locations(client.get("/sitemap.xml"))


def test_a_scheduled_page_enters_the_sitemap_only_after_publish_scheduled(client, portal):
    news = NewsIndexPage.objects.get()
    article = news.add_child(instance=ArticlePage(title="Tin hẹn giờ", slug="hen-gio", live=False))
    revision = article.save_revision()
    revision.approved_go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision.save()
    call_command("publish_scheduled")
    assert f"{SITE}/tin-tuc/hen-gio/" not in locations(client.get("/sitemap.xml"))

    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled")
    assert f"{SITE}/tin-tuc/hen-gio/" in locations(client.get("/sitemap.xml"))


def test_robots_txt_allows_the_portal_and_names_the_sitemap(client, portal):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /tim-kiem/" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


def test_the_sitemap_is_built_in_a_bounded_number_of_queries(
    client, portal, django_assert_max_num_queries
):
    for n in range(10):
        ArticlePageFactory(title=f"Tin số {n}")
    with django_assert_max_num_queries(20):
        assert client.get("/sitemap.xml").status_code == 200
    with django_assert_max_num_queries(2):
        assert client.get("/robots.txt").status_code == 200
