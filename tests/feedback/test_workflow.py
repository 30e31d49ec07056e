"""The life of a case: assign, start, answer, close or reject; reassign; notes; deadlines."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from giamngheo.feedback import services
from giamngheo.feedback.models import Feedback
from giamngheo.feedback.workdays import add_working_days
from tests.accounts.factories import UserFactory
from tests.conftest import unit

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def province(hue_units):
    return UserFactory(username="tinh", role="province_staff", unit=unit("46"))


@pytest.fixture
def received(categories, phu_vang, wagtail_tree):
    return FeedbackFactory(commune=phu_vang)


def test_province_assigns_the_commune_answers_and_closes(
    received, province, officer, phu_vang, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.assign_feedback(feedback=received, unit=phu_vang, by=province, note="Xử lý gấp")
    assert received.status == "assigned" and received.assigned_unit == phu_vang
    assert mailoutbox[-1].to == [officer.email]  # the commune is told
    services.start_feedback(feedback=received, by=officer)
    services.answer_feedback(feedback=received, answer="Đã chi trả.", by=officer)
    assert received.status == "answered" and received.first_answered_at
    services.close_feedback(feedback=received, by=officer)
    received.refresh_from_db()
    assert received.status == "closed" and received.closed_at
    kinds = list(received.events.values_list("kind", flat=True))
    assert kinds == ["assigned", "started", "answered", "closed"]


def test_reassignment_moves_the_case_out_of_the_first_communes_view(
    received, province, officer, other_officer, phu_vang, phu_xuan
):
    from giamngheo.feedback.selectors import feedback_visible_to

    services.assign_feedback(feedback=received, unit=phu_vang, by=province)
    services.start_feedback(feedback=received, by=officer)
    services.assign_feedback(feedback=received, unit=phu_xuan, by=province)
    assert received.status == "assigned"
    assert not feedback_visible_to(officer).filter(pk=received.pk).exists()
    assert feedback_visible_to(other_officer).filter(pk=received.pk).exists()


def test_a_commune_officer_cannot_assign(received, officer, phu_vang):
    with pytest.raises(PermissionDenied):
        services.assign_feedback(feedback=received, unit=phu_vang, by=officer)


def test_a_case_cannot_be_answered_before_it_is_assigned(received, province):
    with pytest.raises(ValidationError):
        services.answer_feedback(feedback=received, answer="x", by=province)


def test_an_empty_answer_is_refused_and_nothing_changes(received, province, phu_vang):
    services.assign_feedback(feedback=received, unit=phu_vang, by=province)
    with pytest.raises(ValidationError) as error:
        services.answer_feedback(feedback=received, answer="   ", by=province)
    assert "answer" in error.value.message_dict
    assert Feedback.objects.get(pk=received.pk).status == "assigned"


def test_rejecting_needs_a_reason_that_the_citizen_reads(client, received, province):
    with pytest.raises(ValidationError):
        services.reject_feedback(feedback=received, reason="", by=province)
    services.reject_feedback(feedback=received, reason="Trùng với phản ánh trước.", by=province)
    page = client.get(f"/phan-anh/tra-cuu/{received.tracking_code}/").content.decode()
    assert "Trùng với phản ánh trước." in page


def test_a_closed_case_cannot_be_answered_again(received, province, officer, phu_vang):
    services.assign_feedback(feedback=received, unit=phu_vang, by=province)
    services.answer_feedback(feedback=received, answer="Đã xong.", by=officer)
    services.close_feedback(feedback=received, by=officer)
    with pytest.raises(ValidationError):
        services.answer_feedback(feedback=received, answer="Lại", by=officer)


def test_the_deadline_counts_working_days_of_the_category(categories, phu_vang):
    feedback = services.submit_feedback(
        category=categories["support-not-received"],
        commune=phu_vang,
        text="Chưa nhận được hỗ trợ",
        consent=True,
    )
    received_on = timezone.localdate(feedback.requested_at)
    assert feedback.due_on == add_working_days(received_on, 10)


def test_staff_entry_by_a_commune_officer_is_assigned_to_their_commune(categories, officer):
    feedback = services.submit_feedback(
        category=categories["policy-question"],
        commune=officer.unit,
        text="Bà con hỏi tại trụ sở về vay vốn.",
        channel="office",
        entered_by=officer,
    )
    assert feedback.channel == "office" and feedback.entered_by == officer
    assert feedback.assigned_unit == officer.unit and feedback.status == "assigned"
    assert feedback.consent_at is None  # no contact details, no consent needed


def test_staff_entry_with_contact_details_needs_the_citizens_consent(categories, officer):
    with pytest.raises(ValidationError) as error:
        services.submit_feedback(
            category=categories["policy-question"],
            commune=officer.unit,
            text="Gọi điện hỏi",
            channel="phone",
            phone="0905111222",
            entered_by=officer,
        )
    assert "consent_at" in error.value.message_dict
    assert not Feedback.objects.exists()


def test_the_api_channel_needs_consent_like_the_portal(categories, phu_vang):
    with pytest.raises(ValidationError):
        services.submit_feedback(
            category=categories["other"], commune=phu_vang, text="Từ ứng dụng", channel="api"
        )


def test_the_open311_fields_are_on_the_case(categories, phu_vang):
    from decimal import Decimal

    feedback = services.submit_feedback(
        category=categories["suggestion"],
        commune=phu_vang,
        text="Đề nghị lắp loa ở thôn 2",
        channel="api",
        consent=True,
        address="Thôn 2",
        latitude=Decimal("16.4637"),
        longitude=Decimal("107.5909"),
    )
    assert feedback.category.code == "suggestion"  # service_code
    assert feedback.tracking_code  # service_request_id
    assert feedback.requested_at and feedback.updated_at


def test_answered_cases_close_by_themselves_after_the_reopen_window(
    received, province, officer, phu_vang, settings
):
    services.assign_feedback(feedback=received, unit=phu_vang, by=province)
    services.answer_feedback(feedback=received, answer="Đã xong.", by=officer)
    later = timezone.now() + datetime.timedelta(days=settings.FEEDBACK_REOPEN_DAYS + 1)
    assert services.close_answered_after_window(now=later) == 1
    received.refresh_from_db()
    assert received.status == "closed"


def test_a_failure_after_a_file_was_written_leaves_neither_rows_nor_files(
    categories, phu_vang, settings
):
    from django.core.files.base import ContentFile

    from giamngheo.feedback.models import Attachment
    from giamngheo.feedback.uploads import CleanFile

    good = CleanFile(ContentFile(b"%PDF-1.4\n", name="document.pdf"), "pdf", "application/pdf")
    bad = CleanFile(ContentFile(b"%PDF-1.4\n", name="document.pdf"), "no-such-kind", "x/y")
    with pytest.raises(ValidationError):
        services.submit_feedback(
            category=categories["other"],
            commune=phu_vang,
            text="Hai tệp",
            consent=True,
            attachments=[good, bad],
        )
    assert not Feedback.objects.exists() and not Attachment.objects.exists()
    root = settings.FEEDBACK_FILES_ROOT
    assert not root.exists() or not any(path.is_file() for path in root.rglob("*"))
