"""The archive by year: what the portal published each year, grouped by kind."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from giamngheo.portal.about import AboutPage, ArchivePage, SectionPage
from giamngheo.portal.events import EventIndexPage, EventKind, EventPage
from giamngheo.portal.news import ArticlePage, NewsIndexPage
from giamngheo.portal.services import ensure_portal

HUE_TIME = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def archive(db):
    ensure_portal()
    # The seeded policy documents were published today: out of the way, in 2019.
    Page.objects.filter(depth__gt=3).update(
        first_published_at=datetime.datetime(2019, 1, 1, 8, tzinfo=HUE_TIME)
    )
    return ArchivePage.objects.get()


def publish(parent, page, on: datetime.datetime):
    page = parent.add_child(instance=page)
    page.save_revision().publish()
    Page.objects.filter(pk=page.pk).update(first_published_at=on)
    return page


def on(year, month, day=10, hour=9):
    return datetime.datetime(year, month, day, hour, tzinfo=HUE_TIME)


def article(title, year, month, **kwargs):
    news = NewsIndexPage.objects.get()
    return publish(news, ArticlePage(title=title, **kwargs), on(year, month))


def test_the_index_shows_the_years_with_content_and_their_counts(client, archive):
    article("Hội nghị triển khai", 2022, 3)
    article("Hội thi tuyên truyền", 2023, 5)
    article("Sơ kết 6 tháng", 2023, 7)
    response = client.get(archive.url)
    assert response.status_code == 200
    assert response.context["years"] == [(2023, 2), (2022, 1), (2019, 3)]
    assert f'href="{archive.url}2023/"' in response.text


def test_a_year_lists_its_pages_by_kind_and_month_with_dates_and_links(client, archive):
    first = article("Hội nghị triển khai", 2023, 3)
    second = article("Hội thi tuyên truyền", 2023, 5)
    about = AboutPage.objects.get()
    section = publish(about, SectionPage(title="Cơ cấu tổ chức"), on(2023, 4))
    article("Tin năm khác", 2022, 5)
    response = client.get(f"{archive.url}2023/")
    assert response.status_code == 200
    groups = {group.name: group for group in response.context["groups"]}
    names = {str(ArticlePage._meta.verbose_name_plural), str(SectionPage._meta.verbose_name_plural)}
    assert set(groups) == names
    news = groups[str(ArticlePage._meta.verbose_name_plural)]
    assert [m.month for m in news.months] == [5, 3]
    assert [p.title for m in news.months for p in m.pages] == [second.title, first.title]
    html = response.text
    assert f'href="{first.url}">Hội nghị triển khai</a>' in html
    assert "10/03/2023" in html
    assert f'href="{section.url}">Cơ cấu tổ chức</a>' in html
    assert "Tin năm khác" not in html


def test_the_fixed_sections_are_not_archived(client, archive):
    # ensure_portal() created them today; they are the frame, not content.
    this_year = timezone.localdate().year
    html = client.get(f"{archive.url}{this_year}/").text
    for section in ["Tin tức", "Văn bản chính sách", "Sự kiện"]:
        assert f">{section}</a> <span" not in html


def test_a_page_counts_in_its_year_in_the_sites_time_zone(client, archive):
    # 31 Dec 2022, 23:30 in Huế is 16:30 UTC: still 2022 here.
    news = NewsIndexPage.objects.get()
    publish(
        news,
        ArticlePage(title="Tin cuối năm"),
        on(2022, 12, 31, 23) + datetime.timedelta(minutes=30),
    )
    assert "Tin cuối năm" in client.get(f"{archive.url}2022/").text
    assert client.get(archive.url).context["years"][0] == (2022, 1)


def test_unpublished_private_and_draft_pages_are_not_archived(client, archive):
    gone = article("Tin đã gỡ", 2023, 2)
    gone.unpublish()
    events = EventIndexPage.objects.get()
    PageViewRestriction.objects.create(page=events, restriction_type="login")
    internal = EventPage(
        title="Hội nghị nội bộ", kind=EventKind.values[0], place="Huế", starts_at=on(2023, 6)
    )
    publish(events, internal, on(2023, 6))
    NewsIndexPage.objects.get().add_child(instance=ArticlePage(title="Tin nháp", live=False))
    html = client.get(f"{archive.url}2023/").text
    assert "Tin đã gỡ" not in html
    assert "Hội nghị nội bộ" not in html
    assert "Tin nháp" not in html
    assert client.get(archive.url).context["years"] == [(2019, 3)]


@pytest.mark.parametrize("year", ["2018", "2999", "abcd", "20233", "0"])
def test_a_year_out_of_range_or_not_a_year_is_not_found(client, archive, year):
    assert client.get(f"{archive.url}{year}/").status_code == 404


def test_a_year_in_range_without_content_reads_as_empty(client, archive):
    article("Tin 2022", 2022, 1)
    response = client.get(f"{archive.url}2020/")
    assert response.status_code == 200
    assert response.context["groups"] == []


def test_an_unpublished_archive_is_gone_with_its_years(client, archive):
    archive.unpublish()
    assert client.get(archive.url).status_code == 404
    assert client.get(f"{archive.url}2019/").status_code == 404


def test_the_archive_renders_in_a_bounded_number_of_queries(
    client, archive, django_assert_max_num_queries
):
    for month in range(1, 13):
        article(f"Tin tháng {month}", 2023, month)
    about = AboutPage.objects.get()
    publish(about, SectionPage(title="Cơ cấu tổ chức"), on(2023, 4))
    # As many queries for twelve pages as for one: none per page or per kind.
    with django_assert_max_num_queries(11):
        assert client.get(archive.url).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(f"{archive.url}2023/").status_code == 200
