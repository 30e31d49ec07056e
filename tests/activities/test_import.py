"""Importing activities from Excel: every bad row named, all or nothing unless asked."""

import datetime

import pytest
from django.urls import reverse

from giamngheo.activities.importers import activity_columns, import_activities
from giamngheo.activities.models import Activity

from .conftest import site_headers
from .factories import ActivityFactory, kind, xlsx

pytestmark = pytest.mark.django_db

HEADERS = [
    "Kind",
    "Title",
    "Unit code",
    "Date",
    "End date",
    "Channel",
    "Audience",
    "People reached",
    "Participants",
    "Cost (VND)",
    "Link",
]


def row(title="Họp dân thôn 1", code="19942", kind_text="hop dan", day="15/03/2023", **extra):
    values = {
        "end": None,
        "channel": "In person",
        "audience": "Hộ nghèo",
        "reached": 60,
        "participants": 60,
        "cost": "1.500.000",
        "link": None,
        **extra,
    }
    return [kind_text, title, code, day, *values.values()]


def test_the_template_headers_are_the_import_columns():
    assert [column.header for column in activity_columns()] == HEADERS


def test_a_good_file_is_imported_whole(commune_officer):
    upload = xlsx(HEADERS, [row(), row("Tờ rơi chính sách vay vốn", kind_text="To-roi")])
    report = import_activities(upload=upload, by=commune_officer)
    assert (report.has_errors, report.added) == (False, 2)
    meeting = Activity.objects.get(title="Họp dân thôn 1")
    assert (meeting.kind, meeting.unit.code, meeting.cost, meeting.channel) == (
        kind("hop-dan"),
        "19942",
        1_500_000,
        "in_person",
    )
    assert meeting.start_date == datetime.date(2023, 3, 15)


def test_bad_rows_are_named_and_nothing_is_imported(commune_officer):
    upload = xlsx(
        HEADERS,
        [
            row(),
            row("Sai loại", kind_text="Không có loại này"),
            row("Xã khác", code="19903"),
            row("Sai ngày", day="32/13/2023"),
            row("Kết thúc trước", end="01/03/2023"),
            row("Âm", reached=-5),
        ],
    )
    report = import_activities(upload=upload, by=commune_officer)
    messages = [str(error) for error in report.errors]
    assert messages == [
        "Row 3, column “Kind”: no activity kind is called “khong co loai nay”",
        "Row 4, column “Unit code”: unit 19903 is outside the units you manage",
        "Row 5, column “Date”: “32/13/2023” is not a date (dd/mm/yyyy)",
        "Row 6, column “End date”: The activity cannot end before it starts.",
        "Row 7, column “People reached”: must be a whole number, 0 or more",
    ]
    assert not Activity.objects.exists()


def test_valid_rows_only_imports_the_good_rows(commune_officer):
    upload = xlsx(HEADERS, [row(), row("Xã khác", code="19903"), row("Họp dân thôn 2")])
    report = import_activities(upload=upload, by=commune_officer, valid_rows_only=True)
    assert report.added == 2
    assert len(report.errors) == 1
    assert set(Activity.objects.values_list("title", flat=True)) == {
        "Họp dân thôn 1",
        "Họp dân thôn 2",
    }


def test_duplicates_within_the_file_and_in_the_register_are_refused(commune_officer, phu_da):
    ActivityFactory(
        unit=phu_da,
        kind=kind("hop-dan"),
        title="Họp dân thôn 9",
        start_date=datetime.date(2023, 3, 15),
    )
    upload = xlsx(HEADERS, [row(), row("HỌP DÂN THÔN 1"), row("Họp dân thôn 9")])
    report = import_activities(upload=upload, by=commune_officer)
    assert [str(error) for error in report.errors] == [
        "Row 3, column “Title”: the same activity as row 2",
        "Row 4, column “Title”: This activity is already in the register "
        "(same unit, kind, title, date).",
    ]
    assert Activity.objects.count() == 1


def test_a_unit_not_in_force_on_the_rows_date_is_refused(province_staff):
    upload = xlsx(HEADERS, [row(code="19903", day="01/08/2025")])
    report = import_activities(upload=upload, by=province_staff)
    assert "Xã Phú Thuận was not in force on 01/08/2025" in str(report.errors[0])


def test_a_file_that_is_not_excel_is_refused(commune_officer):
    report = import_activities(upload=b"not a workbook", by=commune_officer)
    assert report.file_error and not Activity.objects.exists()


def test_the_import_page_imports_and_the_template_downloads(client, commune_officer):
    client.force_login(commune_officer)
    response = client.get(reverse("activities:import_template"))
    assert response["Content-Type"].startswith("application/vnd.openxml")
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("hoat-dong.xlsx", xlsx(site_headers(), [row(channel="in_person")]))
    response = client.post(reverse("activities:import"), {"file": upload})
    assert response.status_code == 302
    assert Activity.objects.get().unit.code == "19942"


def test_the_import_page_shows_the_bad_rows(client, commune_officer):
    client.force_login(commune_officer)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "hoat-dong.xlsx", xlsx(site_headers(), [row(code="481", channel="in_person")])
    )
    response = client.post(reverse("activities:import"), {"file": upload})
    assert response.status_code == 200
    error = response.context["report"].errors[0]
    assert (error.row, error.column) == (2, site_headers()[2])
    assert error.message in response.content.decode()
    assert not Activity.objects.exists()


def test_leaders_cannot_import(client, leader):
    client.force_login(leader)
    response = client.get(reverse("activities:import"))
    # Wagtail answers a refused permission with a redirect to the dashboard.
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
