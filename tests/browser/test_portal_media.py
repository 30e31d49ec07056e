"""A citizen on a phone opens the media library and plays a radio programme."""

import io
import math
import struct
import wave

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect
from wagtail.documents import get_document_model

from giamngheo.portal.media import MediaItemPage, MediaKind, MediaLibraryPage
from giamngheo.portal.services import ensure_portal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390


def tone_wav(seconds: float = 1.0, frequency: int = 440, rate: int = 8000) -> bytes:
    """A real, playable WAV file: a second of a 440 Hz tone, 16-bit mono."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(rate)
        audio.writeframes(
            b"".join(
                struct.pack("<h", int(12000 * math.sin(2 * math.pi * frequency * n / rate)))
                for n in range(int(seconds * rate))
            )
        )
    return buffer.getvalue()


@pytest.fixture
def episode(hue_units, wagtail_tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ensure_portal()
    library = MediaLibraryPage.objects.get()
    document = get_document_model()(
        title="Bản tin giảm nghèo", file=ContentFile(tone_wav(), name="ban-tin-giam-ngheo.wav")
    )
    document._set_document_file_metadata()
    document.save()
    item = library.add_child(
        instance=MediaItemPage(
            title="Bản tin giảm nghèo tuần này",
            kind=MediaKind.RADIO,
            file=document,
            duration=1,
            summary="Chính sách hỗ trợ nhà ở cho hộ nghèo.",
        )
    )
    item.save_revision().publish()
    return item


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH + 1


def test_a_citizen_plays_a_radio_programme_on_a_phone(live_server, phone, episode):
    library = episode.get_parent()
    phone.goto(live_server.url + library.url)
    expect(phone.locator("h1")).to_have_text("Thư viện truyền thông")
    assert fits_the_phone(phone)

    phone.get_by_role("link", name="Bản tin giảm nghèo tuần này").click()
    expect(phone.locator("h1")).to_have_text("Bản tin giảm nghèo tuần này")
    audio = phone.locator("audio")
    expect(audio).to_have_attribute("preload", "none")
    expect(phone.get_by_role("link", name="ban-tin-giam-ngheo.wav")).to_be_visible()
    assert fits_the_phone(phone)

    # The play button sits at the left end of the player's native controls.
    box = audio.bounding_box()
    audio.click(position={"x": min(24, box["width"] / 2), "y": box["height"] / 2})
    phone.wait_for_function("document.querySelector('audio').currentTime > 0")
    assert phone.evaluate("document.querySelector('audio').error") is None
