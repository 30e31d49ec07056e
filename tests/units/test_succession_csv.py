"""Recording successions from a CSV file (code_old, code_new, date)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from giamngheo.units.models import UnitSuccession
from giamngheo.units.services import SuccessionImportError, import_successions
from tests.conftest import ON_2021_MAP, ON_2025_JAN_MAP, unit

pytestmark = pytest.mark.usefixtures("hue_units")


def gone_commune_code() -> str:
    from giamngheo.units.models import Unit

    codes_2025 = set(Unit.objects.in_force(ON_2025_JAN_MAP).values_list("code", flat=True))
    return (
        Unit.objects.in_force(ON_2021_MAP)
        .filter(level="commune")
        .exclude(code__in=codes_2025)
        .order_by("code")
        .values_list("code", flat=True)
        .first()
    )


def test_valid_rows_are_recorded(tmp_path, capsys):
    old = gone_commune_code()
    path = tmp_path / "succession.csv"
    path.write_text(f"code_old,code_new,date\n{old},19942,2025-01-01\n", encoding="utf-8")
    call_command("import_succession", str(path))
    assert "Đã ghi nhận 1 quan hệ kế thừa" in capsys.readouterr().out
    assert UnitSuccession.objects.filter(
        predecessor=unit(old, ON_2021_MAP), successor=unit("19942", ON_2025_JAN_MAP)
    ).exists()


def test_bad_rows_are_named_and_nothing_is_recorded():
    old = gone_commune_code()
    before = UnitSuccession.objects.count()
    text = (
        "code_old,code_new,date\n"
        f"{old},19942,2025-01-01\n"  # fine
        "99999,19942,2025-01-01\n"  # unknown code
        f"{old},19942,01/01/2025\n"  # not ISO
    )
    with pytest.raises(SuccessionImportError) as error:
        import_successions(text, source="test")
    assert error.value.errors == [
        "Dòng 3: không có đơn vị nào mang mã 99999 còn hiệu lực vào ngày 31/12/2024.",
        "Dòng 4: “01/01/2025” không phải là ngày hợp lệ (YYYY-MM-DD).",
    ]
    assert UnitSuccession.objects.count() == before


def test_wrong_columns_are_refused():
    with pytest.raises(SuccessionImportError, match="code_old, code_new và date"):
        import_successions("old,new\n1,2\n", source="test")


def test_command_reports_row_errors(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("code_old,code_new,date\n11111,22222,2025-01-01\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Dòng 2"):
        call_command("import_succession", str(path))


def test_command_refuses_a_file_that_is_not_text(tmp_path):
    path = tmp_path / "image.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("import_succession", str(path))


def upload(client, content: bytes, name="ke-thua.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    return client.post(
        reverse("units_import_succession"),
        {"csv_file": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


def test_province_staff_upload_successions_in_the_admin(client, province_staff):
    old = gone_commune_code()
    client.force_login(province_staff)
    response = upload(client, f"code_old,code_new,date\n{old},19942,2025-01-01\n".encode())
    assert response.status_code == 302
    assert UnitSuccession.objects.filter(predecessor__code=old, successor__code="19942").exists()


def test_upload_with_bad_rows_lists_them_and_records_nothing(client, province_staff):
    old = gone_commune_code()
    before = UnitSuccession.objects.count()
    client.force_login(province_staff)
    content = f"code_old,code_new,date\n{old},19942,2025-01-01\n{old},77777,2025-01-01\n"
    response = upload(client, content.encode())
    assert response.status_code == 200
    assert "Dòng 3: không có đơn vị nào mang mã 77777" in response.text
    assert UnitSuccession.objects.count() == before


def test_upload_of_a_non_csv_file_is_refused_clearly(client, province_staff):
    client.force_login(province_staff)
    response = upload(client, b"\x89PNG\r\n\x1a\n\x00\xff\xfe", name="anh.png")
    assert response.status_code == 200
    assert "CSV UTF-8" in response.text


def test_commune_officer_cannot_upload_successions(client, commune_officer):
    client.force_login(commune_officer)
    response = upload(client, b"code_old,code_new,date\n")
    assert response.status_code in (302, 403)
    assert UnitSuccession.objects.filter(source="ke-thua.csv").count() == 0
