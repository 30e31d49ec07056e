"""Excel import of radio logs: every bad row reported, nothing half-imported."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from giamngheo.broadcasts.importers import import_broadcasts
from giamngheo.broadcasts.models import Broadcast, WeeklyLog
from giamngheo.broadcasts.selectors import iso_weeks
from tests.conftest import unit

HEADERS = ["Mã xã", "Ngày phát", "Tiêu đề", "Thời lượng (phút)", "Nguồn"]


def xlsx(rows, headers=HEADERS) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("phat-thanh.xlsx", buffer.getvalue())


def upload(client, file, valid_rows_only=False):
    data = {"file": file}
    if valid_rows_only:
        data["valid_rows_only"] = "on"
    return client.post(reverse("broadcasts_import"), data)


GOOD = [
    ["19942", "05/06/2023", "Chính sách nhà ở", 15, "Tự sản xuất"],
    ["19903", "06/06/2023", "Vay vốn ưu đãi", 20, "Tư liệu của tỉnh"],
    ["20068", "07/06/2023", "Gương thoát nghèo", 10, ""],
]


@pytest.fixture
def staff(client, province_staff):
    client.force_login(province_staff)
    return client


def test_template_downloads_with_the_expected_columns(staff):
    response = staff.get(reverse("broadcasts_import_template"))
    book = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in book.worksheets[0][1]] == HEADERS
    assert book.worksheets[0].max_row == 1  # the example sits on the second sheet


def test_a_good_file_imports_every_row(staff, hue_units):
    response = upload(staff, xlsx(GOOD))
    assert response.status_code == 302
    assert Broadcast.objects.count() == 3
    assert WeeklyLog.objects.count() == 3
    assert Broadcast.objects.get(commune__code="19903").source == "province"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["99999", "05/06/2023", "Không có xã", 15, ""]], "Dòng 3"),
        ([["19942", "05/06/2019", "Trước khi có xã", 15, ""]], "chưa có hoặc không còn"),
        ([["19942", "31/02/2023", "Ngày sai", 15, ""]], "không phải là ngày"),
        ([["19942", "05/06/2023", "Số phút", "mười", ""]], "không phải là số"),
        ([["19942", "05/06/2023", "Nguồn", 15, "Đài tỉnh"]], "không thuộc"),
        ([GOOD[0], GOOD[0]], "Trùng xã, ngày và tiêu đề với dòng 3"),
    ],
)
def test_bad_rows_are_reported_and_nothing_is_imported(staff, hue_units, rows, message):
    response = upload(staff, xlsx([GOOD[1], *rows]))
    assert response.status_code == 200
    assert message in response.text
    assert Broadcast.objects.count() == 0


def test_valid_rows_only_imports_the_good_ones(staff, hue_units):
    response = upload(staff, xlsx([*GOOD, ["99999", "05/06/2023", "Sai", 15, ""]]), True)
    assert response.status_code == 200  # the report of the bad row stays on screen
    assert Broadcast.objects.count() == 3


def test_wrong_columns_are_refused(staff, hue_units):
    response = upload(staff, xlsx([["19942", "05/06/2023"]], headers=["Xã", "Ngày"]))
    assert response.status_code == 200
    assert "Thiếu cột" in response.text
    assert Broadcast.objects.count() == 0


def test_a_file_that_is_not_excel_is_refused(staff, hue_units):
    fake = SimpleUploadedFile("phat-thanh.xlsx", b"%PDF-1.4 not a workbook")
    response = upload(staff, fake)
    assert response.status_code == 200
    assert "không phải là tệp Excel" in response.text


def test_rows_already_logged_are_reported(staff, hue_units):
    upload(staff, xlsx(GOOD[:1]))
    response = upload(staff, xlsx(GOOD[:1]))
    assert "đã có" in response.text
    assert Broadcast.objects.count() == 1


def test_commune_officer_cannot_import_for_another_commune(client, commune_officer, hue_units):
    client.force_login(commune_officer)
    response = upload(client, xlsx(GOOD))
    assert response.status_code == 200
    assert Broadcast.objects.count() == 0
    assert "19903" in response.text


def big_file(rows: int, codes: list[str]) -> bytes:
    """``rows`` distinct programmes of 2023 over ``codes``."""
    days = [f"{d:02d}/{m:02d}/2023" for m in range(1, 13) for d in range(2, 29)]
    lines = [
        [codes[i % len(codes)], days[(i // len(codes)) % len(days)], f"Bản tin {i}", 15, ""]
        for i in range(rows)
    ]
    return xlsx(lines).read()


@pytest.mark.parametrize("rows", [20, 400])
@pytest.mark.parametrize("role", ["province_staff", "district_officer"])
def test_an_import_asks_the_database_a_fixed_number_of_queries(
    request, hue_units, django_assert_max_num_queries, rows, role
):
    user = request.getfixturevalue(role)
    codes = ["19942", "19903", "20068"] if role == "province_staff" else ["19942", "19903"]
    data = big_file(rows, codes)
    # The district reopened 2023 for its communes: its officer may log the year late.
    reopened = timezone.now() + datetime.timedelta(days=30)
    WeeklyLog.objects.bulk_create(
        WeeklyLog(commune=unit(code), week_start=week, reopened_until=reopened)
        for code in codes
        for week in iso_weeks(2023)
    )
    with django_assert_max_num_queries(20):
        report = import_broadcasts(upload=data, by=user)
    assert (report.added, report.errors) == (rows, [])
    assert Broadcast.objects.count() == rows


def test_an_oversized_sheet_is_refused_before_any_row_is_read(staff, hue_units):
    from giamngheo.core.xlsx import MAX_ROWS

    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(GOOD[0])
    sheet.cell(row=MAX_ROWS + 2, column=1, value="19942")  # the sheet now says 100,002 rows
    buffer = io.BytesIO()
    book.save(buffer)
    response = upload(staff, SimpleUploadedFile("phat-thanh.xlsx", buffer.getvalue()))
    assert response.status_code == 200
    assert "Tệp có hơn 100000 dòng" in response.text
    assert Broadcast.objects.count() == 0
