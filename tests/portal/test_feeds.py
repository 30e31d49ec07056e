"""RSS and Atom feeds of the sections: live, public pages only, newest first, absolute links."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from giamngheo.portal.models import ArticlePage, Category, NewsIndexPage, PolicyDocumentPage
from giamngheo.portal.services import ensure_portal
from tests.portal.factories import ArticlePageFactory, EventPageFactory, StoryPageFactory

SITE = "http://localhost"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def portal(db):
    return ensure_portal()


def rss_items(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return [{child.tag: (child.text or "") for child in item} for item in channel.findall("item")]


def rss_titles(response) -> list[str]:
    return [item["title"] for item in rss_items(response)]


def test_the_news_feed_lists_articles_newest_first_with_absolute_links(client, portal):
    ArticlePageFactory(title="Tin tháng ba", slug="tin-thang-ba", date=datetime.date(2024, 3, 1))
    ArticlePageFactory(
        title="Tin tháng năm",
        slug="tin-thang-nam",
        date=datetime.date(2024, 5, 1),
        lead="Tóm tắt tin tháng năm.",
        author="Phóng viên Hương Trà",
    )
    response = client.get("/feeds/tin-tuc/rss.xml")
    items = rss_items(response)
    assert [item["title"] for item in items] == ["Tin tháng năm", "Tin tháng ba"]
    assert items[0]["link"] == f"{SITE}/tin-tuc/tin-thang-nam/"
    assert items[0]["description"] == "Tóm tắt tin tháng năm."
    assert items[0]["pubDate"].startswith("Wed, 01 May 2024")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("link") == f"{SITE}/tin-tuc/"
    assert channel.findtext("language") == "vi"
    assert "Tin tức" in channel.findtext("title")


def test_the_atom_feed_carries_the_same_items(client, portal):
    ArticlePageFactory(title="Tin Atom", slug="tin-atom")
    response = client.get("/feeds/tin-tuc/atom.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Tin Atom"
    assert entry.find(f"{ATOM}link").get("href") == f"{SITE}/tin-tuc/tin-atom/"
    assert entry.findtext(f"{ATOM}updated")


def test_a_category_has_its_own_feed(client, portal):
    models = Category.objects.create(name="Mô hình giảm nghèo", slug="mo-hinh")
    ArticlePageFactory(title="Nuôi bò sinh sản", category=models)
    ArticlePageFactory(title="Tin khác")
    assert rss_titles(client.get("/feeds/tin-tuc/mo-hinh/rss.xml")) == ["Nuôi bò sinh sản"]
    atom = ET.fromstring(client.get("/feeds/tin-tuc/mo-hinh/atom.xml").content)
    assert [e.findtext(f"{ATOM}title") for e in atom.findall(f"{ATOM}entry")] == [
        "Nuôi bò sinh sản"
    ]
    channel = ET.fromstring(client.get("/feeds/tin-tuc/mo-hinh/rss.xml").content).find("channel")
    assert channel.findtext("link") == f"{SITE}/tin-tuc/?category=mo-hinh"


def test_the_policy_library_feed_lists_the_seeded_documents(client, portal):
    titles = rss_titles(client.get("/feeds/van-ban-chinh-sach/rss.xml"))
    assert set(titles) == set(PolicyDocumentPage.objects.values_list("title", flat=True))
    assert len(titles) == 3


def test_stories_and_events_have_feeds(client, portal, hue_units):
    StoryPageFactory(title="Gương thoát nghèo ở Phú Đa")
    EventPageFactory(title="Đối thoại chính sách với hộ nghèo", place="Nhà văn hóa thôn")
    assert rss_titles(client.get("/feeds/guong-dien-hinh-mo-hinh/rss.xml")) == [
        "Gương thoát nghèo ở Phú Đa"
    ]
    [event] = rss_items(client.get("/feeds/su-kien/rss.xml"))
    assert event["title"] == "Đối thoại chính sách với hộ nghèo"
    assert "Nhà văn hóa thôn" in event["description"]


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/khong-co/rss.xml",
        "/feeds/khong-co/atom.xml",
        "/feeds/tin-tuc/khong-co/rss.xml",
        "/feeds/tin-tuc/khong-co/atom.xml",
        "/feeds/thu-vien/rss.xml",  # the media library's podcast is elsewhere
    ],
)
def test_an_unknown_feed_is_not_found(client, portal, url):
    assert client.get(url).status_code == 404


def test_unpublished_draft_and_private_pages_are_not_in_feeds(client, portal):
    gone = ArticlePageFactory(title="Tin sẽ gỡ")
    ArticlePageFactory(title="Bản nháp", live=False)
    private = ArticlePageFactory(title="Tin nội bộ")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="bimat"
    )
    assert rss_titles(client.get("/feeds/tin-tuc/rss.xml")) == ["Tin sẽ gỡ"]
    gone.unpublish()
    assert rss_titles(client.get("/feeds/tin-tuc/rss.xml")) == []
    atom = ET.fromstring(client.get("/feeds/tin-tuc/atom.xml").content)
    assert atom.findall(f"{ATOM}entry") == []


def test_a_scheduled_article_enters_the_feed_only_after_publish_scheduled(client, portal):
    news = NewsIndexPage.objects.get()
    article = news.add_child(instance=ArticlePage(title="Tin hẹn giờ", live=False))
    revision = article.save_revision()
    revision.approved_go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision.save()
    call_command("publish_scheduled")
    assert rss_titles(client.get("/feeds/tin-tuc/rss.xml")) == []

    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled")
    assert rss_titles(client.get("/feeds/tin-tuc/rss.xml")) == ["Tin hẹn giờ"]


def test_feeds_are_built_in_a_bounded_number_of_queries(
    client, portal, django_assert_max_num_queries
):
    category = Category.objects.create(name="Chính sách", slug="chinh-sach")
    for n in range(8):
        ArticlePageFactory(title=f"Tin số {n}", category=category)
    for url in (
        "/feeds/tin-tuc/rss.xml",
        "/feeds/tin-tuc/chinh-sach/atom.xml",
        "/feeds/van-ban-chinh-sach/rss.xml",
    ):
        with django_assert_max_num_queries(8):
            assert client.get(url).status_code == 200
