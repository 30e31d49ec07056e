"""News articles: newest first, by category and tag; unpublished ones are gone."""

import datetime

import pytest

from giamngheo.portal.models import ArticlePage, Category, NewsIndexPage
from giamngheo.portal.services import ensure_portal


@pytest.fixture
def news(db):
    ensure_portal()
    return NewsIndexPage.objects.get()


def publish(news, title, day, category=None, tags=()):
    article = news.add_child(
        instance=ArticlePage(
            title=title,
            date=datetime.date(2024, 5, day),
            author="Phóng viên",
            lead=f"Tóm tắt: {title}",
            category=category,
        )
    )
    article.tags.add(*tags)
    article.save_revision().publish()
    return article


def titles(response):
    return [article.title for article in response.context["page_obj"].object_list]


def test_news_lists_published_articles_newest_first(client, news):
    publish(news, "Hội nghị sơ kết", 3)
    publish(news, "Hội thi tuyên truyền", 20)
    response = client.get(news.url)
    assert response.status_code == 200
    assert titles(response) == ["Hội thi tuyên truyền", "Hội nghị sơ kết"]


def test_news_filters_by_category_and_tag(client, news):
    models = Category.objects.create(name="Mô hình giảm nghèo", slug="mo-hinh")
    publish(news, "Nuôi bò sinh sản", 5, category=models, tags=["chăn nuôi"])
    housing = publish(news, "Chính sách nhà ở", 6, tags=["nhà ở"])
    assert titles(client.get(news.url, {"category": "mo-hinh"})) == ["Nuôi bò sinh sản"]
    # The article's tag links carry the tag's slug; following one lists the article.
    tag_page = client.get(housing.url)
    slug = housing.tags.get().slug
    assert f"?tag={slug}" in tag_page.text
    assert titles(client.get(news.url, {"tag": slug})) == ["Chính sách nhà ở"]


def test_an_unpublished_article_is_gone_from_the_list(client, news):
    article = publish(news, "Tin sẽ gỡ", 7)
    article.unpublish()
    assert titles(client.get(news.url)) == []
    assert client.get(article.url or f"{news.url}tin-se-go/").status_code == 404


def test_article_page_shows_date_author_and_lead(client, news):
    article = publish(news, "Đối thoại chính sách", 9)
    response = client.get(article.url)
    assert response.status_code == 200
    assert "09/05/2024" in response.text and "Phóng viên" in response.text


def test_news_pages_render_in_a_bounded_number_of_queries(
    client, news, django_assert_max_num_queries
):
    category = Category.objects.create(name="Chính sách", slug="chinh-sach")
    for day in range(1, 13):
        publish(news, f"Tin số {day}", day, category=category, tags=["giảm nghèo"])
    with django_assert_max_num_queries(13):
        assert client.get(news.url).status_code == 200
    article = ArticlePage.objects.first()
    with django_assert_max_num_queries(15):
        assert client.get(article.url).status_code == 200
