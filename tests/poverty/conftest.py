import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from giamngheo.poverty.importers import statistic_columns

# Phú Vang district (478) with its communes Phú Đa (19942) and Phú Thuận (19903);
# A Ngo (20068) is in A Lưới district (481).
PROVINCE, PHU_VANG, A_LUOI = "46", "478", "481"
PHU_DA, PHU_THUAN, A_NGO = "19942", "19903", "20068"


def headers() -> list[str]:
    """The template's headers, in the language the import reads them in."""
    return [column.header for column in statistic_columns()]


def xlsx(rows, columns=None, name="so-lieu.xlsx") -> SimpleUploadedFile:
    """A real .xlsx file with ``columns`` (the template's by default) and ``rows``."""
    book = Workbook()
    sheet = book.active
    sheet.append(columns if columns is not None else headers())
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())
