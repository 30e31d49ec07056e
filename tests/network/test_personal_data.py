"""Communicators' phones: seeing one and exporting the list are logged; exports say so."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from giamngheo.accounts.models import PersonalDataAccess
from tests.conftest import unit

from .factories import CommunicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(hue_units):
    return {
        "ours": CommunicatorFactory(
            unit=unit("19942"), full_name="Lê Thị Hồng", phone="0912000001"
        ),
        "theirs": CommunicatorFactory(unit=unit("481"), full_name="Kăn Sức", phone="0912000002"),
    }


def test_opening_a_communicator_with_a_phone_is_logged(client, district_officer, people):
    client.force_login(district_officer)
    ours = people["ours"]
    page = client.get(reverse("network_communicators:inspect", args=[ours.pk])).content.decode()
    assert "0912000001" in page
    access = PersonalDataAccess.objects.get()
    assert (access.user, access.kind, access.subject_id) == (district_officer, "contact", ours.pk)
    assert access.unit == ours.unit
    assert access.purpose == "Quản lý mạng lưới tuyên truyền viên"


def test_the_xlsx_export_holds_only_the_users_units_phones_and_says_it_is_personal_data(
    client, district_officer, people
):
    client.force_login(district_officer)
    response = client.get(reverse("network_communicators:index") + "?export=xlsx")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    data = " ".join(str(c) for row in book.worksheets[0].iter_rows(values_only=True) for c in row)
    assert "0912000001" in data and "0912000002" not in data  # no phone of another district
    assert book["Dữ liệu cá nhân"]["A2"].value.startswith("Tệp này chứa dữ liệu cá nhân")
    access = PersonalDataAccess.objects.get()
    assert (access.kind, access.people, access.subject) == ("export", 1, "tuyên truyền viên")


def test_the_csv_export_ends_with_the_personal_data_notice(client, province_staff, people):
    client.force_login(province_staff)
    response = client.get(reverse("network_communicators:index") + "?export=csv")
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert lines[-1][0].startswith("# Tệp này chứa dữ liệu cá nhân")
    assert PersonalDataAccess.objects.get().people == 2
