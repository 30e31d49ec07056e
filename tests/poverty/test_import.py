"""Excel import of poverty figures: every bad row named, nothing half-written."""

import datetime

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from giamngheo.poverty.importers import import_statistics
from giamngheo.poverty.models import PovertyStatistic
from tests.conftest import unit

from .conftest import A_NGO, PHU_DA, PHU_THUAN, PHU_VANG, headers, xlsx
from .factories import PovertyStatisticFactory

TODAY = datetime.date(2025, 12, 1)
SOURCE = "Quyết định số 123/QĐ-UBND ngày 20/12/2023"
GOOD = [
    [PHU_VANG, 2023, 52000, 1500, 2100, SOURCE, ""],
    [PHU_DA, 2023, "2.450", 61, 98, SOURCE, "Theo kết quả rà soát cuối năm"],
    [PHU_THUAN, 2023, 1800, 40, 70, None, None],
]


def run(file, user, **options):
    return import_statistics(upload=file, by=user, today=TODAY, **options)


def messages_of(report) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for error in report.errors:
        found.setdefault(error.row, []).append(str(error))
    return found


def test_a_good_file_records_every_figure(district_officer):
    report = run(xlsx(GOOD), district_officer)
    assert not report.has_errors
    assert (report.rows, report.created, report.updated) == (3, 3, 0)
    phu_da = PovertyStatistic.objects.get(unit_code=PHU_DA, year=2023)
    assert (phu_da.households, phu_da.poor_households, phu_da.near_poor_households) == (
        2450,
        61,
        98,
    )
    assert phu_da.unit == unit(PHU_DA)
    assert phu_da.source == SOURCE
    assert phu_da.notes == "Theo kết quả rà soát cuối năm"
    assert ModelLogEntry.objects.filter(action="wagtail.create").count() == 3


def test_each_kind_of_bad_row_is_named_and_nothing_is_imported(district_officer):
    PovertyStatisticFactory(unit=unit(PHU_THUAN), year=2022)
    rows = [
        GOOD[0],  # row 2: good
        ["99999", 2023, 100, 1, 1, "", ""],  # 3: no such unit
        [A_NGO, 2023, 100, 1, 1, "", ""],  # 4: another district's commune
        [PHU_DA, 2023, 100, 80, 30, "", ""],  # 5: poor + near-poor > households
        [PHU_DA, 2023, 100, 1, 1, "", ""],  # 6: the same unit and year as row 5
        [PHU_THUAN, 2022, 100, 1, 1, "", ""],  # 7: already recorded
        [PHU_THUAN, "hai nghìn", 100, -3, 1.5, "", ""],  # 8: not a year, negative, not whole
        [PHU_DA, 2026, 100, 1, 1, "", ""],  # 9: a year to come
        [PHU_THUAN, 2020, 100, 1, 1, "", ""],  # 10: the first map began in July 2021
        [PHU_THUAN, 2021, None, 1, 1, "", ""],  # 11: empty households
    ]
    report = run(xlsx(rows), district_officer)
    assert report.created == 0
    assert PovertyStatistic.objects.count() == 1
    found = messages_of(report)
    assert set(found) == {3, 4, 5, 6, 7, 8, 9, 10, 11}
    assert found[3] == ["Dòng 3, cột “Mã đơn vị”: không có đơn vị nào mang mã “99999”"]
    assert "không thuộc phạm vi bạn quản lý" in found[4][0]
    assert "Dòng 5, cột “Số hộ cận nghèo”" in found[5][0]
    assert "(110)" in found[5][0]
    assert "trùng đơn vị và năm với dòng 5" in found[6][0]
    assert "Thay số liệu đã có" in found[7][0]
    assert any("cột “Năm”" in m for m in found[8])
    assert any("cột “Số hộ nghèo”: phải là số nguyên, từ 0 trở lên" in m for m in found[8])
    assert any("cột “Số hộ cận nghèo”: phải là số nguyên" in m for m in found[8])
    assert "chưa tới" in found[9][0]
    assert "không có hiệu lực trong năm 2020" in found[10][0]
    assert found[11] == ["Dòng 11, cột “Tổng số hộ”: trống"] or "Tổng số hộ" in found[11][0]


def test_valid_rows_only_imports_the_good_rows(district_officer):
    rows = [GOOD[0], [A_NGO, 2023, 100, 1, 1, "", ""], GOOD[2]]
    report = run(xlsx(rows), district_officer, valid_rows_only=True)
    assert report.created == 2
    assert set(messages_of(report)) == {3}
    assert set(PovertyStatistic.objects.values_list("unit_code", flat=True)) == {
        PHU_VANG,
        PHU_THUAN,
    }


def test_an_existing_figure_is_replaced_only_when_asked_and_the_update_is_logged(
    district_officer,
):
    old = PovertyStatisticFactory(unit=unit(PHU_DA), year=2023, households=2400, poor_households=70)
    refused = run(xlsx([GOOD[1]]), district_officer)
    assert set(messages_of(refused)) == {2}
    old.refresh_from_db()
    assert old.poor_households == 70

    report = run(xlsx([GOOD[1]]), district_officer, replace_existing=True)
    assert (report.created, report.updated) == (0, 1)
    old.refresh_from_db()
    # The approved figures stay what the public sees; the new ones await approval.
    assert (old.households, old.poor_households) == (2400, 70)
    draft = old.get_latest_revision_as_object()
    assert (draft.households, draft.poor_households) == (2450, 61)
    assert old.has_unpublished_changes
    entry = ModelLogEntry.objects.get(action="poverty.replace")
    assert entry.object_id == str(old.pk)
    assert entry.user == district_officer
    assert entry.data["before"]["poor_households"] == 70
    assert entry.data["after"]["poor_households"] == 61


def test_a_commune_officer_imports_their_commune_only(commune_officer):
    report = run(xlsx([GOOD[1], GOOD[2]]), commune_officer)
    assert set(messages_of(report)) == {3}
    assert not PovertyStatistic.objects.exists()


def test_a_leader_cannot_import(leader):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        run(xlsx(GOOD), leader)


def test_a_file_that_is_not_excel_or_lacks_columns_is_refused(province_staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    report = run(SimpleUploadedFile("x.xlsx", b"not excel"), province_staff)
    assert "không phải" in report.file_error.lower() or report.file_error
    report = run(xlsx([["46", 2023]], columns=headers()[:2]), province_staff)
    assert "Tổng số hộ" in report.file_error


def test_the_import_page_and_its_template(client, district_officer):
    client.force_login(district_officer)
    url = reverse("poverty_statistics:import")
    assert client.get(url).status_code == 200
    template = client.get(reverse("poverty_statistics:import_template"))
    book = load_workbook(__import__("io").BytesIO(template.content))
    assert [c.value for c in book.worksheets[0][1]] == headers()
    response = client.post(url, {"file": xlsx([GOOD[0], [A_NGO, 2023, 100, 1, 1, "", ""]])})
    assert response.status_code == 200
    assert "Dòng 3" in response.text
    assert not PovertyStatistic.objects.exists()
    response = client.post(url, {"file": xlsx(GOOD)})
    assert response.status_code == 302
    assert PovertyStatistic.objects.count() == 3
