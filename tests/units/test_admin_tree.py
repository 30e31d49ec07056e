"""The unit tree in the admin: browse by date, drill down, search without accents."""

import pytest
from django.urls import reverse

from tests.accounts.factories import UserFactory
from tests.conftest import unit


@pytest.fixture
def staff_client(client, hue_units):
    client.force_login(UserFactory(role="province_staff", unit=unit("46")))
    return client


def listed_names(response) -> list[str]:
    return [row.name for row in response.context["object_list"]]


def test_without_a_date_the_tree_shows_todays_map(staff_client):
    response = staff_client.get(reverse("units:index") + "?level=district")
    assert response.status_code == 200
    assert listed_names(response) == []  # no districts since 1 July 2025


def test_a_date_shows_the_map_in_force_then(staff_client):
    response = staff_client.get(reverse("units:index") + "?level=district&on=2023-06-30")
    names = listed_names(response)
    assert len(names) == 9
    assert "Huyện Phú Vang" in names
    assert names == sorted(names, key=lambda n: unit_sort(n))


def unit_sort(name):
    from giamngheo.core.text import collation_key

    return collation_key(name)


def test_units_below_a_district_on_a_date(staff_client):
    response = staff_client.get(reverse("units:index") + "?parent=478&on=2023-06-30")
    names = listed_names(response)
    assert len(names) == 14
    assert "Thị trấn Phú Đa" in names
    assert "Units below" in response.text or "Đơn vị trực thuộc" in response.text


def test_search_finds_units_typed_without_accents(staff_client):
    response = staff_client.get(reverse("units:index") + "?q=hoa+chau")
    assert "Phường Hóa Châu" in listed_names(response)


def test_inspect_shows_successions(staff_client):
    old = unit("476")
    response = staff_client.get(reverse("units:inspect", args=[old.pk]))
    assert response.status_code == 200
    assert "Thị xã Phong Điền" in response.text


def test_tree_listing_runs_a_bounded_number_of_queries(staff_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        response = staff_client.get(reverse("units:index") + "?on=2023-06-30&level=commune")
    assert len(listed_names(response)) == 100  # first page of 141 communes


def test_commune_officer_can_browse_units_but_not_edit_them(client, hue_units):
    client.force_login(UserFactory(role="commune_officer", unit=unit("19942")))
    assert client.get(reverse("units:index")).status_code == 200
    assert client.get(reverse("units:edit", args=[unit("478").pk])).status_code == 302
