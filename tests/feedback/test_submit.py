"""A citizen sends feedback from the portal; bad input is refused and nothing is kept."""

import io
import os

import pytest
from django.conf import settings
from PIL import Image

from giamngheo.feedback import sms
from giamngheo.feedback.models import Attachment, Feedback, FeedbackEvent

from .files import fake_image, oversized, pdf, phone_photo, png_image, truncated_jpeg

pytestmark = pytest.mark.django_db

TEXT = "Gia đình tôi thuộc diện hộ nghèo nhưng chưa nhận được tiền hỗ trợ tiền điện quý 3."


@pytest.fixture
def post(client, categories, phu_vang, altcha_payload, wagtail_tree):
    def send(files=None, **overrides):
        data = {
            "category": categories["support-not-received"].pk,
            "commune": phu_vang.pk,
            "text": TEXT,
            "address": "Thôn Hà Thanh",
            "name": "Trần Thị Bình",
            "phone": "0912 345 678",
            "email": "binh@example.vn",
            "consent": "on",
            "altcha": altcha_payload(),
        }
        data.update(overrides)
        data = {key: value for key, value in data.items() if value is not None}
        if files:
            data["attachments"] = files
        return client.post("/phan-anh/", data)

    return send


def nothing_stored() -> bool:
    files = settings.FEEDBACK_FILES_ROOT
    return (
        not Feedback.objects.exists()
        and not Attachment.objects.exists()
        and not FeedbackEvent.objects.exists()
        and not (files.exists() and any(files.rglob("*.*")))
    )


