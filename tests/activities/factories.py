import datetime
import io

import factory
from openpyxl import Workbook

from giamngheo.activities.models import Activity, ActivityKind


def kind(code: str) -> ActivityKind:
    """A kind seeded by the migration (Circular 06/2022/TT-BTTTT)."""
    return ActivityKind.objects.get(code=code)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    kind = factory.LazyFunction(lambda: kind("tin-bai"))
    title = factory.Sequence(lambda n: f"Tuyên truyền chính sách giảm nghèo số {n}")
    start_date = datetime.date(2023, 5, 10)
    channel = "online"
    audience_reached = 100
    participants = 0


def xlsx(headers: list[str], rows: list[list]) -> bytes:
    """A real workbook, as staff would upload it."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
