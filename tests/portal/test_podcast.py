"""The podcast feed of the radio programmes: valid RSS with iTunes tags and enclosures."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from giamngheo.portal.media import MediaItemPage, MediaKind, MediaLibraryPage
from giamngheo.portal.services import ensure_portal
from tests.conftest import unit

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


@pytest.fixture
def library(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ensure_portal()
    return MediaLibraryPage.objects.get()


def publish(library, title, kind=MediaKind.RADIO, day=1, file_name="ban-tin.mp3", size=2048, **f):
    if file_name:
        f["file"] = get_document_model().objects.create(
            title=title, file=ContentFile(b"\0" * size, name=file_name), file_size=size
        )
    item = library.add_child(
        instance=MediaItemPage(title=title, kind=kind, date=datetime.date(2024, 4, day), **f)
    )
    item.save_revision().publish()
    return item


def feed(client, library):
    response = client.get(f"{library.url}podcast/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel")


def episodes(channel):
    return [item.findtext("title") for item in channel.findall("item")]


def test_the_feed_lists_radio_programmes_with_their_audio_file(client, library):
    item = publish(library, "Chính sách vay vốn", day=2, duration=600, summary="Vay vốn ưu đãi.")
    publish(library, "Bản tin tuần", day=9, file_name="tuan.m4a", size=4096)
    channel = feed(client, library)
    assert episodes(channel) == ["Bản tin tuần", "Chính sách vay vốn"]
    older = channel.findall("item")[1]
    enclosure = older.find("enclosure")
    assert enclosure.get("url") == f"http://testserver{item.file.url}"
    assert enclosure.get("length") == "2048"
    assert enclosure.get("type") == "audio/mpeg"
    assert channel.findall("item")[0].find("enclosure").get("type") in ("audio/mp4", "audio/x-m4a")
    assert older.findtext("link") == f"http://testserver{item.url}"
    assert older.findtext(f"{ITUNES}duration") == "600"
    assert older.findtext(f"{ITUNES}explicit") == "false"
    assert older.findtext("description") == "Vay vốn ưu đãi."
    assert "02 Apr 2024" in older.findtext("pubDate")


def test_the_channel_carries_the_itunes_tags_and_vietnamese(client, library):
    publish(library, "Bản tin", day=2)
    channel = feed(client, library)
    assert channel.findtext("language") == "vi"
    assert channel.findtext("category")
    assert channel.findtext(f"{ITUNES}author") == "Giảm nghèo bền vững"
    assert channel.find(f"{ITUNES}image").get("href").startswith("http://testserver/static/")
    assert channel.find(f"{ITUNES}category").get("text") == "Government"
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    assert channel.findtext("link") == f"http://testserver{library.url}"


def test_an_episode_names_the_unit_that_made_it(client, library, hue_units):
    publish(library, "Bản tin Phú Vang", unit=unit("478"))
    item = feed(client, library).find("item")
    assert item.findtext(f"{ITUNES}author") == "Huyện Phú Vang"


def test_only_live_public_radio_programmes_with_a_file_are_episodes(client, library):
    gone = publish(library, "Bản tin đã gỡ", day=1)
    private = publish(library, "Bản tin nội bộ", day=2)
    publish(library, "Sổ tay", kind=MediaKind.PUBLICATION, day=3, file_name="so-tay.pdf")
    publish(
        library,
        "Phóng sự",
        kind=MediaKind.VIDEO,
        day=4,
        file_name=None,
        video_url="https://example.org/v",
    )
    publish(library, "Bản tin còn phát", day=5)
    assert episodes(feed(client, library)) == [
        "Bản tin còn phát",
        "Bản tin nội bộ",
        "Bản tin đã gỡ",
    ]
    gone.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert episodes(feed(client, library)) == ["Bản tin còn phát"]


def test_a_draft_episode_never_reaches_the_feed(client, library):
    draft = library.add_child(
        instance=MediaItemPage(
            title="Bản tin nháp",
            kind=MediaKind.RADIO,
            live=False,
            file=get_document_model().objects.create(
                title="nháp", file=ContentFile(b"x", name="nhap.mp3")
            ),
        )
    )
    draft.save_revision()
    assert episodes(feed(client, library)) == []


def test_the_library_page_links_its_podcast_feed(client, library):
    head = client.get(library.url).text.split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml"' in head
    assert f'href="{library.url}podcast/"' in head


def test_the_feed_is_built_in_a_bounded_number_of_queries(
    client, library, django_assert_max_num_queries
):
    for day in range(1, 21):
        publish(library, f"Bản tin số {day}", day=day)
    # Routing, privacy, then one query for every episode with its file and unit.
    with django_assert_max_num_queries(9):
        assert len(episodes(feed(client, library))) == 20
