"""Participants' phones: every page and export that shows them is logged, and the file says so."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from giamngheo.accounts.models import PersonalDataAccess

from .test_registration import form
from .test_staff import PHONES
from .test_staff import played as played  # the fixture

pytestmark = pytest.mark.django_db


def workbook(response):
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def test_the_results_page_with_phones_is_logged_with_who_what_and_why(
    client, played, province_staff
):
    client.force_login(province_staff)
    client.get(reverse("contests_round_results", args=[played.pk]))
    access = PersonalDataAccess.objects.get()
    assert access.user == province_staff
    assert access.kind == "contact"
    assert access.people == 3
    assert access.subject == str(played.contest)
    assert access.purpose == "Tổ chức cuộc thi: liên hệ người dự thi và người đoạt giải"


@pytest.mark.parametrize("export", ["ranking", "participants"])
def test_an_export_with_phones_is_logged_and_carries_a_personal_data_sheet(
    client, played, province_staff, export
):
    client.force_login(province_staff)
    args = [played.pk] if export == "ranking" else [played.contest.pk]
    book = workbook(client.get(reverse(f"contests_export_{export}", args=args)))
    data = " ".join(str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row)
    assert PHONES[0] in data  # the data stay on the first sheet
    assert book.sheetnames[-1] == "Dữ liệu cá nhân"
    notice = book["Dữ liệu cá nhân"]["A2"].value
    assert notice.startswith("Tệp này chứa dữ liệu cá nhân")
    access = PersonalDataAccess.objects.get()
    assert (access.kind, access.people, access.user) == ("export", 3, province_staff)


def test_an_export_without_phones_is_neither_logged_nor_marked(client, played, district_officer):
    client.force_login(district_officer)
    book = workbook(client.get(reverse("contests_export_ranking", args=[played.pk])))
    data = " ".join(str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row)
    assert not any(phone in data for phone in PHONES)
    assert "Dữ liệu cá nhân" not in book.sheetnames
    assert not PersonalDataAccess.objects.exists()


def test_each_page_of_the_participants_listing_is_logged(client, played, province_staff):
    client.force_login(province_staff)
    page = client.get(reverse("contest_participants:index")).content.decode()
    assert "0911 000 001" in page or PHONES[0] in page
    access = PersonalDataAccess.objects.get()
    assert (access.kind, access.people) == ("contact", 3)


def test_a_name_typed_as_a_formula_on_the_portal_is_inert_text_in_the_staffs_export(
    client, contest, phu_vang, altcha_payload, province_staff
):
    formula = '=HYPERLINK("http://x.invalid","bấm vào đây")'
    registered = client.post(
        f"/cuoc-thi/{contest.slug}/dang-ky/", form(phu_vang, altcha_payload, name=formula)
    )
    assert registered.status_code == 302  # the public form took it, as a name
    client.force_login(province_staff)
    book = workbook(client.get(reverse("contests_export_participants", args=[contest.pk])))
    names = [row[0] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert names == ["'" + formula]
