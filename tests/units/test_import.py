"""Importing the three maps of Huế and querying units by date."""

import datetime

import pytest
from django.core.management import call_command

from giamngheo.units.models import Unit, UnitSuccession
from giamngheo.units.selectors import count_by_level, current_successors
from giamngheo.units.services import import_units
from tests.conftest import HUE, ON_2021_MAP, ON_2025_JAN_MAP, ON_CURRENT_MAP, unit

pytestmark = pytest.mark.usefixtures("hue_units")


@pytest.mark.parametrize(
    ("on", "districts", "communes"),
    [
        # vietnam-provinces 0.5.0: Thừa Thiên Huế, 9 district-level units, 141 communes.
        (ON_2021_MAP, 9, 141),
        # vietnam-provinces 0.6.0: Huế city, 9 district-level units, 134 communes.
        (ON_2025_JAN_MAP, 9, 134),
        # The current release: the two-level map, 40 communes and wards under the city.
        (ON_CURRENT_MAP, 0, 40),
    ],
)
def test_units_command_counts_units_in_force_per_level(capsys, on, districts, communes):
    call_command("units", "--province", "46", "--on", on.isoformat())
    lines = capsys.readouterr().out.splitlines()
    assert lines == ["province: 1", f"district: {districts}", f"commune: {communes}"]


def test_every_day_of_the_period_has_one_province_in_force():
    for on in [datetime.date(2021, 7, 1), datetime.date(2024, 11, 15), datetime.date(2025, 6, 30)]:
        assert count_by_level(province_code=HUE, on=on)["province"] == 1


def test_second_import_changes_nothing():
    before = list(Unit.objects.order_by("pk").values())
    report = import_units(province_code=HUE)
    assert report.is_empty
    assert list(Unit.objects.order_by("pk").values()) == before


def test_import_command_reports_nothing_to_do_on_a_second_run(capsys):
    call_command("import_units", "--province", "46")
    assert "không có gì thay đổi" in capsys.readouterr().out


def test_renamed_district_gets_a_new_version_linked_to_the_old_one():
    old = unit("476", ON_2021_MAP)
    new = unit("476", ON_2025_JAN_MAP)
    assert (old.name, new.name) == ("Huyện Phong Điền", "Thị xã Phong Điền")
    assert old.valid_to == datetime.date(2024, 12, 31)
    assert UnitSuccession.objects.filter(predecessor=old, successor=new).exists()


def test_unchanged_commune_is_one_row_across_maps():
    phu_da_2023 = unit("19942", ON_2021_MAP)
    assert phu_da_2023 == unit("19942", ON_2025_JAN_MAP)
    assert phu_da_2023.valid_from == datetime.date(2021, 7, 1)
    assert phu_da_2023.valid_to == datetime.date(2025, 6, 30)


def test_communes_of_2025_roll_forward_to_the_current_map():
    # Thị trấn Phú Đa and its neighbours became Xã Phú Vinh... whatever the package says:
    # the successor is a commune in force today, directly under the city.
    successors = current_successors(unit("19942", ON_2021_MAP), on=ON_CURRENT_MAP)
    assert successors
    assert all(s.level == "commune" and s.parent.code == HUE for s in successors)


def test_a_district_rolls_forward_to_the_communes_its_communes_went_to():
    phu_vang = unit("478", ON_2025_JAN_MAP)
    successors = current_successors(phu_vang, on=ON_CURRENT_MAP)
    communes_then = Unit.objects.in_force(ON_2025_JAN_MAP).filter(parent__code="478")
    expected = set()
    for commune in communes_then:
        expected |= {s.pk for s in current_successors(commune, on=ON_CURRENT_MAP)}
    assert {s.pk for s in successors} == expected
    assert len(successors) >= 3


def test_units_in_a_period_include_every_map_that_overlaps_it():
    in_2025 = Unit.objects.of_province(HUE).in_period(
        datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)
    )
    assert in_2025.filter(level="district").count() == 9  # the 2025-01 map's districts
    assert in_2025.filter(level="commune", parent__code=HUE).count() == 40


def test_import_of_another_province_leaves_hue_alone():
    hue_before = Unit.objects.of_province(HUE).count()
    import_units(province_code="48")  # Đà Nẵng
    assert count_by_level(province_code="48", on=ON_2021_MAP)["district"] == 8
    assert Unit.objects.of_province(HUE).count() == hue_before


def test_unknown_province_is_refused_with_a_message():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="mã 99"):
        call_command("import_units", "--province", "99")


def test_units_command_refuses_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--on"):
        call_command("units", "--on", "30/06/2023")


def test_search_ignores_vietnamese_accents():
    names = set(
        Unit.objects.in_force(ON_CURRENT_MAP).search("hoa chau").values_list("name", flat=True)
    )
    assert "Phường Hóa Châu" in names
    assert (
        set(Unit.objects.in_force(ON_CURRENT_MAP).search("Hóa Châu").values_list("name", flat=True))
        == names
    )
