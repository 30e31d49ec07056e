"""Who issues a report, where and to whom: the organisation in force on the issue date."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from giamngheo.reports.document import report_document, vietnamese_date
from giamngheo.reports.models import GeneratedReport, IssuingBody
from giamngheo.units.models import Unit, UnitLevel
from tests.conftest import unit

pytestmark = pytest.mark.django_db


def document(where: Unit, on: datetime.date, **fields):
    return report_document(GeneratedReport(kind="annual", year=2023, unit=where, **fields), on=on)


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (datetime.date(2026, 3, 5), "ngày 05 tháng 3 năm 2026"),
        (datetime.date(2026, 2, 3), "ngày 03 tháng 02 năm 2026"),
        (datetime.date(2025, 1, 15), "ngày 15 tháng 01 năm 2025"),
        (datetime.date(2025, 12, 31), "ngày 31 tháng 12 năm 2025"),
    ],
)
def test_dates_pad_the_day_under_10_and_the_months_1_and_2_only(day, text):
    assert vietnamese_date(day) == text


def test_a_district_report_issued_in_2024_comes_from_the_districts_committee():
    doc = document(unit("478"), datetime.date(2024, 3, 5))
    assert doc.superior_body == "UBND HUYỆN PHÚ VANG"
    assert doc.issuing_body_lines == ["BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH", "MỤC TIÊU QUỐC GIA"]
    assert doc.place_and_date == "Phú Vang, ngày 05 tháng 3 năm 2024"
    assert "- Sở Lao động - Thương binh và Xã hội;" in doc.recipients
    assert "(cũ)" not in doc.subtitle


def test_a_former_districts_report_issued_after_june_2025_comes_from_the_city():
    doc = document(unit("478"), datetime.date(2026, 3, 5))
    assert doc.superior_body == "UBND THÀNH PHỐ HUẾ"
    assert doc.place_and_date.startswith("Huế, ")
    assert doc.subtitle.endswith("năm 2023 trên địa bàn huyện Phú Vang (cũ)")
    assert not any("Lao động" in line for line in doc.recipients)
    assert "- Sở Nội vụ;" in doc.recipients
    assert doc.signer_title_lines == ["TRƯỞNG BAN"]


def test_a_ward_of_the_two_level_map_reports_through_its_peoples_committee():
    on = datetime.date(2026, 2, 3)
    ward = Unit.objects.filter(level=UnitLevel.COMMUNE, name="Phường An Cựu").in_force(on).get()
    doc = document(ward, on, signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    assert doc.superior_body == ""
    assert doc.issuing_body_lines == ["ỦY BAN NHÂN DÂN", "PHƯỜNG AN CỰU"]
    assert doc.symbol == "BC-UBND"
    assert doc.number_line.startswith("Số:\xa0") and doc.number_line.endswith("/BC-UBND")
    assert doc.signer_title_lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert "- UBND thành phố Huế;" in doc.recipients


def test_an_edited_body_is_what_the_next_report_says():
    body = IssuingBody.objects.get(level=UnitLevel.PROVINCE, valid_to__isnull=True)
    body.recipients = "- Văn phòng Điều phối;\n- Lưu: VT."
    body.signer_name = "Lê Văn Cường"
    body.save()
    doc = document(unit("46"), datetime.date(2026, 3, 5))
    assert doc.recipients == ["- Văn phòng Điều phối;", "- Lưu: VT."]
    assert doc.signer_name == "Lê Văn Cường"


def test_two_bodies_of_one_level_cannot_overlap():
    body = IssuingBody(
        level=UnitLevel.PROVINCE,
        valid_from=datetime.date(2025, 6, 1),
        name="X",
        symbol="BC-X",
        recipients="- Lưu: VT.",
        signer_title="TRƯỞNG BAN",
    )
    with pytest.raises(ValidationError) as refused:
        body.full_clean()
    assert "valid_from" in refused.value.message_dict


def test_a_date_no_body_covers_is_refused_with_a_message():
    IssuingBody.objects.filter(level=UnitLevel.COMMUNE).delete()
    on = datetime.date(2026, 2, 3)
    ward = Unit.objects.filter(level=UnitLevel.COMMUNE, name="Phường An Cựu").in_force(on).get()
    with pytest.raises(ValidationError) as refused:
        document(ward, on)
    assert "03/02/2026" in str(refused.value)


def test_province_staff_edit_the_issuing_bodies_and_a_district_officer_cannot(
    client, province_staff, district_officer, django_assert_max_num_queries
):
    from django.urls import reverse

    body = IssuingBody.objects.get(level=UnitLevel.PROVINCE, valid_to__isnull=True)
    client.force_login(province_staff)
    with django_assert_max_num_queries(30):
        listing = client.get(reverse("reports_issuing_bodies:index"))
    assert listing.status_code == 200
    assert "BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA" in listing.text
    assert client.get(reverse("reports_issuing_bodies:edit", args=[body.pk])).status_code == 200
    client.force_login(district_officer)
    assert client.get(reverse("reports_issuing_bodies:index")).status_code in (302, 403)
