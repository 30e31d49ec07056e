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
    assert "1 successions recorded" in capsys.readouterr().out
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
