"""Demo training data: a cadre registry and five years of courses in Huế.

The yearly turns are set to land on both sides of the seed's target of 100
(about 85, 130, 110, 95 and 140 for 2021–2025), so the dashboard shows a
target met in some years and missed in others.  Everything is drawn from the
``rng`` passed in, and every course uses the units in force on its start
date: the 2021 map from July 2021, the 2025-01 map, and the two-level map from
July 2025, when district-level courses stop.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.conf import settings

from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit, UnitLevel

from .models import Attendance, Cadre, TrainingCourse

# Attended turns per year (± a few, drawn from the rng).
YEARLY_TURNS = {2021: 85, 2022: 130, 2023: 110, 2024: 95, 2025: 140, 2026: 120}
# Days courses may start on, per year: the first map is in force from 1 July 2021.
WINDOWS = {
    2021: [(datetime.date(2021, 7, 15), datetime.date(2021, 12, 10))],
    2022: [(datetime.date(2022, 3, 1), datetime.date(2022, 11, 30))],
    2023: [(datetime.date(2023, 3, 1), datetime.date(2023, 11, 30))],
    2024: [(datetime.date(2024, 3, 1), datetime.date(2024, 11, 30))],
    2025: [
        (datetime.date(2025, 3, 1), datetime.date(2025, 6, 20)),
        (datetime.date(2025, 8, 1), datetime.date(2025, 11, 20)),
    ],
    # 2026–2030 on the two-level map; courses end before the demo's today (3 December).
    2026: [(datetime.date(2026, 3, 1), datetime.date(2026, 11, 20))],
}
ABSENT_SHARE = 0.04
# The demo users' units, so that each of them finds courses: Phú Vang, Phú Đa (today
# Xã Phú Vang), A Ngo and today's Xã A Lưới 2.
DEMO_DISTRICT, DEMO_COMMUNES = "478", ["19942", "20068", "20044"]

SURNAMES = [
    *["Nguyễn"] * 8,
    *["Trần"] * 4,
    *["Lê"] * 4,
    *["Phan", "Hoàng", "Huỳnh", "Võ", "Phạm"] * 2,
    *["Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Trương", "Mai", "Tôn Thất", "Hồ Đắc"],
]
MIDDLE = {
    "m": ["Văn", "Quang", "Đức", "Hữu", "Minh", "Công", "Ngọc", "Xuân", "Thanh"],
    "f": ["Thị", "Thị", "Thị Thu", "Thị Minh", "Ngọc", "Thị Kim", "Thị Thanh", "Diệu"],
}
GIVEN = {
    "m": [
        "Hùng",
        "Dũng",
        "Tuấn",
        "Sơn",
        "Hải",
        "Phong",
        "Long",
        "Nam",
        "Bình",
        "Thắng",
        "Khoa",
        "Lợi",
        "Phúc",
        "Tài",
        "Vinh",
        "Hiếu",
        "Quý",
        "Trung",
        "Cường",
        "Hòa",
        "Thành",
        "Huy",
        "Khánh",
        "Lộc",
        "Nhân",
    ],
    "f": [
        "Hoa",
        "Lan",
        "Hương",
        "Mai",
        "Thảo",
        "Hằng",
        "Nga",
        "Trang",
        "Linh",
        "Vân",
        "Hạnh",
        "Yến",
        "Thủy",
        "Nhung",
        "Loan",
        "Hà",
        "Phương",
        "Diệu",
        "Châu",
        "Quyên",
        "Tâm",
        "Oanh",
    ],
}
POSITIONS = {
    UnitLevel.PROVINCE: [
        "Chuyên viên Sở Lao động - Thương binh và Xã hội",
        "Chuyên viên Sở Thông tin và Truyền thông",
        "Chuyên viên Ban Tuyên giáo Tỉnh ủy",
        "Phóng viên Đài Phát thanh và Truyền hình",
        "Cán bộ Ủy ban Mặt trận Tổ quốc Việt Nam",
        "Cán bộ Hội Liên hiệp Phụ nữ",
    ],
    UnitLevel.DISTRICT: [
        "Chuyên viên Phòng Lao động - Thương binh và Xã hội",
        "Chuyên viên Phòng Văn hóa và Thông tin",
        "Viên chức Trung tâm Văn hóa - Thông tin và Thể thao",
        "Cán bộ Ban Tuyên giáo Huyện ủy",
        "Phó Chủ tịch Ủy ban nhân dân",
    ],
    UnitLevel.COMMUNE: [
        "Công chức Văn hóa - Xã hội",
        "Công chức Lao động - Thương binh và Xã hội",
        "Phó Chủ tịch Ủy ban nhân dân",
        "Phụ trách Đài truyền thanh",
        "Chủ tịch Hội Liên hiệp Phụ nữ",
        "Bí thư Đoàn Thanh niên",
        "Trưởng thôn",
    ],
}
TITLES = [
    "Tập huấn nghiệp vụ truyền thông về giảm nghèo bền vững",
    "Bồi dưỡng kỹ năng truyền thông chính sách giảm nghèo",
    "Tập huấn chuẩn nghèo đa chiều và rà soát hộ nghèo, hộ cận nghèo",
    "Tập huấn kỹ năng viết tin, bài cho đài truyền thanh cơ sở",
    "Tập huấn tổ chức đối thoại chính sách ở cơ sở",
    "Tập huấn ứng dụng mạng xã hội trong truyền thông giảm nghèo",
    "Bồi dưỡng báo cáo viên, tuyên truyền viên về giảm nghèo",
]
TOPICS = [
    "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021-2025",
    "Chuẩn nghèo đa chiều giai đoạn 2022-2025 (Nghị định 07/2021/NĐ-CP)",
    "Kỹ năng xây dựng tin, bài và chương trình phát thanh",
    "Truyền thông về các mô hình, gương điển hình thoát nghèo",
    "Kỹ năng tổ chức đối thoại chính sách với người dân",
    "Chính sách tín dụng ưu đãi cho hộ nghèo, hộ cận nghèo",
]
TRAINERS = [
    "ThS. Nguyễn Văn Thành, Sở Lao động - Thương binh và Xã hội",
    "Bà Trần Thị Hồng Nhung, Sở Thông tin và Truyền thông",
    "Ông Lê Quang Vinh, Đài Phát thanh và Truyền hình",
    "TS. Phan Thị Diệu Linh, Trường Đại học Khoa học Huế",
    "Ông Hồ Đắc Phúc, Ngân hàng Chính sách xã hội",
]


@dataclass
class _Registry:
    """Cadres per unit, drawn as courses need them and written at the end."""

    rng: random.Random
    by_unit: dict[int, list[Cadre]] = field(default_factory=dict)

    def cadres(self, unit: Unit, count: int) -> list[Cadre]:
        pool = self.by_unit.setdefault(unit.pk, [])
        names = {cadre.full_name for cadre in pool}
        while len(pool) < count:
            name = self._name()
            if name in names:
                continue
            names.add(name)
            cadre = Cadre(
                full_name=name,
                unit=unit,
                level=unit.level,
                position=self.rng.choice(POSITIONS[UnitLevel(unit.level)]),
                phone=self._phone(),
            )
            cadre.set_derived_fields()
            pool.append(cadre)
        return self.rng.sample(pool, count)

    def _name(self) -> str:
        sex = self.rng.choice("mf")
        return " ".join(
            [self.rng.choice(SURNAMES), self.rng.choice(MIDDLE[sex]), self.rng.choice(GIVEN[sex])]
        )

    def _phone(self) -> str:
        prefix = self.rng.choice(["091", "094", "098", "035", "037", "088"])
        return f"{prefix}{self.rng.randrange(10**7):07d}"

    def all(self) -> list[Cadre]:
        return [cadre for pool in self.by_unit.values() for cadre in pool]


def _units_on(on: datetime.date, cache: dict) -> dict[str, list[Unit]]:
    """The province's units in force on ``on``, by level, in a stable order."""
    if on not in cache:
        units = Unit.objects.of_province(province_code(settings.PROVINCE_CODE)).in_force(on)
        by_level: dict[str, list[Unit]] = {level.value: [] for level in UnitLevel}
        for unit in units.select_related("parent").order_by("code"):
            by_level[unit.level].append(unit)
        cache[on] = by_level
    return cache[on]