def test_citizen_sends_feedback_with_a_photo_and_gets_a_tracking_code(
    post, client, phu_vang, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(files=[phone_photo()])
    feedback = Feedback.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/phan-anh/tra-cuu/{feedback.tracking_code}/?moi=1"
    assert len(feedback.tracking_code) == 10
    assert feedback.commune == phu_vang
    assert feedback.status == "received" and feedback.channel == "web"
    assert feedback.consent_at is not None and feedback.consent_version
    assert feedback.due_on > feedback.requested_at.date()
    page = client.get(response["Location"])
    assert feedback.tracking_code in page.content.decode()
    # The citizen is told by e-mail and text message, with the code.
    assert feedback.tracking_code in mailoutbox[0].body
    assert mailoutbox[0].to == ["binh@example.vn"]
    assert sms.outbox[0].to == "0912 345 678" and feedback.tracking_code in sms.outbox[0].text


def test_photo_is_reencoded_upright_without_gps_or_camera_data(post):
    post(files=[phone_photo(width=64, height=32)])
    attachment = Attachment.objects.get()
    assert attachment.kind == "image" and attachment.content_type == "image/jpeg"
    with attachment.file.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        assert image.format == "JPEG"
        assert image.size == (32, 64)  # turned as the phone showed it
        assert not image.getexif()  # no orientation, camera, nor GPS
        assert "exif" not in image.info


def test_attachments_are_stored_outside_public_media_under_unguessable_names(post):
    post(files=[phone_photo("nha-toi-o-thon-3.jpg"), pdf()])
    for attachment in Attachment.objects.all():
        path = attachment.file.path
        assert path.startswith(str(settings.FEEDBACK_FILES_ROOT))
        assert not path.startswith(str(settings.MEDIA_ROOT))
        assert "nha-toi" not in path
        assert len(os.path.basename(path).split(".")[0]) == 32


def test_a_png_keeps_its_transparency(post):
    post(files=[png_image()])
    assert Attachment.objects.get().content_type == "image/png"


def test_missing_consent_is_refused_on_its_field_and_nothing_is_stored(post):
    response = post(consent=None)
    assert response.status_code == 200
    assert response.context["form"].errors["consent"]
    assert 'aria-invalid="true"' in response.content.decode()
    assert nothing_stored()


@pytest.mark.parametrize(
    "field,value",
    [
        ("text", "Xin chào <script>alert('x')</script>"),
        ("text", 'Xem <img src=x onerror="alert(1)">'),
        ("name", "<b>Bình</b>"),
        ("address", "<a href='http://x'>thôn 3</a>"),
    ],
)
def test_html_or_script_in_a_text_field_is_refused_naming_the_field(post, field, value):
    response = post(**{field: value})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert nothing_stored()


def test_plain_text_with_angle_brackets_is_kept_as_written(post, client):
    text = "Thu nhập < 1,5 triệu/tháng, tức là a < b và c > d; có được hỗ trợ không?"
    post(text=text)
    feedback = Feedback.objects.get()
    assert feedback.text == text
    page = client.get(f"/phan-anh/tra-cuu/{feedback.tracking_code}/").content.decode()
    assert "a &lt; b và c &gt; d" in page


@pytest.mark.parametrize(
    "upload",
    [fake_image, truncated_jpeg, lambda: pdf(body=b"/OpenAction << /JS (app.alert(1)) >>")],
    ids=["script-named-jpg", "truncated-jpeg", "pdf-with-javascript"],
)
def test_fake_or_active_files_are_refused_and_nothing_is_stored(post, upload):
    response = post(files=[phone_photo(), upload()])
    assert response.status_code == 200
    assert "attachments" in response.context["form"].errors
    assert nothing_stored()


def test_an_oversized_file_is_refused_with_the_limit_in_the_message(post, settings):
    settings.FEEDBACK_MAX_ATTACHMENT_BYTES = 1024 * 1024
    response = post(files=[oversized(size=2 * 1024 * 1024)])
    assert "1,0" in str(response.context["form"].errors["attachments"]) or "1.0" in str(
        response.context["form"].errors["attachments"]
    )
    assert nothing_stored()


def test_too_many_files_are_refused(post, settings):
    settings.FEEDBACK_MAX_ATTACHMENTS = 2
    response = post(files=[png_image("a.png"), png_image("b.png"), png_image("c.png")])
    assert "attachments" in response.context["form"].errors
    assert nothing_stored()


@pytest.mark.parametrize(
    "overrides",
    [
        {"commune": "999999"},
        {"commune": "abc"},
        {"category": "x"},
        {"text": ""},
        {"text": "x" * 5001},
        {"phone": "gọi tôi nhé"},
        {"email": "không phải email"},
    ],
)
def test_bad_values_give_the_form_back_with_a_message_never_a_500(post, overrides):
    response = post(**overrides)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert nothing_stored()


def test_a_commune_of_an_old_map_is_not_offered(post, hue_units):
    from tests.conftest import unit

    old = unit("19903")  # Xã Phú Thuận, merged on 1 July 2025
    response = post(commune=old.pk)
    assert "commune" in response.context["form"].errors
    assert nothing_stored()


def test_without_the_proof_of_work_nothing_is_sent(post):
    response = post(altcha="")
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert nothing_stored()


def test_a_forged_proof_of_work_is_refused(post):
    response = post(altcha="eyJjaGFsbGVuZ2UiOiB7fX0=")
    assert response.context["form"].non_field_errors()
    assert nothing_stored()


def test_a_solved_challenge_cannot_be_replayed(post, altcha_payload):
    payload = altcha_payload()
    first = post(altcha=payload)
    assert first.status_code == 302
    second = post(altcha=payload)
    assert second.status_code == 200
    assert second.context["form"].non_field_errors()
    assert Feedback.objects.count() == 1


def test_the_hidden_bot_field_must_stay_empty(post):
    response = post(website="http://spam.example")
    assert response.status_code == 200
    assert nothing_stored()


def test_a_flood_of_posts_from_one_address_is_refused_with_a_clear_message(post, settings):
    settings.FEEDBACK_RATE_LIMITS = {**settings.FEEDBACK_RATE_LIMITS, "submit": "2/h"}
    assert post().status_code == 302
    assert post().status_code == 302
    response = post()
    assert response.status_code == 429
    assert response.context["too_many"]
    assert Feedback.objects.count() == 2


def test_the_limit_counts_the_visitor_behind_the_proxy_not_the_proxy(
    client, post, settings, categories, phu_vang
):
    settings.FEEDBACK_RATE_LIMITS = {**settings.FEEDBACK_RATE_LIMITS, "submit": "1/h"}
    settings.AXES_IPWARE_PROXY_COUNT = 1
    client.defaults["HTTP_X_FORWARDED_FOR"] = "203.0.113.7"
    assert post().status_code == 302
    client.defaults["HTTP_X_FORWARDED_FOR"] = "203.0.113.8"
    assert post().status_code == 302
    assert post().status_code == 429


def test_the_form_page_offers_the_categories_and_todays_communes(
    client, categories, phu_vang, wagtail_tree, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get("/phan-anh/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Chưa nhận được hỗ trợ" in page
    assert "Xã Phú Vang" in page and "Thị trấn Phú Đa" not in page
    assert "<altcha-widget" in page and "/static/vendor/altcha/altcha.min.js" in page
    assert "no-cache" in response["Cache-Control"]


def test_an_inactive_category_is_not_offered(post, categories):
    category = categories["suggestion"]
    category.is_active = False
    category.save()
    response = post(category=category.pk)
    assert "category" in response.context["form"].errors
    assert nothing_stored()


def test_a_plain_pdf_that_opens_at_its_first_page_is_accepted(post):
    response = post(files=[pdf(body=b"/OpenAction [3 0 R /Fit]")])
    assert response.status_code == 302
    assert Attachment.objects.get().content_type == "application/pdf"
