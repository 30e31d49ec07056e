"""The course and cadre screens: participants on the course, filters, search, bounded pages."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from giamngheo.training.models import TrainingCourse
from tests.conftest import unit

from .conftest import A_NGO, PHU_DA, PHU_THUAN, PHU_VANG, PROVINCE, xlsx
from .factories import AttendanceFactory, CadreFactory, CourseFactory


@pytest.fixture
def staff(client, province_staff):
    client.force_login(province_staff)
    return client


def with_participants(course, count: int):
    for _ in range(count):
        AttendanceFactory(course=course, cadre=CadreFactory(unit=unit(PHU_DA)))
    return course


def test_the_course_page_lists_its_participants(staff, district_course, own_cadre, far_cadre):
    AttendanceFactory(course=district_course, cadre=own_cadre)
    AttendanceFactory(course=district_course, cadre=far_cadre, attended=False)
    response = staff.get(reverse("training_courses:inspect", args=[district_course.pk]))
    assert response.status_code == 200
    assert own_cadre.full_name in response.text and far_cadre.full_name in response.text
    assert reverse("training_courses:import", args=[district_course.pk]) in response.text


def test_the_edit_page_shows_the_participants_and_saves_their_attendance(
    staff, district_course, own_cadre
):
    attendance = AttendanceFactory(course=district_course, cadre=own_cadre)
    url = reverse("training_courses:edit", args=[district_course.pk])
    page = staff.get(url)
    assert page.status_code == 200 and own_cadre.full_name in page.text
    response = staff.post(
        url,
        {
            "title": district_course.title,
            "level": "district",
            "organising_unit": district_course.organising_unit_id,
            "start_date": "12/06/2023",
            "end_date": "13/06/2023",
            "place": district_course.place,
            "attendances-TOTAL_FORMS": "1",
            "attendances-INITIAL_FORMS": "1",
            "attendances-MIN_NUM_FORMS": "0",
            "attendances-MAX_NUM_FORMS": "1000",
            "attendances-0-id": attendance.pk,
            "attendances-0-cadre": own_cadre.pk,
            "attendances-0-ORDER": "0",
            "attendances-0-DELETE": "",
            # "attended" left unticked: registered, did not come
        },
    )
    assert response.status_code == 302
    attendance.refresh_from_db()
    assert attendance.attended is False


@pytest.mark.parametrize("url", ["training_courses:inspect", "training_courses:edit"])
def test_a_course_page_costs_the_same_queries_for_5_or_40_participants(
    staff, hue_units, django_assert_max_num_queries, url
):
    small = with_participants(CourseFactory(organising_unit=unit(PHU_VANG)), 5)
    large = with_participants(CourseFactory(organising_unit=unit(PHU_VANG)), 40)
    with django_assert_max_num_queries(20) as small_queries:
        assert staff.get(reverse(url, args=[small.pk])).status_code == 200
    with django_assert_max_num_queries(20) as large_queries:
        assert staff.get(reverse(url, args=[large.pk])).status_code == 200
    assert len(large_queries) == len(small_queries)


def test_courses_filter_by_year_level_and_organising_unit(staff, hue_units):
    CourseFactory(organising_unit=unit(PHU_DA), title="Lớp Phú Đa 2023")
    CourseFactory(
        organising_unit=unit(PHU_DA), title="Lớp Phú Đa 2024", start_date=datetime.date(2024, 5, 6)
    )
    CourseFactory(organising_unit=unit(PHU_VANG), title="Lớp Phú Vang 2023")
    index = reverse("training_courses:index")
    by_year = staff.get(index, {"year": 2024}).text
    assert "Lớp Phú Đa 2024" in by_year and "Lớp Phú Đa 2023" not in by_year
    by_level = staff.get(index, {"level": "district"}).text
    assert "Lớp Phú Vang 2023" in by_level and "Lớp Phú Đa 2023" not in by_level
    by_unit = staff.get(index, {"unit": PHU_DA}).text
    assert "Lớp Phú Đa 2023" in by_unit and "Lớp Phú Vang 2023" not in by_unit


def test_the_unit_filter_offers_only_the_users_units(client, commune_officer, hue_units):
    client.force_login(commune_officer)
    response = client.get(reverse("training_cadres:index"))
    assert f'value="{PHU_DA}"' in response.text
    assert f'value="{PHU_THUAN}"' not in response.text and f'value="{A_NGO}"' not in response.text


def test_search_ignores_accents(staff, own_cadre, neighbour_cadre, commune_course):
    cadres = staff.get(reverse("training_cadres:index"), {"q": "phan thi"}).text
    assert own_cadre.full_name in cadres and neighbour_cadre.full_name not in cadres
    courses = staff.get(reverse("training_courses:index"), {"q": "xa phu da"}).text
    assert commune_course.title in courses


def test_the_course_listing_counts_attended_participants(staff, commune_course, own_cadre):
    AttendanceFactory(course=commune_course, cadre=own_cadre)
    AttendanceFactory(course=commune_course, cadre=CadreFactory(unit=unit(PHU_DA)), attended=False)
    response = staff.get(reverse("training_courses:index") + "?export=csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[1][rows[0].index("Số học viên tham dự")] == "1"


def new_course_data(cadre_pk, start="12/06/2023") -> dict:
    return {
        "title": "Lớp mới có học viên",
        "level": "province",
        "organising_unit": unit(PROVINCE).pk,
        "start_date": start,
        "end_date": start,
        "place": "Trường Chính trị Nguyễn Chí Thanh",
        "attendances-TOTAL_FORMS": "1",
        "attendances-INITIAL_FORMS": "0",
        "attendances-MIN_NUM_FORMS": "0",
        "attendances-MAX_NUM_FORMS": "1000",
        "attendances-0-id": "",
        "attendances-0-cadre": cadre_pk,
        "attendances-0-attended": "on",
        "attendances-0-ORDER": "0",
        "attendances-0-DELETE": "",
    }


def test_a_new_course_is_saved_with_its_participants(staff, own_cadre):
    response = staff.post(reverse("training_courses:add"), new_course_data(own_cadre.pk))
    assert response.status_code == 302
    course = TrainingCourse.objects.get(title="Lớp mới có học viên")
    assert list(course.attendances.values_list("cadre", flat=True)) == [own_cadre.pk]


def test_a_participant_whose_unit_was_not_in_force_is_refused(staff, own_cadre):
    # Thị trấn Phú Đa's row ends on 30 June 2025; the province unit then is Huế city.
    data = new_course_data(own_cadre.pk, start="01/08/2025")
    data["organising_unit"] = unit(PROVINCE, datetime.date(2025, 8, 1)).pk
    response = staff.post(reverse("training_courses:add"), data)
    assert response.status_code == 200
    assert not TrainingCourse.objects.filter(title="Lớp mới có học viên").exists()


def test_an_import_shows_in_the_courses_history(staff, district_course):
    response = staff.post(
        reverse("training_courses:import", args=[district_course.pk]),
        {"file": xlsx([["Phan Thị Hoa", PHU_DA, "", ""]])},
    )
    assert response.status_code == 302
    history = staff.get(reverse("training_courses:history", args=[district_course.pk]))
    assert history.status_code == 200
    assert "Đã nhập 1 học viên từ Excel" in history.text