def _participants(
    rng: random.Random,
    registry: _Registry,
    units: dict[str, list[Unit]],
    organiser: Unit,
    size: int,
) -> list[Cadre]:
    """Cadres for a course: its own unit's people, and those of the units below it."""
    if organiser.level == UnitLevel.COMMUNE:
        return registry.cadres(organiser, size)
    if organiser.level == UnitLevel.DISTRICT:
        # By code: a commune's row may point to an earlier version of its district.
        below = [u for u in units[UnitLevel.COMMUNE] if u.parent_code == organiser.code]
    else:
        below = units[UnitLevel.DISTRICT] + units[UnitLevel.COMMUNE]
    if not below:
        return registry.cadres(organiser, size)
    chosen = registry.cadres(organiser, min(size, max(2, size // 5)))
    while len(chosen) < size:
        unit = rng.choice(below)
        have = sum(1 for cadre in chosen if cadre.unit_id == unit.pk)
        # Ask for more than are already chosen there, so the unit's pool grows.
        for cadre in registry.cadres(unit, have + rng.randint(1, 3)):
            if len(chosen) < size and cadre not in chosen:
                chosen.append(cadre)
    return chosen


def _organiser(rng: random.Random, units: dict[str, list[Unit]], plan: list[str]) -> Unit:
    level = (
        plan.pop(0)
        if plan
        else rng.choice([UnitLevel.DISTRICT, UnitLevel.COMMUNE, UnitLevel.COMMUNE])
    )
    if not units[level]:  # no districts after 1 July 2025
        level = UnitLevel.COMMUNE
    preferred = [u for u in units[level] if u.code == DEMO_DISTRICT or u.code in DEMO_COMMUNES]
    if preferred and rng.random() < 0.35:
        return rng.choice(preferred)
    return rng.choice(units[level])


def _course_date(rng: random.Random, year: int) -> datetime.date:
    start, end = rng.choice(WINDOWS[year])
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


SIZES = {UnitLevel.PROVINCE: (35, 50), UnitLevel.DISTRICT: (18, 32), UnitLevel.COMMUNE: (10, 20)}


def load_training(rng: random.Random) -> int:
    """Replace the province's training records with the demo ones; returns the turns made."""
    pcode = province_code(settings.PROVINCE_CODE)
    Attendance.objects.filter(course__organising_unit__province_code=pcode).delete()
    TrainingCourse.objects.filter(organising_unit__province_code=pcode).delete()
    Cadre.objects.filter(unit__province_code=pcode, attendances__isnull=True).delete()

    registry = _Registry(rng)
    cache: dict = {}
    courses: list[tuple[TrainingCourse, list[tuple[Cadre, bool]]]] = []
    for year, target in YEARLY_TURNS.items():
        goal = target + rng.randint(-3, 3)
        turns = 0
        plan = [UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE]
        while turns < goal:
            start = _course_date(rng, year)
            units = _units_on(start, cache)
            organiser = _organiser(rng, units, plan)
            low, high = SIZES[UnitLevel(organiser.level)]
            size = min(rng.randint(low, high), goal - turns)
            people = _participants(rng, registry, units, organiser, size)
            # A few registered cadres do not come: on the list, not counted.
            absent = sum(1 for _ in people if rng.random() < ABSENT_SHARE)
            mine = sum(1 for cadre in people if cadre.unit_id == organiser.pk)
            pool = registry.cadres(organiser, mine + absent)
            extra = [cadre for cadre in pool if cadre not in people][:absent]
            roll = [(cadre, True) for cadre in people] + [(cadre, False) for cadre in extra]
            turns += len(people)
            courses.append((_course(rng, organiser, start), roll))

    Cadre.objects.bulk_create(registry.all(), batch_size=1000)
    # The courses pass the course's rule (its ``clean``, as the form asks it): a
    # refusal is a bug of the demo, not data to store.
    for course, _roll in courses:
        course.clean()
    TrainingCourse.objects.bulk_create([course for course, _ in courses], batch_size=500)
    attendances = [
        Attendance(course=course, cadre=cadre, attended=attended)
        for course, roll in courses
        for cadre, attended in roll
    ]
    Attendance.objects.bulk_create(attendances, batch_size=2000)
    return sum(1 for attendance in attendances if attendance.attended)


def _course(rng: random.Random, organiser: Unit, start: datetime.date) -> TrainingCourse:
    name = organiser.name[:1].lower() + organiser.name[1:]  # "Xã A Ngo" → "xã A Ngo"
    places = {
        UnitLevel.PROVINCE: "Trường Chính trị Nguyễn Chí Thanh, thành phố Huế",
        UnitLevel.DISTRICT: f"Hội trường Ủy ban nhân dân {name}",
        UnitLevel.COMMUNE: f"Nhà văn hóa {name}",
    }
    course = TrainingCourse(
        title=f"{rng.choice(TITLES)} năm {start.year}",
        level=organiser.level,
        organising_unit=organiser,
        start_date=start,
        end_date=start + datetime.timedelta(days=rng.choice([0, 1, 1, 2])),
        place=places[UnitLevel(organiser.level)],
        topics="\n".join(rng.sample(TOPICS, 3)),
        trainers="\n".join(rng.sample(TRAINERS, 2)),
    )
    course.set_derived_fields()
    return course
