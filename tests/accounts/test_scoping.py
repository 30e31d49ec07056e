"""The unit-scoping policy, proven on the first real unit record: radio programmes."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from giamngheo.accounts import scoping
from giamngheo.broadcasts.models import Broadcast, monday_of
from tests.accounts.conftest import A_NGO, PHU_DA, PHU_THUAN
from tests.accounts.factories import UserFactory
from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import unit

# Last week's Monday: a week still open for the commune to log.
LAST_WEEK = monday_of(timezone.localdate()) - datetime.timedelta(days=7)
OBJECT_VIEWS = ["edit", "delete", "inspect", "history", "usage", "copy"]


def export_rows(client) -> list[dict]:
    response = client.get(reverse("broadcasts:index") + "?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(content)))


def test_commune_officer_lists_only_their_communes_broadcasts(
    client, commune_officer, own_broadcast, neighbour_broadcast, far_broadcast
):
    client.force_login(commune_officer)
    response = client.get(reverse("broadcasts:index"))
    assert response.status_code == 200
    assert own_broadcast.title in response.text
    assert neighbour_broadcast.title not in response.text
    assert far_broadcast.title not in response.text


@pytest.mark.parametrize("view", OBJECT_VIEWS)
def test_commune_officer_cannot_open_another_communes_broadcast(
    client, commune_officer, neighbour_broadcast, view
):
    client.force_login(commune_officer)
    response = client.get(reverse(f"broadcasts:{view}", args=[neighbour_broadcast.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("view", ["edit", "inspect", "history"])
def test_commune_officer_opens_their_own_broadcast(client, commune_officer, own_broadcast, view):
    client.force_login(commune_officer)
    response = client.get(reverse(f"broadcasts:{view}", args=[own_broadcast.pk]))
    assert response.status_code == 200


def test_commune_officer_cannot_edit_another_communes_broadcast(
    client, commune_officer, neighbour_broadcast
):
    client.force_login(commune_officer)
    response = client.post(
        reverse("broadcasts:edit", args=[neighbour_broadcast.pk]),
        {
            "commune": unit(PHU_DA).pk,
            "on": "12/06/2023",
            "title": "Đã sửa",
            "minutes": 20,
            "source": "own",
        },
    )
    assert response.status_code == 404
    neighbour_broadcast.refresh_from_db()
    assert neighbour_broadcast.title == "Tin giảm nghèo Phú Thuận"


def test_commune_officer_cannot_delete_another_communes_broadcast(
    client, commune_officer, neighbour_broadcast
):
    client.force_login(commune_officer)
    response = client.post(reverse("broadcasts:delete", args=[neighbour_broadcast.pk]))
    assert response.status_code == 404
    assert Broadcast.objects.filter(pk=neighbour_broadcast.pk).exists()


def test_commune_officer_deletes_their_own_recent_broadcast(client, commune_officer):
    recent = BroadcastFactory(commune=unit(PHU_DA, LAST_WEEK), on=LAST_WEEK)
    client.force_login(commune_officer)
    response = client.post(reverse("broadcasts:delete", args=[recent.pk]))
    assert response.status_code == 302
    assert not Broadcast.objects.filter(pk=recent.pk).exists()


def test_commune_officer_export_holds_only_their_commune(
    client, commune_officer, own_broadcast, neighbour_broadcast, far_broadcast
):
    client.force_login(commune_officer)
    titles = [row["Tiêu đề"] for row in export_rows(client)]
    assert titles == [own_broadcast.title]


def test_commune_officer_cannot_create_a_broadcast_for_another_commune(client, commune_officer):
    client.force_login(commune_officer)
    response = client.post(
        reverse("broadcasts:add"),
        {
            "commune": unit(PHU_THUAN).pk,
            "on": "12/06/2023",
            "title": "Tin lạ",
            "minutes": 15,
            "source": "own",
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Hãy chọn một lựa chọn hợp lệ" in response.text
    assert not Broadcast.objects.filter(title="Tin lạ").exists()


def test_commune_officer_creates_a_broadcast_for_their_commune(client, commune_officer):
    # Phú Đa's code lives on in today's map: the officer logs under today's version.
    client.force_login(commune_officer)
    response = client.post(
        reverse("broadcasts:add"),
        {
            "commune": unit(PHU_DA, LAST_WEEK).pk,
            "on": LAST_WEEK.strftime("%d/%m/%Y"),
            "title": "Tin mới",
            "minutes": 15,
            "source": "own",
        },
    )
    assert response.status_code == 302
    assert Broadcast.objects.get(title="Tin mới").commune.code == PHU_DA


def test_district_officer_sees_their_districts_communes_only(
    client, district_officer, own_broadcast, neighbour_broadcast, far_broadcast
):
    client.force_login(district_officer)
    titles = {row["Tiêu đề"] for row in export_rows(client)}
    assert titles == {own_broadcast.title, neighbour_broadcast.title}
    response = client.get(reverse("broadcasts:edit", args=[far_broadcast.pk]))
    assert response.status_code == 404


def test_province_staff_see_every_commune(
    client, province_staff, own_broadcast, neighbour_broadcast, far_broadcast
):
    client.force_login(province_staff)
    titles = {row["Tiêu đề"] for row in export_rows(client)}
    assert titles == {own_broadcast.title, neighbour_broadcast.title, far_broadcast.title}


def test_a_user_without_a_unit_sees_no_records(client, own_broadcast, hue_units):
    user = UserFactory(role="commune_officer", unit=None)
    client.force_login(user)
    assert export_rows(client) == []
    assert client.get(reverse("broadcasts:edit", args=[own_broadcast.pk])).status_code == 404


def test_leader_reads_but_cannot_change(client, leader, own_broadcast):
    client.force_login(leader)
    assert client.get(reverse("broadcasts:index")).status_code == 200
    assert client.get(reverse("broadcasts:add")).status_code == 302  # to the dashboard, refused
    assert client.get(reverse("broadcasts:edit", args=[own_broadcast.pk])).status_code == 302


def test_scope_follows_the_commune_code_across_map_versions(hue_units):
    # Phú Đa is a commune in the 2021 and the 2025-01 maps; one officer sees both versions.
    officer = UserFactory(role="commune_officer", unit=unit(PHU_DA))
    codes = set(scoping.units_visible_to(officer).values_list("code", flat=True))
    assert codes == {PHU_DA}
    assert scoping.units_visible_to(officer).count() >= 1


def test_district_scope_holds_the_district_and_its_communes(hue_units, district_officer):
    visible = scoping.units_visible_to(district_officer)
    assert visible.filter(code=PHU_DA).exists()
    assert not visible.filter(code=A_NGO).exists()
    assert not visible.filter(level="province").exists()


def test_listing_runs_a_bounded_number_of_queries(
    client, province_staff, django_assert_max_num_queries, hue_units
):
    from tests.broadcasts.factories import BroadcastFactory

    for code in [PHU_DA, PHU_THUAN, A_NGO] * 10:
        BroadcastFactory(commune=unit(code))
    client.force_login(province_staff)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("broadcasts:index"))
    assert response.status_code == 200
