"""Anonymous visitors get whole pages from the cache; any page change empties it."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse
from django.template import engines
from django.urls import include, path
from django.utils import timezone
from wagtail.models import PageViewRestriction

from giamngheo.portal.cache import cache_for_visitors
from giamngheo.portal.models import ArticlePage, Category, HomePage, NewsIndexPage
from giamngheo.portal.services import ensure_portal
from tests.accounts.factories import UserFactory

STATUS = "X-Page-Cache"


# Two views of this module's own, to test the cache outside the page tree: this
# module is their URLconf (see the tests marked with pytest.mark.urls).
def _form_view(request):
    template = engines["django"].from_string(
        '<form method="post">{% csrf_token %}<button>Gửi</button></form>'
    )
    return HttpResponse(template.render({}, request))


def _plain_view(request):
    return HttpResponse("Trang không có biểu mẫu")


urlpatterns = [
    path("bieu-mau/", cache_for_visitors(_form_view)),
    path("khong-luu/", _plain_view),
    path("", include("giamngheo.urls")),
]


@pytest.fixture
def page_cache(settings):
    """The page cache on, as in production, and empty."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def news(db, page_cache):
    ensure_portal()
    return NewsIndexPage.objects.get()


@pytest.fixture
def article(news):
    article = news.add_child(
        instance=ArticlePage(
            title="Hội nghị sơ kết giảm nghèo",
            date=datetime.date(2025, 5, 3),
            lead="Tóm tắt hội nghị.",
            live=False,
        )
    )
    article.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


def edit_and_publish(article, **fields):
    draft = article.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(draft, name, value)
    draft.save_revision().publish()


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(
    client, article, django_assert_max_num_queries
):
    first = client.get(article.url)
    assert first[STATUS] == "miss"
    with django_assert_max_num_queries(0):
        second = client.get(article.url)
    assert second.status_code == 200
    assert second[STATUS] == "hit"
    assert second.content == first.content
    assert "Cookie" in second["Vary"]


def test_a_head_request_is_answered_from_the_cache(client, article):
    client.get(article.url)
    assert client.head(article.url)[STATUS] == "hit"


def test_publishing_an_edited_article_shows_on_the_article_its_news_and_the_home_page(
    client, news, article
):
    home = HomePage.objects.get()
    for url in (article.url, news.url, home.url):
        client.get(url)
        assert client.get(url)[STATUS] == "hit"
        assert "Hội nghị sơ kết giảm nghèo" in client.get(url).text

    edit_and_publish(article, title="Hội nghị tổng kết giảm nghèo")

    for url in (article.url, news.url, home.url):
        response = client.get(url)
        assert response[STATUS] == "miss"
        assert "Hội nghị tổng kết giảm nghèo" in response.text
        assert "Hội nghị sơ kết giảm nghèo" not in response.text


def test_an_unpublished_article_is_gone_at_once_from_its_page_and_the_news(client, news, article):
    client.get(article.url)
    client.get(news.url)
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert "Hội nghị sơ kết giảm nghèo" not in client.get(news.url).text


def test_a_deleted_article_is_gone_at_once(client, news, article):
    url = article.url
    client.get(url)
    client.get(news.url)
    article.delete()
    assert client.get(url).status_code == 404
    assert "Hội nghị sơ kết giảm nghèo" not in client.get(news.url).text


def test_a_moved_article_leaves_its_old_section_at_once(client, news, article):
    other = news.get_parent().add_child(
        instance=NewsIndexPage(title="Tin địa phương", slug="dia-phuong")
    )
    old_url = article.url
    client.get(old_url)
    client.get(news.url)
    article.move(other, pos="last-child")
    # Wagtail leaves a redirect at the old address.
    assert client.get(old_url).status_code == 301
    assert "Hội nghị sơ kết giảm nghèo" not in client.get(news.url).text
    assert "Hội nghị sơ kết giảm nghèo" in client.get(other.url).text


