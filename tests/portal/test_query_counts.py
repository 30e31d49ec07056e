"""Each page type the bench measures is built in a bounded number of queries,
which more content does not raise (the page cache off, as for a first visitor)."""

import pytest
from django.core.cache import cache

from giamngheo.portal.models import ArticlePage, PolicyLibraryPage
from giamngheo.portal.services import ensure_portal

from .factories import ArticlePageFactory, EventPageFactory, StoryPageFactory

# Home: site, routing, sections, news, stories and their pictures, events, the
# programme's figures, the poll, and Wagtail's view restrictions at each listing.
BOUNDS = {"home": 22, "article": 12, "library": 12, "search": 16}


@pytest.fixture
def portal(hue_units):
    cache.clear()
    ensure_portal()
    yield
    cache.clear()


def addresses() -> dict[str, str]:
    article = ArticlePage.objects.live().order_by("-date", "-pk").first()
    return {
        "home": "/",
        "article": article.url,
        "library": PolicyLibraryPage.objects.get().url + "?q=giam+ngheo",
        "search": "/tim-kiem/?q=giam+ngheo",
    }


def add_content(n: int) -> None:
    for i in range(n):
        ArticlePageFactory(title=f"Tin giảm nghèo thêm {n}-{i}")
        StoryPageFactory(title=f"Mô hình giảm nghèo {n}-{i}", year=2024)
        EventPageFactory(title=f"Hội nghị giảm nghèo {n}-{i}")


def count(client, url, django_assert_max_num_queries, bound: int) -> int:
    client.get(url)  # the first search also writes its search-terms row
    with django_assert_max_num_queries(bound) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_each_page_type_is_built_in_a_bounded_number_of_queries_that_content_does_not_raise(
    client, portal, django_assert_max_num_queries
):
    add_content(2)
    few = {
        name: count(client, url, django_assert_max_num_queries, BOUNDS[name])
        for name, url in addresses().items()
    }
    add_content(6)
    for name, url in addresses().items():
        assert count(client, url, django_assert_max_num_queries, few[name]) <= few[name], name
