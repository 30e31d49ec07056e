"""The staff case page: contact details on demand (logged), files, actions, templates."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from giamngheo.accounts.models import PersonalDataAccess
from giamngheo.feedback.models import Attachment, Feedback

from .factories import FeedbackFactory
from .files import phone_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(categories, phu_vang, wagtail_tree):
    return FeedbackFactory(
        commune=phu_vang,
        assigned_unit=phu_vang,
        category=categories["support-not-received"],
        text="Chưa nhận tiền hỗ trợ điện",
    )


@pytest.fixture
def signed_in(client, officer):
    client.force_login(officer)
    return client


def test_contact_details_show_only_when_asked_and_each_view_is_logged(
    signed_in, case, officer, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40):
        page = signed_in.get(f"/admin/phan-anh/ca/{case.pk}/").content.decode()
    assert case.text in page
    assert "0912345678" not in page
    assert not PersonalDataAccess.objects.exists()
    page = signed_in.get(f"/admin/phan-anh/ca/{case.pk}/?contact=1").content.decode()
    assert "0912345678" in page and "Trần Thị Bình" in page
    access = PersonalDataAccess.objects.get()
    assert (access.user, access.subject_id, access.kind) == (officer, case.pk, "contact")
    assert access.subject == case.tracking_code and access.purpose == "Xử lý phản ánh, kiến nghị"


def test_an_attachment_is_served_to_the_handler_privately_and_logged(signed_in, case, officer):
    attachment = Attachment(feedback=case, kind="image", content_type="image/jpeg", size=3)
    attachment.file.save("a.jpg", ContentFile(phone_photo().read()), save=True)
    response = signed_in.get(f"/admin/phan-anh/ca/{case.pk}/tep/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Security-Policy"] == "sandbox"
    assert PersonalDataAccess.objects.get().kind == "attachment"
    # Another case's id with this case's attachment answers 404.
    other = FeedbackFactory(commune=case.commune, assigned_unit=case.commune)
    assert signed_in.get(f"/admin/phan-anh/ca/{other.pk}/tep/{attachment.pk}/").status_code == 404


def test_a_template_fills_the_answer_and_the_answer_is_sent(signed_in, case):
    template = case.category.answer_templates.first()
    page = signed_in.get(f"/admin/phan-anh/ca/{case.pk}/?template={template.pk}")
    assert page.context["forms"]["answer"].initial["answer"] == template.text
    response = signed_in.post(
        f"/admin/phan-anh/ca/{case.pk}/answer/", {"answer": template.text + " Ngày 15/12."}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "answered" and case.answer.endswith("Ngày 15/12.")


def test_an_empty_answer_shows_the_case_again_with_the_error(signed_in, case):
    response = signed_in.post(f"/admin/phan-anh/ca/{case.pk}/answer/", {"answer": ""})
    assert response.status_code == 200
    assert response.context["forms"]["answer"].errors["answer"]
    case.refresh_from_db()
    assert case.status == "assigned"


def test_a_wrong_state_action_says_why_without_an_error_page(signed_in, case):
    response = signed_in.post(f"/admin/phan-anh/ca/{case.pk}/close/")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "assigned"


def test_start_note_and_reject_from_the_case_page(signed_in, case):
    assert signed_in.post(f"/admin/phan-anh/ca/{case.pk}/start/").status_code == 302
    signed_in.post(f"/admin/phan-anh/ca/{case.pk}/note/", {"text": "Đã xác minh tại thôn"})
    signed_in.post(f"/admin/phan-anh/ca/{case.pk}/reject/", {"reason": "Không thuộc diện"})
    case.refresh_from_db()
    assert case.status == "rejected" and case.rejection_reason == "Không thuộc diện"
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds == ["started", "note", "rejected"]


def test_staff_enter_a_phone_call_on_the_citizens_behalf(signed_in, categories, officer):
    response = signed_in.post(
        "/admin/phan-anh/nhap/",
        {
            "channel": "phone",
            "category": categories["policy-question"].pk,
            "commune": officer.unit.pk,
            "text": "Ông A gọi hỏi về vay vốn hộ cận nghèo",
            "name": "Nguyễn Văn A",
            "phone": "0905 111 222",
            "consent": "on",
        },
    )
    feedback = Feedback.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/phan-anh/ca/{feedback.pk}/"
    assert feedback.channel == "phone" and feedback.entered_by == officer
    assert feedback.assigned_unit == officer.unit


def test_staff_entry_without_consent_for_contact_details_is_refused(signed_in, categories, officer):
    response = signed_in.post(
        "/admin/phan-anh/nhap/",
        {
            "channel": "letter",
            "category": categories["policy-question"].pk,
            "commune": officer.unit.pk,
            "text": "Thư hỏi",
            "email": "a@example.vn",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["consent"]
    assert not Feedback.objects.exists()


def test_the_listing_filters_overdue_cases_and_searches_without_accents(signed_in, case, phu_vang):
    late = FeedbackFactory(
        commune=phu_vang,
        assigned_unit=phu_vang,
        text="Đường vào thôn hư hỏng",
        due_on=timezone.localdate() - datetime.timedelta(days=2),
    )
    overdue = signed_in.get("/admin/feedback_cases/", {"overdue": "true"}).content.decode()
    assert late.tracking_code in overdue and case.tracking_code not in overdue
    found = signed_in.get("/admin/feedback_cases/", {"q": "duong vao thon"}).content.decode()
    assert late.tracking_code in found and case.tracking_code not in found
    by_code = signed_in.get("/admin/feedback_cases/", {"q": case.tracking_code.lower()})
    assert case.tracking_code in by_code.content.decode()


@pytest.mark.parametrize(
    "params",
    [{"status": "nope"}, {"assigned_unit": "abc"}, {"p": "x"}, {"requested_at_after": "z"}],
)
def test_bad_listing_filters_never_give_a_500(signed_in, case, params):
    assert signed_in.get("/admin/feedback_cases/", params).status_code == 200


def test_bad_report_dates_fall_back_to_this_year(signed_in, case):
    response = signed_in.get("/admin/phan-anh/bao-cao/", {"start": "x", "end": "2020-13-01"})
    assert response.status_code == 200
    assert response.context["report"].start == timezone.localdate().replace(month=1, day=1)


def test_the_admin_url_finder_leads_to_the_case_page_in_scope_only(case, officer, other_officer):
    from wagtail.admin.admin_url_finder import AdminURLFinder

    assert AdminURLFinder(officer).get_edit_url(case) == f"/admin/phan-anh/ca/{case.pk}/"
    assert AdminURLFinder(other_officer).get_edit_url(case) is None
