"""Excel import of a course's participants: every bad row named, nothing half-written."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from giamngheo.training.importers import import_participants
from giamngheo.training.models import Attendance, Cadre
from giamngheo.units.models import UnitLevel
from tests.conftest import unit

from .conftest import A_NGO, PHU_DA, PHU_THUAN, PHU_VANG, PROVINCE, headers, xlsx
from .factories import AttendanceFactory, CadreFactory, CourseFactory

GOOD = [
    ["Phan Thị Hoa", PHU_DA, "Công chức Văn hóa - Xã hội", str(UnitLevel.COMMUNE.label)],
    ["Lê Văn Thuận", PHU_THUAN, "Phó Chủ tịch UBND xã", "commune"],
    ["Trần Quang Vinh", PHU_VANG, "Chuyên viên Phòng Lao động - TB&XH", None],
]


def run(course, file, user, valid_rows_only=False):
    return import_participants(course=course, upload=file, by=user, valid_rows_only=valid_rows_only)


def rows_with_errors(report) -> set[int]:
    return {error.row for error in report.errors}


def test_a_good_file_adds_every_participant_and_registers_new_cadres(
    district_course, district_officer
):
    report = run(district_course, xlsx(GOOD), district_officer)
    assert not report.has_errors
    assert (report.rows, report.added, report.created_cadres) == (3, 3, 3)
    cadres = {a.cadre.full_name: a.cadre for a in district_course.attendances.all()}
    assert set(cadres) == {"Phan Thị Hoa", "Lê Văn Thuận", "Trần Quang Vinh"}
    assert cadres["Trần Quang Vinh"].level == UnitLevel.DISTRICT  # from the unit when left blank
    assert cadres["Phan Thị Hoa"].unit == unit(PHU_DA)
    assert cadres["Lê Văn Thuận"].position == "Phó Chủ tịch UBND xã"
    assert all(a.attended for a in district_course.attendances.all())
    entry = ModelLogEntry.objects.get(action="training.import_participants")
    assert (entry.object_id, entry.user, entry.data["added"]) == (
        str(district_course.pk),
        district_officer,
        3,
    )


def test_a_cadre_is_matched_by_name_without_accents_and_unit(district_course, district_officer):
    known = CadreFactory(unit=unit(PHU_DA), full_name="Phan Thị Hoa")
    namesake = CadreFactory(unit=unit(PHU_THUAN), full_name="Phan Thị Hoa")
    report = run(district_course, xlsx([["  PHAN thi  HOA ", PHU_DA, "", ""]]), district_officer)
    assert (report.added, report.created_cadres) == (1, 0)
    assert list(district_course.attendances.values_list("cadre", flat=True)) == [known.pk]
    assert Cadre.objects.filter(full_name="Phan Thị Hoa").count() == 2
    assert not namesake.attendances.exists()


def test_a_cadre_matched_at_the_same_unit_attends_a_later_course_again(
    district_course, district_officer
):
    run(district_course, xlsx(GOOD[:1]), district_officer)
    later = CourseFactory(organising_unit=unit(PHU_VANG), start_date=datetime.date(2024, 9, 3))
    report = run(later, xlsx(GOOD[:1]), district_officer)
    assert (report.added, report.created_cadres) == (1, 0)
    assert Cadre.objects.filter(full_name="Phan Thị Hoa").count() == 1


@pytest.mark.parametrize(
    ("rows", "bad_row", "column", "text"),
    [
        ([["Không Có Đơn Vị", "99999", "", ""]], 3, 1, "99999"),
        ([["", PHU_DA, "Trưởng thôn", ""]], 3, 0, ""),
        ([["Sai Cấp", PHU_DA, "", "Cấp trung ương"]], 3, 3, "Cấp trung ương"),
        ([["Lệch Cấp", PHU_DA, "", "district"]], 3, 3, ""),
        ([["Ngoài Huyện", A_NGO, "", ""]], 3, 1, A_NGO),
        ([GOOD[0], ["phan thi hoa", PHU_DA, "", ""]], 4, 0, "3"),
    ],
    ids=[
        "unknown-unit",
        "empty-name",
        "bad-level",
        "level-of-another-unit",
        "outside-scope",
        "duplicate",
    ],
)
def test_a_bad_row_is_named_and_nothing_is_imported(
    district_course, district_officer, rows, bad_row, column, text
):
    report = run(district_course, xlsx([GOOD[1], *rows]), district_officer)
    assert rows_with_errors(report) == {bad_row}
    error = report.errors[0]
    assert error.column == headers()[column]
    assert text in error.message
    assert report.added == 0
    assert not Attendance.objects.exists()
    assert not Cadre.objects.exists()
    assert not ModelLogEntry.objects.filter(action="training.import_participants").exists()


def test_a_unit_not_in_force_on_the_course_date_is_refused(hue_units, province_staff):
    # Phú Thuận was merged on 1 July 2025: a course of August 2025 cannot count its cadres.
    course = CourseFactory(
        organising_unit=unit(PROVINCE, datetime.date(2025, 8, 1)),
        start_date=datetime.date(2025, 8, 1),
    )
    report = run(course, xlsx([["Lê Văn Thuận", PHU_THUAN, "", ""]]), province_staff)
    assert rows_with_errors(report) == {2}
    assert "01/08/2025" in report.errors[0].message
    assert not Attendance.objects.exists()


def test_a_cadre_already_on_the_course_is_refused(district_course, district_officer, own_cadre):
    AttendanceFactory(course=district_course, cadre=own_cadre)
    report = run(district_course, xlsx([GOOD[1], GOOD[0]]), district_officer)
    assert rows_with_errors(report) == {3}
    assert district_course.attendances.count() == 1


@pytest.mark.parametrize(
    "upload",
    [
        pytest.param(lambda: xlsx(GOOD, columns=["Tên", "Đơn vị"]), id="wrong-columns"),
        pytest.param(lambda: SimpleUploadedFile("hoc-vien.xlsx", b"Ho ten;Ma don vi"), id="csv"),
        pytest.param(lambda: SimpleUploadedFile("hoc-vien.xlsx", b""), id="empty-file"),
        pytest.param(lambda: xlsx([]), id="headers-only"),
        pytest.param(lambda: xlsx([], columns=[]), id="empty-sheet"),
    ],
)
def test_a_file_that_cannot_be_read_gives_one_clear_message(
    district_course, district_officer, upload
):
    report = run(district_course, upload(), district_officer)
    assert report.file_error
    assert report.errors == []
    assert report.added == 0
    assert not Attendance.objects.exists()


def test_wrong_columns_name_the_missing_ones(district_course, district_officer):
    report = run(district_course, xlsx(GOOD, columns=["Tên", "Đơn vị"]), district_officer)
    assert headers()[0] in report.file_error and headers()[1] in report.file_error


def test_valid_rows_only_imports_just_the_valid_ones(district_course, district_officer):
    bad = [["Ngoài Huyện", A_NGO, "", ""], ["Không Mã", "99999", "", ""]]
    report = run(district_course, xlsx([*GOOD, *bad]), district_officer, valid_rows_only=True)
    assert rows_with_errors(report) == {5, 6}
    assert (report.added, report.bad_rows) == (3, 2)
    assert district_course.attendances.count() == 3
    assert not Cadre.objects.filter(full_name__in=["Ngoài Huyện", "Không Mã"]).exists()


def test_the_import_is_refused_for_a_course_outside_the_users_units(
    far_district_course, district_officer
):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        run(far_district_course, xlsx(GOOD), district_officer)


# Through the admin.


def post(client, course, file, valid_rows_only=False):
    data = {"file": file}
    if valid_rows_only:
        data["valid_rows_only"] = "on"
    return client.post(reverse("training_courses:import", args=[course.pk]), data)


def test_the_template_downloads_with_the_participant_columns(client, district_officer):
    client.force_login(district_officer)
    response = client.get(reverse("training_courses:import_template"))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert [cell.value for cell in book.worksheets[0][1]] == headers()
    assert book.worksheets[0].max_row == 1  # the example sits on the second sheet
    assert book.worksheets[1]["B2"].value == PHU_DA


def test_the_import_page_links_the_template_and_shows_the_course(
    client, district_officer, district_course
):
    client.force_login(district_officer)
    response = client.get(reverse("training_courses:import", args=[district_course.pk]))
    assert response.status_code == 200
    assert reverse("training_courses:import_template") in response.text
    assert district_course.title in response.text


def test_a_good_upload_returns_to_the_course_with_its_participants(
    client, district_officer, district_course
):
    client.force_login(district_officer)
    response = post(client, district_course, xlsx(GOOD))
    assert response.status_code == 302
    assert response.url == reverse("training_courses:inspect", args=[district_course.pk])
    assert district_course.attendances.count() == 3
    page = client.get(response.url)
    assert "Trần Quang Vinh" in page.text


def test_a_bad_upload_lists_each_bad_row_and_imports_nothing(
    client, district_officer, district_course
):
    client.force_login(district_officer)
    response = post(client, district_course, xlsx([*GOOD, ["Ngoài Huyện", A_NGO, "", ""]]))
    assert response.status_code == 200
    assert "Dòng 5" in response.text and A_NGO in response.text
    assert not Attendance.objects.exists()


def test_a_non_excel_upload_is_refused_with_a_message(client, district_officer, district_course):
    client.force_login(district_officer)
    response = post(client, district_course, SimpleUploadedFile("ds.xlsx", b"%PDF-1.4"))
    assert response.status_code == 200
    assert "help-critical" in response.text
    assert not Attendance.objects.exists()


def test_a_ticked_upload_keeps_the_valid_rows_and_names_the_others(
    client, district_officer, district_course
):
    client.force_login(district_officer)
    response = post(client, district_course, xlsx([*GOOD, ["X", "99999", "", ""]]), True)
    assert response.status_code == 200
    assert "Dòng 5" in response.text
    assert district_course.attendances.count() == 3


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_import_view_answers_404_for_a_course_outside_the_users_units(
    client, district_officer, far_district_course, method
):
    client.force_login(district_officer)
    url = reverse("training_courses:import", args=[far_district_course.pk])
    response = getattr(client, method)(url, {"file": xlsx(GOOD)} if method == "post" else None)
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_a_commune_officer_cannot_import_into_a_neighbours_course(
    client, commune_officer, neighbour_course
):
    client.force_login(commune_officer)
    url = reverse("training_courses:import", args=[neighbour_course.pk])
    assert client.get(url).status_code == 404


def test_a_leader_cannot_import(client, leader, province_course):
    client.force_login(leader)
    response = client.get(reverse("training_courses:import", args=[province_course.pk]))
    assert response.status_code in (302, 403)
