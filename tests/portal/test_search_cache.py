"""Repeated searches come from a cache that every publish empties, and are all counted."""

import pytest
from django.core.cache import cache
from wagtail.contrib.search_promotions.models import Query

from giamngheo.portal.services import ensure_portal
from tests.portal.factories import ArticlePageFactory

SEARCH = "/tim-kiem/"


@pytest.fixture
def portal(db, settings):
    settings.PORTAL_SEARCH_CACHE_SECONDS = 600
    cache.clear()
    yield ensure_portal()
    cache.clear()


def titles(response) -> list[str]:
    return [row["page"].title for row in response.context["results"]]


def searched_the_index(queries) -> bool:
    """Whether the search backend was asked (the database backend reads its index table)."""
    return any("wagtailsearch_indexentry" in q["sql"] for q in queries.captured_queries)


def test_a_repeated_search_is_answered_from_the_cache_and_still_counted(
    client, portal, django_assert_max_num_queries
):
    for n in range(3):
        ArticlePageFactory(title=f"Tin khuyến nông {n}")
    # The first search also creates its rows in the search terms report.
    with django_assert_max_num_queries(22) as cold:
        first = client.get(SEARCH, {"q": "khuyen nong"})
    with django_assert_max_num_queries(10) as warm:
        again = client.get(SEARCH, {"q": "khuyến nông"})  # the same words, with accents
    assert searched_the_index(cold) and not searched_the_index(warm)
    assert titles(again) == titles(first) and len(titles(again)) == 3
    # Every search counts in the search terms report, cached or not.
    assert Query.objects.get(query_string="khuyen nong").hits == 2


def test_a_page_published_after_a_search_is_found_by_the_next_one(client, portal):
    ArticlePageFactory(title="Tin khuyến nông cũ")
    assert titles(client.get(SEARCH, {"q": "khuyen nong"})) == ["Tin khuyến nông cũ"]
    ArticlePageFactory(title="Tin khuyến nông mới")  # published: the cache is emptied
    assert sorted(titles(client.get(SEARCH, {"q": "khuyen nong"}))) == [
        "Tin khuyến nông cũ",
        "Tin khuyến nông mới",
    ]


def test_an_unpublished_page_is_not_found_from_the_cache(client, portal):
    gone = ArticlePageFactory(title="Tin khuyến nông sắp gỡ")
    ArticlePageFactory(title="Tin khuyến nông ở lại")
    assert len(titles(client.get(SEARCH, {"q": "khuyen nong"}))) == 2
    gone.unpublish()
    assert titles(client.get(SEARCH, {"q": "khuyen nong"})) == ["Tin khuyến nông ở lại"]
