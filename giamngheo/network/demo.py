"""Demo communicators, labelled demo, reproducible from ``rng``.

Most communes of the 2023 map get one to three communicators (some none, so
coverage has gaps to flag), each district a reporter or two; some are cadres
of the training registry, and some took part in the demo activities of their
commune.  Runs after the training and activities demo parts.
"""

from __future__ import annotations

import datetime
import random

from django.conf import settings

from giamngheo.activities.models import Activity
from giamngheo.training.models import Cadre
from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit, UnitLevel

from .models import Communicator, CommunicatorRole

ON = datetime.date(2023, 6, 30)
UNCOVERED_SHARE = 0.12
DEMO_EMAIL_DOMAIN = "demo.giamngheo.vn"
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Hồ", "Ngô"]
MIDDLE = ["Thị", "Văn", "Đức", "Thị Thu", "Quang", "Thị Minh", "Hữu"]
GIVEN = ["Hoa", "Lan", "Hùng", "Tuấn", "Mai", "Phúc", "Hằng", "Sơn", "Thảo", "Bình", "Nga"]
ORGANISATIONS = [
    "Hội Liên hiệp Phụ nữ",
    "Đoàn Thanh niên",
    "Hội Nông dân",
    "Mặt trận Tổ quốc",
    "Hội Cựu chiến binh",
    "Công chức Văn hóa - Xã hội",
]
FIELDS = [
    "Tín dụng chính sách",
    "Học nghề, việc làm",
    "Bảo hiểm y tế",
    "Nhà ở cho hộ nghèo",
    "Sinh kế, mô hình giảm nghèo",
]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def load_network(rng: random.Random) -> int:
    """Replace the province's communicators with the demo ones; returns how many."""
    pcode = province_code(settings.PROVINCE_CODE)
    Communicator.objects.filter(unit__province_code=pcode).delete()
    units = list(
        Unit.objects.of_province(pcode)
        .in_force(ON)
        .filter(level__in=[UnitLevel.DISTRICT, UnitLevel.COMMUNE])
        .order_by("level", "code")
    )
    cadres: dict[int, list[Cadre]] = {}
    for cadre in Cadre.objects.filter(unit__in=units).order_by("pk"):
        cadres.setdefault(cadre.unit_id, []).append(cadre)
    people: list[Communicator] = []
    for unit in units:
        if unit.level == UnitLevel.COMMUNE:
            if rng.random() < UNCOVERED_SHARE:
                continue
            count, roles = rng.randint(1, 3), [CommunicatorRole.PROPAGANDIST, CommunicatorRole.BOTH]
        else:
            count, roles = rng.randint(1, 2), [CommunicatorRole.REPORTER, CommunicatorRole.BOTH]
        pool = list(cadres.get(unit.pk, []))
        for number in range(count):
            cadre = pool.pop(0) if pool and rng.random() < 0.5 else None
            person = Communicator(
                full_name=cadre.full_name if cadre else _name(rng),
                unit=unit,
                role=rng.choice(roles),
                organisation=rng.choice(ORGANISATIONS),
                fields_of_work=", ".join(rng.sample(FIELDS, 2)),
                phone=f"09{rng.randint(10_000_000, 99_999_999)}",
                email=f"ttv.{unit.code}.{number + 1}@{DEMO_EMAIL_DOMAIN}",
                # A few left the network: they no longer count for coverage.
                is_active=rng.random() > 0.08,
                cadre=cadre,
                start_date=datetime.date(rng.randint(2018, 2022), rng.randint(1, 12), 1),
            )
            person.set_derived_fields()
            people.append(person)
    Communicator.objects.bulk_create(people, batch_size=500)

    by_code: dict[str, list[Communicator]] = {}
    for person in Communicator.objects.filter(unit__province_code=pcode).select_related("unit"):
        by_code.setdefault(person.unit.code, []).append(person)
    links = []
    through = Activity.communicators.through
    for activity in (
        Activity.objects.filter(unit__province_code=pcode, source_type__isnull=True)
        .select_related("unit")
        .order_by("pk")
    ):
        team = by_code.get(activity.unit.code, [])
        if team and rng.random() < 0.6:
            for person in rng.sample(team, min(len(team), rng.randint(1, 2))):
                links.append(through(activity_id=activity.pk, communicator_id=person.pk))
    through.objects.bulk_create(links, batch_size=1000)
    return len(people)
