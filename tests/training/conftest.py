import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from giamngheo.training.importers import participant_columns
from tests.conftest import unit

from .factories import CadreFactory, CourseFactory

# Phú Vang district (478) with its communes Phú Đa (19942) and Phú Thuận (19903);
# A Ngo (20068) is in A Lưới district (481).
PROVINCE, PHU_VANG, A_LUOI = "46", "478", "481"
PHU_DA, PHU_THUAN, A_NGO = "19942", "19903", "20068"


def headers() -> list[str]:
    """The template's headers, in the language the import reads them in."""
    return [column.header for column in participant_columns()]


def xlsx(rows, columns=None, name="hoc-vien.xlsx") -> SimpleUploadedFile:
    """A real .xlsx file with ``columns`` (the template's by default) and ``rows``."""
    book = Workbook()
    sheet = book.active
    sheet.append(columns if columns is not None else headers())
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def district_course(hue_units):
    return CourseFactory(organising_unit=unit(PHU_VANG), title="Tập huấn huyện Phú Vang")


@pytest.fixture
def far_district_course(hue_units):
    return CourseFactory(organising_unit=unit(A_LUOI), title="Tập huấn huyện A Lưới")


@pytest.fixture
def commune_course(hue_units):
    return CourseFactory(organising_unit=unit(PHU_DA), title="Tập huấn xã Phú Đa")


@pytest.fixture
def neighbour_course(hue_units):
    return CourseFactory(organising_unit=unit(PHU_THUAN), title="Tập huấn xã Phú Thuận")


@pytest.fixture
def province_course(hue_units):
    return CourseFactory(organising_unit=unit(PROVINCE), title="Tập huấn cấp tỉnh")


@pytest.fixture
def own_cadre(hue_units):
    return CadreFactory(unit=unit(PHU_DA), full_name="Phan Thị Hoa")


@pytest.fixture
def neighbour_cadre(hue_units):
    return CadreFactory(unit=unit(PHU_THUAN), full_name="Lê Văn Thuận")


@pytest.fixture
def far_cadre(hue_units):
    return CadreFactory(unit=unit(A_NGO), full_name="Hồ Văn Ngo")
