"""The citizen follows their case by its code, reads the answer, rates it, reopens it."""

import datetime

import pytest
from django.utils import timezone

from giamngheo.feedback import services
from giamngheo.feedback.models import Feedback

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(categories, phu_vang, officer, wagtail_tree):
    feedback = FeedbackFactory(commune=phu_vang, assigned_unit=phu_vang)
    services.add_note(feedback=feedback, text="Đã gọi điện cho thôn trưởng", by=officer)
    return services.answer_feedback(
        feedback=feedback, answer="Khoản hỗ trợ sẽ chi trả vào ngày 15.", by=officer
    )


def test_the_code_leads_to_its_page_however_it_is_typed(client, answered):
    code = answered.tracking_code
    typed = f" {code[:5].lower()}-{code[5:].lower()} "
    response = client.get("/phan-anh/tra-cuu/", {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/phan-anh/tra-cuu/{code}/"


def test_an_unknown_code_says_so_on_the_field(client, categories, wagtail_tree):
    response = client.get("/phan-anh/tra-cuu/", {"code": "ABCDEFGHJK"})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]


def test_an_unknown_code_in_the_address_is_a_404(client, categories, wagtail_tree):
    assert client.get("/phan-anh/tra-cuu/NOPE/").status_code == 404
    assert client.get("/phan-anh/tra-cuu/%3Cscript%3E/").status_code == 404


def test_the_page_shows_status_and_answer_but_no_contact_notes_or_staff_names(
    client, answered, officer, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = client.get(f"/phan-anh/tra-cuu/{answered.tracking_code}/")
    page = response.content.decode()
    assert "Khoản hỗ trợ sẽ chi trả vào ngày 15." in page
    assert answered.text in page
    for private in ("Trần Thị Bình", "0912345678", "binh@example.vn", "thôn trưởng"):
        assert private not in page
    assert officer.username not in page and officer.last_name not in page
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_tracking_is_rate_limited_per_address(client, answered, settings):
    settings.FEEDBACK_RATE_LIMITS = {**settings.FEEDBACK_RATE_LIMITS, "track": "3/h"}
    for _ in range(3):
        assert client.get("/phan-anh/tra-cuu/", {"code": "AAAAAAAAAA"}).status_code == 200
    assert client.get("/phan-anh/tra-cuu/", {"code": "AAAAAAAAAA"}).status_code == 429
    assert client.get(f"/phan-anh/tra-cuu/{answered.tracking_code}/").status_code == 429


def test_the_citizen_rates_the_answer(client, answered):
    url = f"/phan-anh/tra-cuu/{answered.tracking_code}/danh-gia/"
    response = client.post(url, {"rating": "4", "comment": "Rõ ràng"})
    assert response.status_code == 302
    answered.refresh_from_db()
    assert answered.rating == 4 and answered.rating_comment == "Rõ ràng"


@pytest.mark.parametrize("rating", ["9", "0", "abc", ""])
def test_a_bad_rating_is_refused_on_its_field(client, answered, rating):
    url = f"/phan-anh/tra-cuu/{answered.tracking_code}/danh-gia/"
    response = client.post(url, {"rating": rating})
    assert response.status_code == 200
    assert response.context["rate_form"].errors["rating"]
    answered.refresh_from_db()
    assert answered.rating is None


def test_an_open_case_cannot_be_rated(client, categories, phu_vang, wagtail_tree):
    feedback = FeedbackFactory(commune=phu_vang)
    url = f"/phan-anh/tra-cuu/{feedback.tracking_code}/danh-gia/"
    response = client.post(url, {"rating": "5"})
    assert response.status_code == 200
    feedback.refresh_from_db()
    assert feedback.rating is None


def test_the_citizen_reopens_within_the_window_and_the_unit_is_told(
    client, answered, officer, mailoutbox, django_capture_on_commit_callbacks
):
    url = f"/phan-anh/tra-cuu/{answered.tracking_code}/mo-lai/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Đến nay vẫn chưa nhận được."})
    assert response.status_code == 302
    answered.refresh_from_db()
    assert answered.status == "in_progress" and answered.reopen_count == 1
    assert answered.due_on > timezone.localdate()
    assert mailoutbox[-1].to == [officer.email]
    assert answered.tracking_code in mailoutbox[-1].subject


def test_reopening_after_the_window_is_refused(client, answered, settings):
    Feedback.objects.filter(pk=answered.pk).update(
        answered_at=timezone.now() - datetime.timedelta(days=settings.FEEDBACK_REOPEN_DAYS + 1)
    )
    url = f"/phan-anh/tra-cuu/{answered.tracking_code}/mo-lai/"
    response = client.post(url, {"reason": "Vẫn chưa nhận được."})
    assert response.status_code == 200
    answered.refresh_from_db()
    assert answered.status == "answered"


def test_a_reopen_reason_with_script_is_refused(client, answered):
    url = f"/phan-anh/tra-cuu/{answered.tracking_code}/mo-lai/"
    response = client.post(url, {"reason": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert response.context["reopen_form"].errors["reason"]
    answered.refresh_from_db()
    assert answered.status == "answered"


def test_the_citizen_is_told_when_the_case_is_answered(
    categories, phu_vang, officer, mailoutbox, django_capture_on_commit_callbacks
):
    from giamngheo.feedback import sms

    feedback = FeedbackFactory(commune=phu_vang, assigned_unit=phu_vang)
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_feedback(feedback=feedback, answer="Đã giải quyết.", by=officer)
    assert mailoutbox[-1].to == ["binh@example.vn"]
    assert feedback.tracking_code in mailoutbox[-1].body
    assert f"/phan-anh/tra-cuu/{feedback.tracking_code}/" in sms.outbox[-1].text
