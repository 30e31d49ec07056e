"""Wagtail's site history shows titles of every unit's records: province only."""

from django.urls import reverse

from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import unit


def test_district_officer_cannot_read_the_site_history(client, district_officer, hue_units):
    client.force_login(district_officer)
    for name in ["wagtailadmin_reports:site_history", "wagtailadmin_reports:site_history_results"]:
        response = client.get(reverse(name))
        assert response.status_code in (302, 403)


def test_province_staff_read_the_site_history(client, province_staff, hue_units):
    BroadcastFactory(commune=unit("20068"))
    client.force_login(province_staff)
    assert client.get(reverse("wagtailadmin_reports:site_history")).status_code == 200
