"""The portal's demo content: every kind of page, labelled, live, reproducible, loaded once."""

import datetime
import wave

import pytest
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtail.search.backends import get_search_backend

from giamngheo.demo.services import load_demo
from giamngheo.portal.models import (
    AboutPage,
    ArticlePage,
    ArticleTag,
    EventPage,
    HomePage,
    MediaItemPage,
    SectionPage,
    StoryPage,
)
from tests.snapshots import restore_demo

pytestmark = pytest.mark.usefixtures("hue_units", "wagtail_tree")


@pytest.fixture
def media_root(settings, tmp_path):
    """Generated pictures and sounds go to a temporary folder, not the repository's var/."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def portal(media_root):
    restore_demo("portal")  # load_demo(seed=7, parts=["portal"]), loaded once per run
    return HomePage.objects.get()


def snapshot() -> dict:
    """What the seed decides, and what a second load must leave as it is."""
    return {
        "articles": sorted(
            ArticlePage.objects.values_list(
                "slug", "date", "author", "category__slug", "image__title", "first_published_at"
            )
        ),
        "tags": sorted(ArticleTag.objects.values_list("content_object__slug", "tag__name")),
        "stories": sorted(
            StoryPage.objects.values_list("slug", "unit_id", "year", "first_published_at")
        ),
        "events": sorted(
            EventPage.objects.values_list("slug", "starts_at", "unit_id", "first_published_at")
        ),
        "media": sorted(
            MediaItemPage.objects.values_list("slug", "date", "duration", "file__file")
        ),
        "images": sorted(get_image_model().objects.values_list("title", "file")),
    }


def test_demo_news_has_thirty_articles_in_several_categories_with_tags(client, portal):
    articles = ArticlePage.objects.live()
    assert articles.count() >= 30
    assert articles.values("category").distinct().count() >= 4
    assert all(article.tags.exists() and article.lead and article.author for article in articles)
    # Spread over 2021–2026 (none in the future on a machine whose clock is earlier).
    this_year = timezone.localdate().year
    assert {article.date.year for article in articles} == set(range(2021, min(this_year, 2026) + 1))
    with_image = articles.filter(image__isnull=False)
    assert with_image.count() >= 5
    assert all(article.image_caption for article in with_image)
    # Content written as data, and labelled as the demo's.
    assert all(article.body.count("<p>") >= 3 for article in articles)
    assert all("Dữ liệu mẫu" in article.body for article in articles)
    article = with_image.first()
    for page in (portal, article.get_parent(), article):
        assert client.get(page.url).status_code == 200


def test_demo_content_is_indexed_for_search_and_later_pages_are_too(portal):
    """The load indexes its pages once at the end and leaves automatic indexing on."""
    backend = get_search_backend()
    assert list(backend.search("phu da", StoryPage))
    assert list(backend.search("bo sinh san", ArticlePage))
    news = ArticlePage.objects.first().get_parent()
    later = news.add_child(instance=ArticlePage(title="Hội thi nấu ăn", slug="hoi-thi-nau-an"))
    later.save_revision().publish()
    assert [page.pk for page in backend.search("hoi thi nau an", ArticlePage)] == [later.pk]


def test_demo_stories_are_five_people_and_five_models_in_the_communes_of_their_year(portal):
    stories = StoryPage.objects.live().select_related("unit", "unit__parent")
    assert stories.count() == 10
    assert stories.filter(kind="person").count() == stories.filter(kind="model").count() == 5
    assert stories.values("unit").distinct().count() >= 5
    for story in stories:
        assert story.unit.level == "commune"
        assert story.unit.is_in_force(datetime.date(story.year, 10, 1))
        assert story.figures.exists() and story.image_id
        assert 1 <= story.photos.count() <= 2
    phu_da = [story for story in stories if story.unit.code == "19942"]
    assert len(phu_da) >= 2
    assert {(s.unit.name, s.unit.parent.code) for s in phu_da} == {("Thị trấn Phú Đa", "478")}
    assert stories.filter(featured=True).exists()


def test_radio_episodes_have_a_playable_wav_file_and_every_picture_has_alt_text(portal):
    episodes = MediaItemPage.objects.live().filter(kind="radio").select_related("file")
    assert 6 <= episodes.count() <= 8
    sizes = set()
    for episode in episodes:
        assert episode.file.file_extension == "wav"
        assert episode.file.collection.name == "Chương trình phát thanh"
        with episode.file.open_file() as audio, wave.open(audio) as sound:
            assert sound.getnchannels() == 1
            assert 8000 <= sound.getframerate() <= 16000
            assert sound.getnframes() / sound.getframerate() == episode.duration
        assert 10_000 < episode.file.file_size < 100_000
        sizes.add(episode.file.file_hash)
    assert len(sizes) == episodes.count()  # a tune of its own each
    assert MediaItemPage.objects.live().filter(kind="poster", image__isnull=False).exists()
    images = get_image_model().objects.all()
    assert 5 <= images.count() <= 20  # a handful, reused across the pages
    for image in images:
        assert image.description.strip()
        assert image.collection.name == "Ảnh minh họa"
        assert image.file_size < 60_000


def test_demo_events_include_past_ones_with_a_report_and_upcoming_ones(portal):
    now = timezone.now()
    events = EventPage.objects.live()
    past = events.filter(starts_at__lt=now)
    upcoming = events.filter(starts_at__gt=now)
    assert 4 <= events.count() <= 6
    assert past.exists() and all(event.report for event in past)
    assert {"dialogue", "contest"} <= set(upcoming.values_list("kind", flat=True))


def test_about_and_the_decree_42_sections_are_filled_in_and_every_page_is_live(portal):
    about = AboutPage.objects.get()
    assert 5 <= about.members.count() <= 7
    assert about.members.filter(committee_role="Trưởng ban").exists()
    assert "demo.giamngheo.vn" in about.contacts and about.functions
    for slug in ("huong-dan", "danh-muc-thong-tin"):
        assert len(SectionPage.objects.get(slug=slug).body) >= 2
    assert "42/2022/NĐ-CP" in str(SectionPage.objects.get(slug="danh-muc-thong-tin").body)
    assert portal.intro and "dữ liệu mẫu" in portal.body
    # Every page, the fixed ones included, published through a revision.
    pages = Page.objects.descendant_of(portal, inclusive=True)
    assert pages.count() > 60
    assert not pages.filter(live=False).exists()
    assert not pages.filter(live_revision__isnull=True).exists()
    assert not pages.filter(has_unpublished_changes=True).exists()


def test_loading_again_changes_nothing_and_the_seed_decides(portal):
    first, revisions = snapshot(), Revision.objects.count()
    documents = get_document_model().objects.count()
    assert load_demo(seed=7, parts=["portal"]) is False
    assert load_demo(seed=7, parts=["portal"], force=True) is True
    assert snapshot() == first
    assert Revision.objects.count() == revisions
    assert get_document_model().objects.count() == documents

    load_demo(seed=8, parts=["portal"])
    other = snapshot()
    assert other["articles"] != first["articles"]
    assert len(other["articles"]) == len(first["articles"])  # updated in place

    load_demo(seed=7, parts=["portal"])
    assert snapshot() == first
