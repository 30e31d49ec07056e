"""Courses and cadres stay within the user's units, in every admin view and export."""

import csv
import io

import pytest
from django.urls import reverse

from giamngheo.training.models import Cadre
from tests.conftest import unit

from .conftest import A_LUOI, A_NGO, PHU_DA, PHU_THUAN, PHU_VANG
from .factories import AttendanceFactory, CadreFactory, CourseFactory

OBJECT_VIEWS = ["edit", "delete", "inspect", "history", "usage", "copy"]


def export(client, viewset: str, column: str) -> list[str]:
    response = client.get(reverse(f"{viewset}:index") + "?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    position = rows[0].index(column)
    return sorted(row[position] for row in rows[1:])


def name_heading() -> str:
    return str(Cadre._meta.get_field("full_name").verbose_name).capitalize()


def cadre_names(client) -> list[str]:
    return export(client, "training_cadres", name_heading())


# Cadres: a commune officer.


def test_commune_officer_lists_only_their_communes_cadres(
    client, commune_officer, own_cadre, neighbour_cadre, far_cadre
):
    client.force_login(commune_officer)
    response = client.get(reverse("training_cadres:index"))
    assert response.status_code == 200
    assert own_cadre.full_name in response.text
    assert neighbour_cadre.full_name not in response.text
    assert far_cadre.full_name not in response.text


@pytest.mark.parametrize("view", OBJECT_VIEWS)
def test_commune_officer_cannot_open_another_communes_cadre(
    client, commune_officer, neighbour_cadre, view
):
    client.force_login(commune_officer)
    response = client.get(reverse(f"training_cadres:{view}", args=[neighbour_cadre.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("view", ["edit", "inspect", "history"])
def test_commune_officer_opens_their_own_cadre(client, commune_officer, own_cadre, view):
    client.force_login(commune_officer)
    assert client.get(reverse(f"training_cadres:{view}", args=[own_cadre.pk])).status_code == 200


def test_commune_officer_cannot_edit_another_communes_cadre(
    client, commune_officer, neighbour_cadre
):
    client.force_login(commune_officer)
    response = client.post(
        reverse("training_cadres:edit", args=[neighbour_cadre.pk]),
        {"full_name": "Đã sửa", "unit": unit(PHU_DA).pk, "level": "commune", "is_active": "on"},
    )
    assert response.status_code == 404
    neighbour_cadre.refresh_from_db()
    assert neighbour_cadre.full_name == "Lê Văn Thuận"


def test_commune_officer_cannot_delete_another_communes_cadre(
    client, commune_officer, neighbour_cadre
):
    client.force_login(commune_officer)
    response = client.post(reverse("training_cadres:delete", args=[neighbour_cadre.pk]))
    assert response.status_code == 404
    assert Cadre.objects.filter(pk=neighbour_cadre.pk).exists()


def test_commune_officer_deletes_their_own_cadre(client, commune_officer, own_cadre):
    client.force_login(commune_officer)
    response = client.post(reverse("training_cadres:delete", args=[own_cadre.pk]))
    assert response.status_code == 302
    assert not Cadre.objects.filter(pk=own_cadre.pk).exists()


def test_commune_officer_export_holds_only_their_communes_cadres(
    client, commune_officer, own_cadre, neighbour_cadre, far_cadre
):
    client.force_login(commune_officer)
    assert cadre_names(client) == [own_cadre.full_name]


def test_commune_officer_cannot_register_a_cadre_in_another_commune(client, commune_officer):
    client.force_login(commune_officer)
    data = {"full_name": "Người Lạ", "level": "commune", "is_active": "on"}
    response = client.post(reverse("training_cadres:add"), {**data, "unit": unit(PHU_THUAN).pk})
    assert response.status_code == 200
    assert not Cadre.objects.filter(full_name="Người Lạ").exists()
    response = client.post(reverse("training_cadres:add"), {**data, "unit": unit(PHU_DA).pk})
    assert response.status_code == 302
    assert Cadre.objects.get(full_name="Người Lạ").unit.code == PHU_DA


# Courses and cadres: a district officer.


def test_district_officer_sees_only_their_districts_courses(
    client,
    district_officer,
    district_course,
    commune_course,
    neighbour_course,
    far_district_course,
    province_course,
):
    client.force_login(district_officer)
    titles = export(client, "training_courses", "Tiêu đề")
    assert titles == sorted([district_course.title, commune_course.title, neighbour_course.title])
    for course in (far_district_course, province_course):
        for view in ("edit", "inspect", "delete"):
            url = reverse(f"training_courses:{view}", args=[course.pk])
            assert client.get(url).status_code == 404


def test_district_officer_sees_only_their_districts_cadres(
    client, district_officer, own_cadre, neighbour_cadre, far_cadre
):
    district_cadre = CadreFactory(unit=unit(PHU_VANG), full_name="Trần Quang Vinh")
    client.force_login(district_officer)
    assert cadre_names(client) == sorted(
        [own_cadre.full_name, neighbour_cadre.full_name, district_cadre.full_name]
    )
    assert client.get(reverse("training_cadres:edit", args=[far_cadre.pk])).status_code == 404


def test_district_officer_cannot_create_a_course_for_another_district(client, district_officer):
    client.force_login(district_officer)
    data = {
        "title": "Lớp lạ",
        "level": "district",
        "start_date": "12/06/2023",
        "end_date": "13/06/2023",
        "place": "Hội trường",
        "attendances-TOTAL_FORMS": "0",
        "attendances-INITIAL_FORMS": "0",
        "attendances-MIN_NUM_FORMS": "0",
        "attendances-MAX_NUM_FORMS": "1000",
    }
    response = client.post(
        reverse("training_courses:add"), {**data, "organising_unit": unit(A_LUOI).pk}
    )
    assert response.status_code == 200
    response = client.post(
        reverse("training_courses:add"), {**data, "organising_unit": unit(PHU_VANG).pk}
    )
    assert response.status_code == 302


# The participant rows and the cadre chooser.


def edit_data(course, cadre_pk) -> dict:
    return {
        "title": course.title,
        "level": course.level,
        "organising_unit": course.organising_unit_id,
        "start_date": course.start_date.strftime("%d/%m/%Y"),
        "end_date": course.end_date.strftime("%d/%m/%Y"),
        "place": course.place,
        "attendances-TOTAL_FORMS": "1",
        "attendances-INITIAL_FORMS": "0",
        "attendances-MIN_NUM_FORMS": "0",
        "attendances-MAX_NUM_FORMS": "1000",
        "attendances-0-cadre": cadre_pk,
        "attendances-0-attended": "on",
        "attendances-0-id": "",
        "attendances-0-ORDER": "0",
        "attendances-0-DELETE": "",
    }


def test_commune_officer_cannot_add_another_communes_cadre_to_their_course(
    client, commune_officer, commune_course, own_cadre, neighbour_cadre
):
    client.force_login(commune_officer)
    url = reverse("training_courses:edit", args=[commune_course.pk])
    response = client.post(url, edit_data(commune_course, neighbour_cadre.pk))
    assert response.status_code == 200
    assert not commune_course.attendances.exists()
    response = client.post(url, edit_data(commune_course, own_cadre.pk))
    assert response.status_code == 302
    assert list(commune_course.attendances.values_list("cadre", flat=True)) == [own_cadre.pk]


def test_the_cadre_chooser_lists_only_the_users_cadres(
    client, commune_officer, own_cadre, neighbour_cadre, far_cadre
):
    client.force_login(commune_officer)
    response = client.get(reverse("training_cadre_chooser:choose"))
    assert response.status_code == 200
    body = response.json()["html"]
    assert own_cadre.full_name in body
    assert neighbour_cadre.full_name not in body and far_cadre.full_name not in body
    search = client.get(reverse("training_cadre_chooser:choose_results"), {"q": "le van"})
    assert neighbour_cadre.full_name not in search.text


def test_the_cadre_chooser_answers_404_for_another_communes_cadre(
    client, commune_officer, own_cadre, neighbour_cadre
):
    client.force_login(commune_officer)
    chosen = "training_cadre_chooser:chosen"
    assert client.get(reverse(chosen, args=[own_cadre.pk])).status_code == 200
    assert client.get(reverse(chosen, args=[neighbour_cadre.pk])).status_code == 404
    multiple = client.get(
        reverse("training_cadre_chooser:chosen_multiple"),
        {"id": [own_cadre.pk, neighbour_cadre.pk]},
    )
    assert neighbour_cadre.full_name not in multiple.text


# Read-only and bounded.


def test_leader_reads_but_cannot_change(client, leader, province_course, own_cadre):
    client.force_login(leader)
    assert client.get(reverse("training_courses:index")).status_code == 200
    assert (
        client.get(reverse("training_courses:inspect", args=[province_course.pk])).status_code
        == 200
    )
    assert client.get(reverse("training_courses:add")).status_code == 302
    assert client.get(reverse("training_cadres:edit", args=[own_cadre.pk])).status_code == 302


@pytest.mark.parametrize("viewset", ["training_courses", "training_cadres"])
def test_listings_run_a_bounded_number_of_queries(
    client, province_staff, hue_units, django_assert_max_num_queries, viewset
):
    for code in [PHU_DA, PHU_THUAN, A_NGO] * 10:
        cadre = CadreFactory(unit=unit(code))
        course = CourseFactory(organising_unit=unit(code))
        AttendanceFactory(course=course, cadre=cadre)
    client.force_login(province_staff)
    with django_assert_max_num_queries(20):
        response = client.get(reverse(f"{viewset}:index"))
    assert response.status_code == 200
    with django_assert_max_num_queries(20):
        response = client.get(reverse(f"{viewset}:index") + "?export=csv")
        rows = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(rows) == 31
