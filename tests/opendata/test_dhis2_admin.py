"""The DHIS2 exchange in the admin: province staff keep the mappings, export values and
import received sets; nobody else does, and received values are never typed in by hand."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from giamngheo.indicators.models import Indicator
from giamngheo.opendata.models import DataElementMapping, OrgUnitMapping, ReceivedValue
from tests.accounts.factories import UserFactory
from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import unit

from .dhis2_setup import PHU_VANG_OU, RADIO_YEAR, fixture_bytes, indicator, map_our_indicators

pytestmark = pytest.mark.usefixtures("fresh_cache")
EXCHANGE = "/admin/dhis2/"


def test_province_staff_find_the_exchange_page_in_the_admin_menu(client, province_staff):
    client.force_login(province_staff)
    assert f'"{EXCHANGE}"' in client.get("/admin/").content.decode()
    response = client.get(EXCHANGE)
    assert response.status_code == 200
    assert reverse("dhis2_elements:index") in response.content.decode()


@pytest.mark.parametrize("role", ["leader", "district_officer", "commune_officer", "editor"])
def test_no_one_else_exports_or_imports(client, hue_units, role):
    client.force_login(UserFactory(role=role, unit=unit("46" if role == "leader" else "478")))
    assert client.get(EXCHANGE).status_code in (302, 403)
    assert client.post(EXCHANGE, {"export": "1", "years": ["2023"]}).status_code in (302, 403)
    assert client.get(reverse("dhis2_elements:index")).status_code in (302, 403)
    assert f'"{EXCHANGE}"' not in client.get("/admin/").content.decode()


def test_province_staff_download_the_values_as_a_data_value_set(client, province_staff):
    map_our_indicators()
    BroadcastFactory(commune=unit("19942"), on=datetime.date(2023, 6, 12))
    client.force_login(province_staff)
    response = client.post(EXCHANGE, {"export": "1", "years": ["2023"], "weekly": ""})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    values = json.loads(response.content)["dataValues"]
    assert {(v["dataElement"], v["period"]) for v in values if v["orgUnit"] == PHU_VANG_OU} == {
        (RADIO_YEAR, "2023"),
        ("tRaInInG001", "2023"),
    }


def test_an_import_with_errors_lists_them_and_keeps_nothing(client, province_staff):
    OrgUnitMapping.objects.create(org_unit="DiszpKrYNg8", unit_code="478")
    DataElementMapping.objects.create(
        indicator=indicator(Indicator.Rule.RADIO_COMPLIANCE), data_element="f7n9E0hX8qk"
    )
    client.force_login(province_staff)
    upload = SimpleUploadedFile("bulk.json", fixture_bytes("dhis2_bulk_example.json"))
    response = client.post(EXCHANGE, {"import": "1", "file": upload, "source": "Bộ"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html and "FNnj3jKGS7i" in html and "Jkhdsf8sdf4" in html
    assert not ReceivedValue.objects.exists()


def test_a_good_import_lands_on_the_received_values(client, province_staff):
    OrgUnitMapping.objects.create(org_unit="DiszpKrYNg8", unit_code="478")
    for element, rule in [
        ("f7n9E0hX8qk", Indicator.Rule.RADIO_COMPLIANCE),
        ("Ix2HsbDMLea", Indicator.Rule.TRAINING_TURNS),
        ("eY5ehpbEsB7", Indicator.Rule.PLAN_COVERAGE),
    ]:
        DataElementMapping.objects.create(indicator=indicator(rule), data_element=element)
    client.force_login(province_staff)
    upload = SimpleUploadedFile("set.json", fixture_bytes("dhis2_data_value_set_example.json"))
    response = client.post(EXCHANGE, {"import": "1", "file": upload, "source": "Bộ"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("dhis2_values:index")
    assert ReceivedValue.objects.count() == 3
    assert "201401" in response.content.decode()


def test_a_mapping_names_a_real_unit_and_weekly_values_only_for_radio(client, province_staff):
    client.force_login(province_staff)
    response = client.post(
        reverse("dhis2_org_units:add"), {"unit_code": "99999", "org_unit": "aBcDeFgHiJ1"}
    )
    assert response.status_code == 200 and not OrgUnitMapping.objects.exists()
    assert "99999" in response.content.decode()
    training = indicator(Indicator.Rule.TRAINING_TURNS)
    response = client.post(
        reverse("dhis2_elements:add"),
        {"indicator": training.pk, "period_type": "weekly", "data_element": "aBcDeFgHiJ1"},
    )
    assert response.status_code == 200 and not DataElementMapping.objects.exists()
    response = client.post(
        reverse("dhis2_elements:add"),
        {"indicator": training.pk, "period_type": "yearly", "data_element": "có dấu cách"},
    )
    assert response.status_code == 200 and not DataElementMapping.objects.exists()
    response = client.post(
        reverse("dhis2_elements:add"),
        {"indicator": training.pk, "period_type": "yearly", "data_element": "aBcDeFgHiJ1"},
    )
    assert response.status_code == 302 and DataElementMapping.objects.get().indicator == training


def test_received_values_cannot_be_added_or_edited_by_hand_even_by_a_superuser(client, hue_units):
    client.force_login(UserFactory(is_superuser=True, unit=unit("46")))
    assert client.get(reverse("dhis2_values:add")).status_code in (302, 403)
    assert client.get(reverse("dhis2_batches:add")).status_code in (302, 403)
    assert client.get(reverse("dhis2_values:index")).status_code == 200


def test_received_values_are_listed_and_exported_with_their_source(client, province_staff):
    from giamngheo.opendata.services import receive_data_value_set

    _map = [
        ("f7n9E0hX8qk", Indicator.Rule.RADIO_COMPLIANCE),
        ("Ix2HsbDMLea", Indicator.Rule.TRAINING_TURNS),
        ("eY5ehpbEsB7", Indicator.Rule.PLAN_COVERAGE),
    ]
    for element, rule in _map:
        DataElementMapping.objects.create(indicator=indicator(rule), data_element=element)
    OrgUnitMapping.objects.create(org_unit="DiszpKrYNg8", unit_code="478")
    receive_data_value_set(
        payload=fixture_bytes("dhis2_data_value_set_example.json"), source="=DHIS2 của Bộ"
    )
    client.force_login(province_staff)
    listing = client.get(reverse("dhis2_values:index"))
    assert listing.status_code == 200 and "201401" in listing.content.decode()
    export = client.get(reverse("dhis2_values:index") + "?export=csv")
    assert export.status_code == 200
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "'=DHIS2 của Bộ" in text  # formula text made inert, as every export
