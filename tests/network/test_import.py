"""Importing the communicator registry from Excel, in the house style of imports."""

import datetime

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from giamngheo.network.importers import communicator_columns
from giamngheo.network.models import Communicator
from giamngheo.network.services import import_communicators
from tests.activities.factories import xlsx
from tests.conftest import unit

from .factories import CommunicatorFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2023, 6, 30)


def headers():
    return [column.header for column in communicator_columns()]


def test_a_good_file_is_imported(commune_officer):
    rows = [["Lê Thị Hồng", "19942", "Propagandist", "Hội Phụ nữ", "", "0912345678", ""]]
    report = import_communicators(upload=xlsx(headers(), rows), by=commune_officer, today=TODAY)
    assert (report.has_errors, report.added) == (False, 1)
    person = Communicator.objects.get()
    assert (person.unit.code, person.role, person.start_date) == ("19942", "propagandist", TODAY)


def test_bad_rows_are_named_and_nothing_is_imported_unless_asked(commune_officer):
    CommunicatorFactory(unit=unit("19942"), full_name="Đã Có")
    rows = [
        ["Lê Thị Hồng", "19942", "Propagandist", "", "", "", ""],
        ["Người xã khác", "19903", "Reporter", "", "", "", ""],
        ["da co", "19942", "Reporter", "", "", "", ""],
        ["Sai thư", "19942", "Reporter", "", "", "", "khong-phai-email"],
        ["LÊ THỊ HỒNG", "19942", "Propagandist", "", "", "", ""],
    ]
    upload = xlsx(headers(), rows)
    report = import_communicators(upload=upload, by=commune_officer, today=TODAY)
    assert [(error.row, error.column) for error in report.errors] == [
        (3, "Unit code"),
        (4, "Full name"),
        (5, "E-mail"),
        (6, "Full name"),
    ]
    assert Communicator.objects.count() == 1
    report = import_communicators(
        upload=upload, by=commune_officer, today=TODAY, valid_rows_only=True
    )
    assert report.added == 1
    assert Communicator.objects.filter(full_name="Lê Thị Hồng").exists()


def test_the_import_page_works_in_the_sites_language(client, commune_officer):
    # The page reads unit codes against today's map, where Phú Đa (19942) still exists.
    client.force_login(commune_officer)
    with translation.override(settings.LANGUAGE_CODE):
        site_headers = headers()
        role = "Báo cáo viên"
    upload = SimpleUploadedFile("ttv.xlsx", xlsx(site_headers, [["Hồ Văn Báo", "19942", role]]))
    response = client.post(reverse("network_communicators:import"), {"file": upload})
    assert response.status_code == 302
    assert Communicator.objects.get().role == "reporter"
    template = client.get(reverse("network_communicators:import_template"))
    assert template["Content-Type"].startswith("application/vnd.openxml")
