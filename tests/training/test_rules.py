"""The rules a single course, cadre or participant row must satisfy."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from giamngheo.training.models import Attendance, Cadre, TrainingCourse
from tests.conftest import unit

from .conftest import PHU_DA, PHU_THUAN, PHU_VANG, PROVINCE
from .factories import CadreFactory, CourseFactory

AUGUST_2025 = datetime.date(2025, 8, 1)


def course(**fields) -> TrainingCourse:
    values = {
        "title": "Tập huấn",
        "level": "district",
        "organising_unit": unit(PHU_VANG),
        "start_date": datetime.date(2023, 6, 12),
        "end_date": datetime.date(2023, 6, 13),
        "place": "Hội trường",
    }
    return TrainingCourse(**{**values, **fields})


def errors_of(instance) -> dict:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def test_a_well_formed_course_is_valid(hue_units):
    course().full_clean()


def test_a_course_cannot_end_before_it_starts(hue_units):
    assert "end_date" in errors_of(course(end_date=datetime.date(2023, 6, 11)))


@pytest.mark.parametrize(("level", "code"), [("province", PHU_VANG), ("district", PHU_DA)])
def test_the_organising_unit_is_of_the_courses_level(hue_units, level, code):
    assert "organising_unit" in errors_of(course(level=level, organising_unit=unit(code)))


def test_the_organising_unit_is_in_force_when_the_course_starts(hue_units):
    # Phú Vang district was dissolved on 1 July 2025.
    assert "organising_unit" in errors_of(course(start_date=AUGUST_2025, end_date=AUGUST_2025))


def test_a_cadres_level_is_their_units_level(hue_units):
    cadre = Cadre(full_name="Phan Thị Hoa", unit=unit(PHU_DA), level="district")
    assert "level" in errors_of(cadre)
    cadre.level = "commune"
    cadre.full_clean()


def test_a_participants_unit_is_in_force_when_the_course_starts(hue_units):
    late = CourseFactory(organising_unit=unit(PROVINCE, AUGUST_2025), start_date=AUGUST_2025)
    cadre = CadreFactory(unit=unit(PHU_THUAN))
    assert "cadre" in errors_of(Attendance(course=late, cadre=cadre))
    on_time = CourseFactory(organising_unit=unit(PROVINCE))
    Attendance(course=on_time, cadre=cadre).full_clean()


def test_a_cadre_is_on_a_course_once(hue_units):
    first = CourseFactory(organising_unit=unit(PHU_VANG))
    cadre = CadreFactory(unit=unit(PHU_DA))
    Attendance.objects.create(course=first, cadre=cadre)
    assert "__all__" in errors_of(Attendance(course=first, cadre=cadre))


def test_names_are_stored_folded_for_matching_and_sorted_the_vietnamese_way(hue_units):
    names = ["Đặng Văn An", "Bùi Thị Ánh", "Âu Văn Bình"]
    for name in names:
        CadreFactory(unit=unit(PHU_DA), full_name=name)
    assert Cadre.objects.get(full_name="Đặng Văn An").search_name == "dang van an"
    # By given name first, as Vietnamese lists of people are read (An, Ánh, Bình).
    assert list(Cadre.objects.values_list("full_name", flat=True)) == [
        "Đặng Văn An",
        "Bùi Thị Ánh",
        "Âu Văn Bình",
    ]
