"""A citizen sends feedback with a photo from a phone and reads the answer; the commune answers."""

import io
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from giamngheo.feedback.models import AnswerTemplate, Feedback, FeedbackCategory
from giamngheo.feedback.seed import seed_categories
from tests.accounts.factories import PASSWORD, UserFactory
from tests.conftest import unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390


@pytest.fixture
def channel(settings, tmp_path, hue_units, wagtail_tree):
    settings.FEEDBACK_FILES_ROOT = tmp_path / "feedback-files"
    settings.SMS_BACKEND = "giamngheo.feedback.sms.MemorySmsBackend"
    cache.clear()
    seed_categories(FeedbackCategory, AnswerTemplate)
    yield
    cache.clear()


def photo_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (40, 120, 40)).save(buffer, format="JPEG")
    return buffer.getvalue()


def sign_in(page, live_server, username):
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r".*/admin/$"))


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH + 1


def test_citizen_sends_with_a_photo_the_commune_answers_the_citizen_reads_it(
    live_server, phone, browser, channel
):
    today = timezone.localdate()
    commune = unit("19942", today)  # Xã Phú Vang
    other = unit("19768", today)  # Phường Phú Xuân
    UserFactory(username="xa.phuvang", role="commune_officer", unit=commune)
    not_ours = Feedback.objects.create(
        category=FeedbackCategory.objects.get(code="suggestion"),
        commune=other,
        assigned_unit=other,
        status="assigned",
        text="Góp ý của phường khác",
    )

    # The citizen, on a phone.
    phone.goto(live_server.url + "/phan-anh/")
    expect(phone.locator("h1")).to_be_visible()
    phone.get_by_label("Chưa nhận được hỗ trợ").check()
    phone.select_option("select[name=commune]", str(commune.pk))
    phone.fill("textarea[name=text]", "Nhà tôi chưa nhận được hỗ trợ tiền điện quý 3.")
    phone.set_input_files(
        "input[name=attachments]",
        files=[{"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes()}],
    )
    phone.fill("input[name=phone]", "0912345678")
    phone.locator("input[name=consent]").check()
    # The proof of work runs in the page (our static copy of the ALTCHA widget).
    expect(phone.locator("input[name=altcha]")).not_to_have_value("", timeout=60_000)
    assert fits_the_phone(phone)
    phone.locator("form.feedback-form button[type=submit]").click()
    phone.wait_for_url(re.compile(r".*/phan-anh/tra-cuu/[A-Z0-9]{10}/\?moi=1$"))
    code = phone.locator("#tracking-code").inner_text().strip()
    feedback = Feedback.objects.get(tracking_code=code)
    assert feedback.attachments.count() == 1
    assert fits_the_phone(phone)

    # The province assigns it to the commune (done here through the service).
    from giamngheo.feedback import services

    province = UserFactory(username="tinh.pa", role="province_staff", unit=unit("46", today))
    services.assign_feedback(feedback=feedback, unit=commune, by=province)

    # The commune officer answers it, and cannot open another commune's case.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    staff = context.new_page()
    sign_in(staff, live_server, "xa.phuvang")
    staff.goto(live_server.url + "/admin/feedback_cases/")
    expect(staff.locator("body")).to_contain_text(code)
    expect(staff.locator("body")).not_to_contain_text(not_ours.tracking_code)
    staff.get_by_role("link", name=code).click()
    staff.fill("textarea[name=answer]", "Khoản hỗ trợ quý 3 sẽ chi trả tại UBND xã ngày 15/12.")
    staff.locator("#answer button[type=submit]").click()
    expect(staff.locator("body")).to_contain_text("Khoản hỗ trợ quý 3")
    response = staff.goto(live_server.url + f"/admin/phan-anh/ca/{not_ours.pk}/")
    assert response.status == 404
    context.close()

    # Later, the citizen reads the answer with the code.
    phone.goto(live_server.url + "/phan-anh/tra-cuu/")
    phone.fill("input[name=code]", code.lower())
    phone.locator("form.track-form button[type=submit]").click()
    expect(phone.locator("body")).to_contain_text("Khoản hỗ trợ quý 3 sẽ chi trả tại UBND xã")
    assert fits_the_phone(phone)


def test_bad_input_on_a_phone_is_shown_on_its_field(live_server, phone, channel):
    phone.goto(live_server.url + "/phan-anh/")
    phone.get_by_label("Hỏi về chính sách").check()
    phone.fill("textarea[name=text]", "<script>alert('x')</script>")
    expect(phone.locator("input[name=altcha]")).not_to_have_value("", timeout=60_000)
    phone.locator("form.feedback-form button[type=submit]").click()
    expect(phone.locator("#form-errors")).to_be_visible()
    expect(phone.locator("#id_text")).to_have_attribute("aria-invalid", "true")
    expect(phone.locator("#id_consent")).to_have_attribute("aria-invalid", "true")
    assert not Feedback.objects.exists()
    assert fits_the_phone(phone)
