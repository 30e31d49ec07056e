"""Site-wide search: typed with or without accents, titles first, only what the public may read."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from giamngheo.portal.models import ArticlePage, NewsIndexPage, PolicyDocumentPage
from giamngheo.portal.search import MAX_RESULTS, PER_PAGE, search_query
from giamngheo.portal.services import ensure_portal
from tests.portal.factories import ArticlePageFactory, EventPageFactory

SEARCH = "/tim-kiem/"

needs_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")


@pytest.fixture
def portal(db):
    return ensure_portal()


def titles(response) -> list[str]:
    return [row["page"].title for row in response.context["results"]]


def test_the_query_is_folded_like_the_index():
    assert search_query("Giảm NGHÈO, đường!") == "giam ngheo duong"
    assert search_query("Chỉ thị 05-CT/TW") == "chi thi 05 ct tw"
    assert search_query('"(*) AND') == "and"
    assert search_query(" ".join(["từ"] * 50)) == " ".join(["tu"] * 12)


def test_a_citizen_finds_pages_typed_without_accents(client, portal):
    ArticlePageFactory(title="Làm đường giao thông nông thôn", lead="Bê tông hóa đường thôn.")
    ArticlePageFactory(title="Giảm nghèo ở vùng cao", lead="Hỗ trợ sinh kế cho hộ nghèo.")
    assert titles(client.get(SEARCH, {"q": "giam ngheo vung cao"})) == ["Giảm nghèo ở vùng cao"]
    assert titles(client.get(SEARCH, {"q": "duong"})) == ["Làm đường giao thông nông thôn"]
    assert titles(client.get(SEARCH, {"q": "ho tro sinh ke"})) == ["Giảm nghèo ở vùng cao"]


def test_a_query_typed_with_accents_finds_the_same_pages(client, portal):
    ArticlePageFactory(title="Làm đường giao thông nông thôn")
    assert titles(client.get(SEARCH, {"q": "ĐƯỜNG giao thông"})) == [
        "Làm đường giao thông nông thôn"
    ]


def test_a_policy_is_found_by_its_number_or_words_typed_any_way(client, portal):
    for query in ("05-CT/TW", "05-ct", "05 ct tw", "chi thi giam ngheo", "Chỉ thị 05"):
        found = titles(client.get(SEARCH, {"q": query}))
        assert found[:1] == [PolicyDocumentPage.objects.get(number="05-CT/TW").title], query


def test_english_stop_words_are_vietnamese_words_here(client, portal):
    # "an" (an sinh: social security) and "on" would be dropped by an English configuration.
    ArticlePageFactory(title="Chính sách an sinh xã hội", lead="Ôn lại chính sách.")
    assert titles(client.get(SEARCH, {"q": "an sinh"})) == ["Chính sách an sinh xã hội"]
    assert titles(client.get(SEARCH, {"q": "on lai"})) == ["Chính sách an sinh xã hội"]


def test_a_title_match_ranks_before_a_body_match(client, portal):
    ArticlePageFactory(
        title="Tập huấn kỹ thuật chăn nuôi",
        lead="Nuôi bò sinh sản. " * 5,
        body="<p>Mô hình nuôi bò sinh sản giúp hộ nghèo. Nuôi bò sinh sản.</p>",
    )
    ArticlePageFactory(title="Nuôi bò sinh sản ở Phú Đa", lead="Một mô hình của xã.")
    assert titles(client.get(SEARCH, {"q": "nuoi bo sinh san"})) == [
        "Nuôi bò sinh sản ở Phú Đa",
        "Tập huấn kỹ thuật chăn nuôi",
    ]


def test_results_show_their_type_date_and_summary(client, portal):
    ArticlePageFactory(
        title="Hội thi tuyên truyền viên giỏi",
        date=datetime.date(2024, 6, 15),
        lead="Hội thi dành cho tuyên truyền viên cơ sở.",
    )
    response = client.get(SEARCH, {"q": "hoi thi tuyen truyen"})
    [row] = response.context["results"]
    assert row["date"] == datetime.date(2024, 6, 15)
    assert row["kind"] == ArticlePage._meta.verbose_name
    assert row["summary"] == "Hội thi dành cho tuyên truyền viên cơ sở."
    assert "15/06/2024" in response.text
    assert "Hội thi dành cho tuyên truyền viên cơ sở." in response.text


def test_results_can_be_narrowed_to_a_section(client, portal):
    ArticlePageFactory(title="Tin về giảm nghèo bền vững")
    EventPageFactory(title="Hội nghị giảm nghèo bền vững")
    everything = titles(client.get(SEARCH, {"q": "giam ngheo ben vung"}))
    assert {"Tin về giảm nghèo bền vững", "Hội nghị giảm nghèo bền vững"} <= set(everything)
    assert titles(client.get(SEARCH, {"q": "giam ngheo ben vung", "section": "su-kien"})) == [
        "Hội nghị giảm nghèo bền vững"
    ]
    news = titles(client.get(SEARCH, {"q": "giam ngheo ben vung", "section": "tin-tuc"}))
    assert news == ["Tin về giảm nghèo bền vững"]


def test_results_are_paginated(client, portal):
    for n in range(PER_PAGE + 2):
        ArticlePageFactory(title=f"Bản tin phát thanh số {n}")
    first = client.get(SEARCH, {"q": "ban tin phat thanh"})
    assert len(titles(first)) == PER_PAGE
    assert first.context["outcome"].count == PER_PAGE + 2
    assert "page=2" in first.text
    second = client.get(SEARCH, {"q": "ban tin phat thanh", "page": "2"})
    assert len(titles(second)) == 2
    assert not set(titles(first)) & set(titles(second))


def test_an_empty_query_shows_the_form_only(client, portal):
    for params in ({}, {"q": ""}, {"q": "  ,.;  "}):
        response = client.get(SEARCH, params)
        assert response.status_code == 200
        assert response.context["results"] == []
        assert 'id="search-q"' in response.text
        assert 'class="search-count"' not in response.text
    assert not Query.objects.exists()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "giam ngheo", "page": "abc"},
        {"q": "giam ngheo", "page": "9999"},
        {"q": "giam ngheo", "page": "-1"},
        {"q": "giam ngheo", "section": "khong-co"},
        {"q": '"unbalanced (quote* AND OR NOT'},
        {"q": "NEAR(a b) ^title: -x"},
        {"q": "x" * 5000},
        {"section": "tin-tuc", "page": "2"},
    ],
)
def test_nonsense_parameters_give_a_normal_page(client, portal, params):
    assert client.get(SEARCH, params).status_code == 200


def test_unpublished_draft_and_private_pages_are_not_found(client, portal):
    gone = ArticlePageFactory(title="Tin đã gỡ về nhà ở")
    ArticlePageFactory(title="Bản nháp về nhà ở", live=False)
    private = ArticlePageFactory(title="Tin nội bộ về nhà ở")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="bimat"
    )
    ArticlePageFactory(title="Tin công khai về nhà ở")
    assert set(titles(client.get(SEARCH, {"q": "nha o"}))) == {
        "Tin công khai về nhà ở",
        "Tin đã gỡ về nhà ở",
    }
    gone.unpublish()
    assert titles(client.get(SEARCH, {"q": "nha o"})) == ["Tin công khai về nhà ở"]


def test_a_scheduled_page_is_found_only_after_publish_scheduled(client, portal):
    news = NewsIndexPage.objects.get()
    article = news.add_child(
        instance=ArticlePage(title="Tin hẹn giờ về tín dụng chính sách", live=False)
    )
    revision = article.save_revision()
    revision.approved_go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision.save()
    call_command("publish_scheduled")
    assert titles(client.get(SEARCH, {"q": "tin dung chinh sach"})) == []

    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled")
    assert titles(client.get(SEARCH, {"q": "tin dung chinh sach"})) == [
        "Tin hẹn giờ về tín dụng chính sách"
    ]


def test_searches_are_counted_for_the_search_terms_report(client, portal):
    client.get(SEARCH, {"q": "Giảm nghèo"})
    client.get(SEARCH, {"q": "giam ngheo"})
    client.get(SEARCH, {"q": "giam ngheo", "page": "2"})  # paging is not a new search
    assert Query.objects.get(query_string="giam ngheo").hits == 2


def test_editors_promoted_results_come_first_unless_unpublished(client, portal):
    shown = ArticlePageFactory(title="Hướng dẫn vay vốn hộ nghèo")
    hidden = ArticlePageFactory(title="Tin cũ về vay vốn")
    query = Query.get("vay von")
    SearchPromotion.objects.create(query=query, page=shown, sort_order=0)
    SearchPromotion.objects.create(query=query, page=hidden, sort_order=1)
    hidden.unpublish()
    response = client.get(SEARCH, {"q": "vay vốn"})
    assert [promotion.page_id for promotion in response.context["outcome"].promotions] == [shown.pk]
    assert 'id="promoted-heading"' in response.text


def test_the_search_page_is_not_for_search_engines(client, portal):
    response = client.get(SEARCH, {"q": "giam ngheo"})
    assert '<meta name="robots" content="noindex, follow">' in response.text
    assert 'rel="canonical"' not in response.text


def test_every_page_has_the_labelled_search_box_in_its_header(client, portal):
    for url in ("/", "/tin-tuc/", "/van-ban-chinh-sach/", SEARCH):
        html = client.get(url).text
        assert '<form class="header-search" role="search" action="/tim-kiem/"' in html
        assert '<label for="site-search"' in html
        assert 'id="site-search" name="q"' in html


def test_results_are_capped_and_counted_in_a_bounded_number_of_queries(
    client, portal, django_assert_max_num_queries
):
    for n in range(6):
        ArticlePageFactory(title=f"Tin khuyến nông {n}")
        EventPageFactory(title=f"Hội thảo khuyến nông {n}")
    client.get(SEARCH, {"q": "khuyen nong"})  # the first search creates its log row
    with django_assert_max_num_queries(16):
        response = client.get(SEARCH, {"q": "khuyen nong"})
    assert len(titles(response)) == PER_PAGE
    assert MAX_RESULTS >= response.context["outcome"].count == 12


@pytest.mark.postgres
@needs_postgres
def test_postgresql_searches_with_the_simple_configuration(portal):
    backend = get_search_backend()
    assert type(backend).__name__ == "PostgresSearchBackend"
    assert backend.config == "simple"
