"""Exchange with DHIS2: our indicator values exported as a data value set, received
sets imported all or nothing, checked by round trip and against the documented examples."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from giamngheo.indicators.models import Indicator, ProgrammePeriod
from giamngheo.indicators.rules import Scope
from giamngheo.indicators.selectors import indicator_value
from giamngheo.opendata.dhis2 import export_values, period_bounds, value_text
from giamngheo.opendata.models import OrgUnitMapping, ReceivedBatch, ReceivedValue
from giamngheo.opendata.services import DataValueSetError, receive_data_value_set
from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import unit

from .dhis2_setup import (
    HUE_OU,
    PHU_VANG_OU,
    RADIO_WEEK,
    RADIO_YEAR,
    fixture_bytes,
    indicator,
    map_our_indicators,
)

pytestmark = pytest.mark.usefixtures("fresh_cache")
DOCUMENTED_KEYS = {
    "dataElement",
    "period",
    "orgUnit",
    "categoryOptionCombo",
    "attributeOptionCombo",
    "value",
    "comment",
}


@pytest.fixture
def radio_2023():
    map_our_indicators()
    BroadcastFactory(commune=unit("19942"), on=datetime.date(2023, 6, 12))


def test_export_gives_the_kpi_engines_values_of_mapped_indicators_and_units(radio_2023):
    export = export_values(years=[2023])
    period = ProgrammePeriod.objects.get(name="2021–2025")
    radio = indicator(Indicator.Rule.RADIO_COMPLIANCE)
    expected = indicator_value(radio, period=period, year=2023, scope=Scope("46", unit("478")))
    values = {(v["dataElement"], v["period"], v["orgUnit"]): v["value"] for v in export.data_values}
    assert values[(RADIO_YEAR, "2023", PHU_VANG_OU)] == value_text(expected.value)
    assert (RADIO_YEAR, "2023", HUE_OU) in values
    week = next(w for w in expected.detail.weeks if w.week_start == datetime.date(2023, 6, 12))
    assert week.compliant == 1  # Phú Đa, one of Phú Vang's communes
    assert values[(RADIO_WEEK, "2023W24", PHU_VANG_OU)] == value_text(week.share)
    assert values[(RADIO_WEEK, "2023W25", PHU_VANG_OU)] == "0"
    # Districts without an organisation unit mapping are named, not sent.
    assert {"474", "481"} <= export.unmapped_units
    assert "478" not in export.unmapped_units


def test_the_export_has_the_documented_shape(radio_2023):
    payload = export_values(years=[2023]).payload
    assert list(payload) == ["dataValues"]
    for value in payload["dataValues"]:
        assert set(value) <= DOCUMENTED_KEYS
        assert {"dataElement", "period", "orgUnit", "value"} <= set(value)
        assert all(isinstance(text, str) for text in value.values())
        period_bounds(value["period"])  # a DHIS2 period


def test_an_exported_set_imported_back_gives_the_same_values(radio_2023, province_staff):
    payload = export_values(years=[2023]).payload
    batch = receive_data_value_set(
        payload=json.dumps(payload).encode(), source="Hệ thống DHIS2 thử", by=province_staff
    )
    assert batch.value_count == len(payload["dataValues"]) == ReceivedValue.objects.count()
    received = {(v.data_element, v.period, v.org_unit): v for v in ReceivedValue.objects.all()}
    radio = indicator(Indicator.Rule.RADIO_COMPLIANCE)
    for sent in payload["dataValues"]:
        value = received[(sent["dataElement"], sent["period"], sent["orgUnit"])]
        assert value.value == Decimal(sent["value"])
        assert value.unit_code == {HUE_OU: "46", PHU_VANG_OU: "478"}[sent["orgUnit"]]
    week = received[(RADIO_WEEK, "2023W24", PHU_VANG_OU)]
    assert (week.indicator, week.period_start, week.period_end) == (
        radio,
        datetime.date(2023, 6, 12),
        datetime.date(2023, 6, 18),
    )
    # The same set again replaces the values, keeping the latest source.
    again = receive_data_value_set(payload=payload, source="Gửi lại")
    assert ReceivedValue.objects.count() == batch.value_count
    assert set(ReceivedValue.objects.values_list("batch", flat=True)) == {again.pk}


def _map_documented_ids(*units: tuple[str, str]) -> None:
    from giamngheo.opendata.models import DataElementMapping

    for data_element, rule in [
        ("f7n9E0hX8qk", Indicator.Rule.RADIO_COMPLIANCE),
        ("Ix2HsbDMLea", Indicator.Rule.TRAINING_TURNS),
        ("eY5ehpbEsB7", Indicator.Rule.PLAN_COVERAGE),
    ]:
        DataElementMapping.objects.create(indicator=indicator(rule), data_element=data_element)
    for org_unit, code in units:
        OrgUnitMapping.objects.create(org_unit=org_unit, unit_code=code)


def test_the_documented_bulk_example_is_refused_whole_for_its_unknown_org_unit(hue_units):
    _map_documented_ids(("DiszpKrYNg8", "478"), ("FNnj3jKGS7i", "19942"))
    with pytest.raises(DataValueSetError) as error:
        receive_data_value_set(payload=fixture_bytes("dhis2_bulk_example.json"), source="Bộ")
    (message,) = error.value.messages
    assert "4" in message and "“Jkhdsf8sdf4”" in message and "“201402”" in message
    assert not ReceivedValue.objects.exists() and not ReceivedBatch.objects.exists()

    OrgUnitMapping.objects.create(org_unit="Jkhdsf8sdf4", unit_code="481")
    batch = receive_data_value_set(payload=fixture_bytes("dhis2_bulk_example.json"), source="Bộ")
    assert batch.value_count == 4
    january = ReceivedValue.objects.get(org_unit="FNnj3jKGS7i")
    assert (january.unit_code, january.value, january.period_start, january.period_end) == (
        "19942",
        Decimal("14"),
        datetime.date(2014, 1, 1),
        datetime.date(2014, 1, 31),
    )


def test_the_documented_set_gives_its_period_and_org_unit_to_every_value(hue_units):
    _map_documented_ids(("DiszpKrYNg8", "478"))
    receive_data_value_set(payload=fixture_bytes("dhis2_data_value_set_example.json"), source="Bộ")
    values = ReceivedValue.objects.order_by("value")
    assert [(v.data_element, v.period, v.unit_code, v.value) for v in values] == [
        ("f7n9E0hX8qk", "201401", "478", Decimal("1")),
        ("Ix2HsbDMLea", "201401", "478", Decimal("2")),
        ("eY5ehpbEsB7", "201401", "478", Decimal("3")),
    ]


def test_every_bad_value_is_named_and_nothing_is_kept(radio_2023):
    payload = {
        "dataValues": [
            {"dataElement": RADIO_YEAR, "period": "2023", "orgUnit": HUE_OU, "value": "75.5"},
            {"dataElement": RADIO_YEAR, "period": "2023-01", "orgUnit": HUE_OU, "value": "1"},
            {"dataElement": "kHoNgCo0001", "period": "2023", "orgUnit": HUE_OU, "value": "1"},
            {"dataElement": RADIO_YEAR, "period": "2022", "orgUnit": HUE_OU, "value": "nhiều"},
            {"dataElement": RADIO_YEAR, "period": "2023", "orgUnit": HUE_OU, "value": "80"},
            {"dataElement": RADIO_YEAR, "orgUnit": HUE_OU, "value": "1"},
            "không phải một giá trị",
        ]
    }
    with pytest.raises(DataValueSetError) as error:
        receive_data_value_set(payload=payload, source="Bộ")
    messages = error.value.messages
    assert len(messages) == 6
    assert "2" in messages[0] and "“2023-01”" in messages[0]
    assert "3" in messages[1] and "“kHoNgCo0001”" in messages[1]
    assert "4" in messages[2] and "“nhiều”" in messages[2]
    assert "5" in messages[3] and "1" in messages[3]  # repeats value 1
    assert "6" in messages[4] and "period" in messages[4]
    assert "7" in messages[5]
    assert not ReceivedValue.objects.exists() and not ReceivedBatch.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [b"{not json", b"[]", b'{"dataValues": {}}', b'{"dataValues": []}', b"\xff\xfe"],
)
def test_a_file_that_is_not_a_data_value_set_is_refused_with_a_reason(hue_units, payload):
    with pytest.raises(DataValueSetError) as error:
        receive_data_value_set(payload=payload, source="Bộ")
    assert error.value.messages
    assert not ReceivedBatch.objects.exists()


def test_the_source_is_required(radio_2023):
    with pytest.raises(DataValueSetError):
        receive_data_value_set(payload={"dataValues": [{}]}, source="  ")


def test_the_commands_export_to_a_file_and_import_it_back(radio_2023, tmp_path, capsys):
    target = tmp_path / "dataValueSets.json"
    call_command("dhis2_export", "--year", "2023", "--output", str(target))
    payload = json.loads(target.read_text(encoding="utf-8"))
    assert payload["dataValues"]
    call_command("dhis2_import", str(target), "--source", "Tệp xuất thử")
    assert ReceivedValue.objects.count() == len(payload["dataValues"])
    assert ReceivedBatch.objects.get().file_name == "dataValueSets.json"


def test_the_import_command_says_why_it_kept_nothing(hue_units, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(fixture_bytes("dhis2_bulk_example.json"))
    with pytest.raises(CommandError) as error:
        call_command("dhis2_import", str(bad), "--source", "Bộ")
    assert "f7n9E0hX8qk" in str(error.value)
    with pytest.raises(CommandError):
        call_command("dhis2_import", str(tmp_path / "missing.json"), "--source", "Bộ")
    assert not ReceivedBatch.objects.exists()
