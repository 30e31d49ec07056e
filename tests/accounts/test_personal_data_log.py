"""The personal data access log: one for every kind of person, scoped like their records."""

import pytest

from giamngheo.accounts.privacy import log_personal_data_access
from tests.accounts.factories import UserFactory
from tests.conftest import unit
from tests.network.factories import CommunicatorFactory

pytestmark = pytest.mark.django_db


def test_the_log_lists_only_accesses_to_people_of_units_the_reader_may_see(
    client, province_staff, hue_units
):
    ours = CommunicatorFactory(unit=unit("19942"), full_name="Lê Thị Hồng")
    theirs = CommunicatorFactory(unit=unit("481"), full_name="Kăn Sức")
    for person in (ours, theirs):
        log_personal_data_access(
            user=province_staff, kind="contact", purpose="x", subject=person, unit=person.unit
        )
    client.force_login(province_staff)
    page = client.get("/admin/personal_data_access_log/").content.decode()
    assert "Lê Thị Hồng" in page and "Kăn Sức" in page
    # Someone of Phú Vang with the log permission (a commune-level account here) sees its own.
    client.force_login(UserFactory(role="province_staff", unit=unit("19942")))
    page = client.get("/admin/personal_data_access_log/").content.decode()
    assert "Lê Thị Hồng" in page and "Kăn Sức" not in page


def test_officers_without_the_permission_cannot_read_the_log(client, district_officer):
    client.force_login(district_officer)
    response = client.get("/admin/personal_data_access_log/")
    assert response.status_code in (302, 403)