def test_an_article_published_on_schedule_shows_at_once(client, news):
    article = news.add_child(
        instance=ArticlePage(title="Tin hẹn giờ đăng", date=datetime.date(2025, 5, 4), live=False)
    )
    article.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    article.save_revision(approved_go_live_at=article.go_live_at)
    client.get(news.url)
    assert client.get(news.url)[STATUS] == "hit"
    call_command("publish_scheduled")
    assert "Tin hẹn giờ đăng" in client.get(news.url).text


def test_renaming_a_news_category_shows_at_once(client, news, article):
    category = Category.objects.create(name="Chính sách", slug="chinh-sach")
    edit_and_publish(article, category=category)
    client.get(news.url)
    category.name = "Chính sách mới"
    category.save()
    assert "Chính sách mới" in client.get(news.url).text


def test_a_page_made_private_is_no_longer_served_to_visitors(client, article):
    client.get(article.url)
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url)
    assert response.status_code == 302
    assert STATUS not in response


def test_a_signed_in_editor_never_gets_a_cached_page(client, article):
    client.get(article.url)
    client.force_login(UserFactory(role="editor"))
    for _ in range(2):
        response = client.get(article.url)
        assert response.status_code == 200
        assert STATUS not in response


def test_a_visitor_with_a_session_is_served_fresh(client, article):
    client.get(article.url)
    client.cookies["sessionid"] = "any"
    assert STATUS not in client.get(article.url)


def test_english_and_vietnamese_pages_are_kept_apart(client, article):
    vietnamese = client.get(article.url)
    assert '<html lang="vi">' in vietnamese.text
    client.get("/ngon-ngu/en/", {"next": article.url})
    english = client.get(article.url)
    assert english[STATUS] == "miss"
    assert '<html lang="en">' in english.text
    assert '<html lang="en">' in client.get(article.url).text
    client.get("/ngon-ngu/vi/", {"next": article.url})
    again = client.get(article.url)
    assert again[STATUS] == "hit"
    assert '<html lang="vi">' in again.text


def test_addresses_with_different_queries_are_kept_apart(client, news, article):
    assert "Hội nghị sơ kết giảm nghèo" in client.get(news.url).text
    other = client.get(news.url, {"page": "2"})
    assert other[STATUS] == "miss"


def test_a_draft_preview_is_never_cached(client, article):
    draft = article.get_latest_revision_as_object()
    draft.title = "Bản nháp chưa duyệt"
    draft.save_revision()
    # What the admin's preview does: the draft served through the whole middleware
    # chain, on a request for the page's own address.
    preview = draft.make_preview_request()
    assert "Bản nháp chưa duyệt" in preview.text
    response = client.get(article.url)
    assert response[STATUS] == "miss"
    assert "Bản nháp chưa duyệt" not in response.text
    assert "Hội nghị sơ kết giảm nghèo" in response.text


def test_pages_carry_no_csrf_token_nor_cookie_for_visitors(client, article):
    response = client.get(article.url)
    assert "csrfmiddlewaretoken" not in response.text
    assert not response.cookies


@pytest.mark.urls(__name__)
def test_a_page_with_a_form_for_the_visitor_is_never_cached(client, page_cache):
    first = client.get("/bieu-mau/")
    second = client.get("/bieu-mau/")
    assert "csrfmiddlewaretoken" in second.text
    assert STATUS not in first
    assert STATUS not in second


@pytest.mark.urls(__name__)
def test_views_that_did_not_ask_for_it_are_never_cached(client, page_cache):
    client.get("/khong-luu/")
    assert STATUS not in client.get("/khong-luu/")


def test_the_admin_is_never_cached(client, page_cache, db):
    client.get("/admin/login/")
    assert STATUS not in client.get("/admin/login/")


def test_nothing_is_cached_when_the_cache_is_turned_off(client, article, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    client.get(article.url)
    assert STATUS not in client.get(article.url)
