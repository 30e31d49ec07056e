"""Every staff view, action, file and export keeps other units' cases out."""

import io

import pytest
from django.core.files.base import ContentFile
from openpyxl import load_workbook

from giamngheo.accounts.models import PersonalDataAccess
from giamngheo.accounts.privacy import log_personal_data_access
from giamngheo.feedback.models import Attachment
from tests.accounts.factories import UserFactory
from tests.conftest import unit

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(categories, phu_vang, phu_xuan, wagtail_tree):
    mine = FeedbackFactory(commune=phu_vang, assigned_unit=phu_vang, text="Việc của Phú Vang")
    theirs = FeedbackFactory(commune=phu_xuan, assigned_unit=phu_xuan, text="Việc của Phú Xuân")
    unassigned = FeedbackFactory(commune=phu_vang, text="Chưa giao cho ai")
    for case in (mine, theirs):
        attachment = Attachment(feedback=case, kind="pdf", content_type="application/pdf", size=9)
        attachment.file.save("x.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return {"mine": mine, "theirs": theirs, "unassigned": unassigned}


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to its dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def listed(client, **params) -> str:
    response = client.get("/admin/feedback_cases/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_commune_officer_lists_only_the_cases_assigned_to_their_commune(
    client, officer, cases, django_assert_max_num_queries
):
    client.force_login(officer)
    with django_assert_max_num_queries(30):
        page = listed(client)
    assert cases["mine"].tracking_code in page
    assert cases["theirs"].tracking_code not in page
    assert cases["unassigned"].tracking_code not in page


def test_the_listing_query_count_does_not_grow_with_the_cases(
    client, officer, cases, phu_vang, django_assert_max_num_queries
):
    client.force_login(officer)
    listed(client)
    with django_assert_max_num_queries(30) as few:
        listed(client)
    FeedbackFactory.create_batch(15, commune=phu_vang, assigned_unit=phu_vang)
    with django_assert_max_num_queries(len(few.captured_queries)):
        listed(client)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/phan-anh/ca/{pk}/",
        "/admin/phan-anh/ca/{pk}/?contact=1",
        "/admin/phan-anh/ca/{pk}/tep/{attachment}/",
    ],
)
def test_another_communes_case_answers_404(client, officer, cases, path):
    client.force_login(officer)
    theirs = cases["theirs"]
    url = path.format(pk=theirs.pk, attachment=theirs.attachments.get().pk)
    assert client.get(url).status_code == 404
    assert not PersonalDataAccess.objects.exists()


@pytest.mark.parametrize("action", ["start", "answer", "reject", "note", "close", "assign"])
def test_another_communes_case_cannot_be_acted_on(client, officer, cases, action):
    client.force_login(officer)
    theirs = cases["theirs"]
    response = client.post(
        f"/admin/phan-anh/ca/{theirs.pk}/{action}/",
        {"answer": "x", "reason": "x", "text": "x", "unit": officer.unit.pk},
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "assigned" and not theirs.events.exists()


def test_a_missing_case_and_a_bad_action_answer_404(client, officer, cases):
    client.force_login(officer)
    assert client.get("/admin/phan-anh/ca/999999/").status_code == 404
    assert client.post(f"/admin/phan-anh/ca/{cases['mine'].pk}/explode/").status_code == 404


def test_the_export_holds_only_the_users_cases_and_no_contact_details(client, officer, cases):
    client.force_login(officer)
    response = client.get("/admin/feedback_cases/", {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row]
    assert cases["mine"].tracking_code in cells
    assert cases["theirs"].tracking_code not in cells
    assert not any("0912345678" in c or "Trần Thị Bình" in c for c in cells)


def test_the_report_counts_only_the_users_cases(client, officer, cases):
    client.force_login(officer)
    response = client.get("/admin/phan-anh/bao-cao/")
    assert response.status_code == 200
    assert response.context["report"].total == 1
    xlsx = client.get("/admin/phan-anh/bao-cao/", {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert workbook.worksheets[0]["B2"].value == 1


def test_the_access_log_lists_only_views_of_the_users_cases(client, cases, phu_vang, phu_xuan):
    tinh = UserFactory(role="province_staff", unit=unit("46"))
    for case in (cases["theirs"], cases["mine"]):
        log_personal_data_access(
            user=tinh, kind="contact", purpose="x", subject=case, unit=case.assigned_unit
        )
    district_like = UserFactory(role="province_staff", unit=phu_vang)  # a staff member of a commune
    client.force_login(district_like)
    page = client.get("/admin/personal_data_access_log/").content.decode()
    assert cases["mine"].tracking_code in page
    assert cases["theirs"].tracking_code not in page


def test_province_staff_see_every_case_including_unassigned_ones(client, cases):
    client.force_login(UserFactory(role="province_staff", unit=unit("46")))
    page = listed(client)
    for case in cases.values():
        assert case.tracking_code in page
    unassigned = listed(client, unassigned="true")
    assert cases["unassigned"].tracking_code in unassigned
    assert cases["mine"].tracking_code not in unassigned


def test_a_district_officer_sees_the_cases_of_its_communes_only(
    client, categories, district_officer, wagtail_tree
):
    inside = unit("19942")  # Thị trấn Phú Đa, under Huyện Phú Vang in the 2021 map
    outside = unit("20068")  # Xã A Ngo, Huyện A Lưới
    ours = FeedbackFactory(commune=inside, assigned_unit=inside)
    other = FeedbackFactory(commune=outside, assigned_unit=outside)
    client.force_login(district_officer)
    page = listed(client)
    assert ours.tracking_code in page and other.tracking_code not in page
    assert client.get(f"/admin/phan-anh/ca/{other.pk}/").status_code == 404


def test_a_leader_reads_cases_without_contact_details_or_actions(client, leader, cases):
    client.force_login(leader)
    mine = cases["mine"]
    page = client.get(f"/admin/phan-anh/ca/{mine.pk}/?contact=1").content.decode()
    assert mine.text in page
    assert "0912345678" not in page and "binh@example.vn" not in page
    attachment = mine.attachments.get()
    assert refused(client.get(f"/admin/phan-anh/ca/{mine.pk}/tep/{attachment.pk}/"))
    assert refused(client.post(f"/admin/phan-anh/ca/{mine.pk}/answer/", {"answer": "x"}))
    mine.refresh_from_db()
    assert mine.status == "assigned"
    assert not PersonalDataAccess.objects.exists()


def test_an_officer_cannot_assign_to_another_commune(client, officer, cases, phu_xuan):
    client.force_login(officer)
    mine = cases["mine"]
    client.post(f"/admin/phan-anh/ca/{mine.pk}/assign/", {"unit": phu_xuan.pk})
    mine.refresh_from_db()
    assert mine.assigned_unit_id == officer.unit_id


def test_anonymous_visitors_reach_none_of_the_staff_views(client, cases):
    mine = cases["mine"]
    for url in (
        "/admin/feedback_cases/",
        f"/admin/phan-anh/ca/{mine.pk}/",
        f"/admin/phan-anh/ca/{mine.pk}/tep/{mine.attachments.get().pk}/",
        "/admin/phan-anh/bao-cao/",
        "/admin/phan-anh/nhap/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_report_runs_a_fixed_number_of_queries(
    client, officer, cases, phu_vang, django_assert_max_num_queries
):
    client.force_login(officer)
    client.get("/admin/phan-anh/bao-cao/")
    FeedbackFactory.create_batch(10, commune=phu_vang, assigned_unit=phu_vang)
    with django_assert_max_num_queries(25):
        response = client.get("/admin/phan-anh/bao-cao/")
    assert response.context["report"].total == 11
