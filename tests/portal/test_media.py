"""The media library: radio, video, publications and posters, each playable or downloadable."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import PageViewRestriction

from giamngheo.portal.media import MediaItemPage, MediaKind, MediaLibraryPage
from giamngheo.portal.services import ensure_portal


@pytest.fixture
def library(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ensure_portal()
    return MediaLibraryPage.objects.get()


def document(name: str, content: bytes = b"RIFF....WAVEfmt ") -> object:
    doc = get_document_model()(title=name, file=ContentFile(content, name=name))
    doc._set_document_file_metadata()
    doc.save()
    return doc


def publish(library, title, kind=MediaKind.RADIO, day=1, file_name="ban-tin.mp3", **fields):
    if file_name and "file" not in fields:
        fields["file"] = document(file_name)
    item = library.add_child(
        instance=MediaItemPage(title=title, kind=kind, date=datetime.date(2024, 3, day), **fields)
    )
    item.save_revision().publish()
    return item


def titles(response):
    return [item.title for item in response.context["page_obj"].object_list]


def test_library_lists_items_newest_first(client, library):
    publish(library, "Bản tin tháng Ba", day=3)
    publish(
        library, "Sổ tay giảm nghèo", kind=MediaKind.PUBLICATION, day=20, file_name="so-tay.pdf"
    )
    response = client.get(library.url)
    assert response.status_code == 200
    assert titles(response) == ["Sổ tay giảm nghèo", "Bản tin tháng Ba"]


def test_library_filters_by_kind_and_ignores_an_unknown_kind(client, library):
    publish(library, "Bản tin phát thanh", day=3)
    publish(library, "Áp phích vay vốn", kind=MediaKind.POSTER, day=4, file_name="ap-phich.pdf")
    assert titles(client.get(library.url, {"kind": "poster"})) == ["Áp phích vay vốn"]
    assert titles(client.get(library.url, {"kind": "radio"})) == ["Bản tin phát thanh"]
    response = client.get(library.url, {"kind": "<script>", "page": "abc"})
    assert response.status_code == 200
    assert len(titles(response)) == 2


def test_library_is_paginated(client, library):
    for day in range(1, 24):
        publish(library, f"Bản tin số {day}", day=day, file_name=f"b{day}.mp3")
    first = client.get(library.url)
    assert len(titles(first)) == 20
    second = client.get(library.url, {"page": 2})
    assert titles(second) == ["Bản tin số 3", "Bản tin số 2", "Bản tin số 1"]
    assert client.get(library.url, {"page": 99}).status_code == 200


def test_a_radio_programme_plays_in_an_audio_player_and_downloads(client, library):
    item = publish(library, "Chính sách nhà ở", file_name="nha-o.mp3", duration=725)
    response = client.get(item.url)
    assert response.status_code == 200
    html = response.text
    assert f'<audio controls preload="none" src="{item.file.url}">' in html
    assert "nha-o.mp3" in html and "MP3" in html and "12:05" in html
    assert f'href="{item.file.url}" download' in html


def test_a_video_file_plays_in_a_video_player(client, library):
    item = publish(library, "Phóng sự mô hình bò", kind=MediaKind.VIDEO, file_name="bo.mp4")
    html = client.get(item.url).text
    assert f'<video controls preload="none" src="{item.file.url}"' in html
    assert "<audio" not in html


def test_a_video_address_is_embedded_with_a_plain_link_beside(client, library):
    url = "https://www.youtube.com/watch?v=giamngheo"
    # The embed as Wagtail stores it after a first fetch: no network in tests.
    Embed.objects.create(
        hash=get_embed_hash(url, 800, None),
        url=url,
        max_width=800,
        type="video",
        html='<iframe title="Phóng sự" src="https://www.youtube.com/embed/giamngheo"></iframe>',
    )
    item = publish(library, "Phóng sự nhà ở", kind=MediaKind.VIDEO, file_name=None, video_url=url)
    html = client.get(item.url).text
    assert 'src="https://www.youtube.com/embed/giamngheo"' in html
    assert f'href="{url}"' in html
    assert "<video" not in html and "download>" not in html


def test_a_publication_offers_its_file_name_type_and_size(client, library):
    item = publish(
        library, "Sổ tay tuyên truyền", kind=MediaKind.PUBLICATION, file_name="so-tay.pdf"
    )
    html = client.get(item.url).text
    assert "so-tay.pdf" in html
    assert "(PDF, 16" in html  # 16 bytes, in the visitor's language
    assert "<audio" not in html and "<video" not in html


def test_an_unpublished_or_private_item_is_gone(client, library):
    draft = publish(library, "Bản tin sẽ gỡ", day=5)
    private = publish(library, "Bản tin nội bộ", day=6)
    draft.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert titles(client.get(library.url)) == []
    assert client.get(f"{library.url}ban-tin-se-go/").status_code == 404
    assert client.get(private.url).status_code == 302  # to the sign-in page


@pytest.mark.parametrize(
    ("kind", "file_name", "field", "message"),
    [
        (MediaKind.RADIO, "ban-tin.pdf", "file", "Radio programme must be one of these file types"),
        (MediaKind.VIDEO, "phong-su.mp3", "file", "TV report or video must be one of"),
        (
            MediaKind.PUBLICATION,
            "so-tay.mp4",
            "file",
            "Publication must be one of these file types: PDF",
        ),
        (MediaKind.RADIO, None, "file", "Choose the file of this item."),
        (MediaKind.PUBLICATION, None, "file", "Choose the file of this item."),
        (MediaKind.VIDEO, None, "file", "A video needs a file or a video address."),
        (MediaKind.POSTER, None, "image", "A poster needs its image or its file."),
    ],
)
def test_an_item_whose_file_does_not_fit_its_kind_is_refused(
    library, kind, file_name, field, message
):
    item = MediaItemPage(title="Thử", slug="thu", kind=kind)
    if file_name:
        item.file = document(file_name)
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            item.clean()
        assert message in refused.value.message_dict[field][0]


def test_a_wrong_type_names_the_types_allowed(library):
    item = MediaItemPage(title="Thử", slug="thu", kind=MediaKind.RADIO, file=document("a.pdf"))
    with pytest.raises(ValidationError) as refused:
        item.clean()
    # In the editor's language, Vietnamese by default.
    assert refused.value.message_dict["file"][0] == (
        "Chương trình phát thanh phải là tệp thuộc một trong các loại: "
        "AAC, M4A, MP3, OGA, OGG, OPUS, WAV."
    )


@pytest.mark.parametrize(
    ("kind", "file_name", "fields"),
    [
        (MediaKind.RADIO, "ban-tin.MP3", {}),
        (MediaKind.VIDEO, None, {"video_url": "https://www.youtube.com/watch?v=abc"}),
        (MediaKind.POSTER, "ap-phich.png", {}),
    ],
)
def test_an_item_whose_file_fits_its_kind_is_accepted(library, kind, file_name, fields):
    item = MediaItemPage(title="Thử", slug="thu", kind=kind, **fields)
    if file_name:
        item.file = document(file_name)
    item.clean()


def test_editors_can_upload_audio_video_and_pictures_as_documents(library):
    # Wagtail checks a document's extension against WAGTAILDOCS_EXTENSIONS on upload.
    for name in ["ban-tin.mp3", "ban-tin.wav", "phong-su.mp4", "ap-phich.png"]:
        get_document_model()(title=name, file=ContentFile(b"x", name=name)).clean()


def test_library_and_items_render_in_a_bounded_number_of_queries(
    client, library, django_assert_max_num_queries
):
    for day in range(1, 13):
        publish(library, f"Bản tin số {day}", day=day, file_name=f"b{day}.mp3")
    with django_assert_max_num_queries(12):
        assert client.get(library.url).status_code == 200
    item = MediaItemPage.objects.first()
    with django_assert_max_num_queries(12):
        assert client.get(item.url).status_code == 200
