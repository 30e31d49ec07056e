"""The public home page: news, stories, live programme figures, events, and the language."""

import datetime
import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from giamngheo.portal.services import ensure_home_page, ensure_portal
from tests.conftest import unit
from tests.training.factories import AttendanceFactory, CadreFactory, CourseFactory

from .factories import ArticlePageFactory, EventPageFactory, ImageFactory, StoryPageFactory


@pytest.fixture(autouse=True)
def fresh_caches(settings, tmp_path):
    # Indicator values are cached under version numbers that a rolled-back test
    # may have left pointing at rows that are gone.
    settings.MEDIA_ROOT = tmp_path
    cache.clear()


@pytest.fixture
def home(db):
    return ensure_home_page()


@pytest.fixture
def portal(hue_units):
    """The portal with news, stories (one featured) and events."""
    home = ensure_portal()
    for day in range(1, 8):
        ArticlePageFactory(title=f"Tin ngày {day}", date=datetime.date(2024, 5, day))
    StoryPageFactory(title="Mô hình trồng nấm", year=2022, image=ImageFactory())
    StoryPageFactory(title="Gương thoát nghèo tiêu biểu", year=2021, featured=True)
    StoryPageFactory(title="Mô hình nuôi ong", year=2024, image=ImageFactory())
    StoryPageFactory(title="Mô hình cũ nhất", year=2020)
    now = timezone.now()
    EventPageFactory(title="Hội thi tuyên truyền viên", starts_at=now + datetime.timedelta(days=9))
    EventPageFactory(title="Hội nghị tháng trước", starts_at=now - datetime.timedelta(days=30))
    return home


def test_home_page_is_vietnamese_by_default(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="vi">' in response.text
    assert "Giảm nghèo bền vững" in response.text
    assert "Chuyển đến nội dung" in response.text  # the skip link, translated


def test_visitor_can_switch_to_english(client, home):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/")
    assert '<html lang="en">' in response.text
    assert "Skip to content" in response.text


def test_setting_up_the_home_page_twice_keeps_one(home):
    from giamngheo.portal.models import HomePage

    ensure_home_page()
    assert HomePage.objects.count() == 1


def test_home_page_shows_the_latest_five_news_and_the_next_events(client, portal):
    response = client.get("/")
    assert [a.title for a in response.context["news"]] == [f"Tin ngày {d}" for d in (7, 6, 5, 4, 3)]
    assert [e.title for e in response.context["events"]] == ["Hội thi tuyên truyền viên"]
    assert "Hội nghị tháng trước" not in response.text


def test_featured_stories_come_first_and_the_latest_fill_the_rest(client, portal):
    stories = client.get("/").context["stories"]
    assert [s.title for s in stories] == [
        "Gương thoát nghèo tiêu biểu",
        "Mô hình cũ nhất",  # the latest published, whatever its year
        "Mô hình nuôi ong",
    ]


def test_unpublished_pages_stay_off_the_home_page(client, portal):
    ArticlePageFactory(title="Tin nháp", date=datetime.date(2024, 6, 1), live=False)
    StoryPageFactory(title="Gương điển hình nháp", featured=True, live=False)
    withdrawn = StoryPageFactory(title="Gương đã gỡ", featured=True)
    withdrawn.unpublish()
    EventPageFactory(title="Sự kiện nháp", live=False)
    text = client.get("/").text
    for hidden in ("Tin nháp", "Gương điển hình nháp", "Gương đã gỡ", "Sự kiện nháp"):
        assert hidden not in text


def test_home_page_links_to_results_feedback_contacts_policies_and_media(client, portal):
    text = client.get("/").text
    assert 'href="/ket-qua/"' in text
    assert f'href="{reverse("feedback:submit")}"' in text
    assert f'href="{reverse("feedback:answers")}"' in text
    assert 'href="/gioi-thieu/#about-contacts"' in text
    assert 'href="/van-ban-chinh-sach/"' in text
    assert 'href="/thu-vien/"' in text


def figure(response, code):
    name = {
        "tap-huan-can-bo": "Lượt cán bộ cấp tỉnh, huyện, xã được tập huấn",
        "phat-thanh-xa": "Xã có ít nhất 01 chương trình phát thanh/tuần về giảm nghèo bền vững",
    }[code]
    return next(f for f in response.context["figures"] if f["name"] == name)


def test_headline_figures_are_the_indicators_against_their_targets(client, portal):
    response = client.get("/")
    figures = response.context["figures"]
    assert len(figures) == 3
    training = figure(response, "tap-huan-can-bo")
    assert training["target"] == "100"
    assert training["status"] in {"behind", "no_data", "on_track"}
    assert training["name"] in response.text
    year = response.context["figures_year"]
    # The period of today (2026–2030 from 2026, seeded as a draft), this year within it.
    assert year == min(max(timezone.localdate().year, 2021), 2030)


def test_headline_figures_are_live_after_a_new_training_record(client, portal):
    first = client.get("/")
    year = first.context["figures_year"]
    before = figure(first, "tap-huan-can-bo")["value"]

    province = unit("46", datetime.date(year, 3, 1))
    course = CourseFactory(organising_unit=province, start_date=datetime.date(year, 3, 2))
    for _ in range(3):
        AttendanceFactory(course=course, cadre=CadreFactory(unit=province))

    after = client.get("/")
    assert figure(after, "tap-huan-can-bo")["value"] == str(int(before) + 3)
    assert f"{int(before) + 3} lượt" in after.text


def test_home_page_renders_in_a_bounded_number_of_queries(
    client, portal, django_assert_max_num_queries
):
    client.get("/")  # makes the story renditions, once
    cache.clear()  # and the indicator values computed again, from the records
    with django_assert_max_num_queries(30):
        assert client.get("/").status_code == 200
    # With the indicator values cached, as most visits find them.
    with django_assert_max_num_queries(20):
        assert client.get("/").status_code == 200


def test_admin_is_vietnamese_for_staff(client, province_staff):
    client.force_login(province_staff)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert 'lang="vi"' in response.text
    assert "Bảng điều khiển" in response.text or "Trang tổng quan" in response.text


def test_cached_home_page_shows_new_figures_within_a_minute(client, portal, settings):
    # Radio logs and courses do not empty the page cache (page changes do): the
    # home page, whose figures follow them, is kept a minute at most.
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "max-age=60" in response["Cache-Control"]
    key = next(k for k in cache._cache if ":portal:page:" in k)
    assert cache._expire_info[key] - time.time() <= 60
