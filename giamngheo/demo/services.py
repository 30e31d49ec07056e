"""The demo data set: realistic, clearly labelled, reproducible from a seed.

Each issue that adds a domain adds its part here (``PARTS``).  Loading is
idempotent: the data set records its seed and version, and a second load
with the same ones does nothing.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from giamngheo.accounts.models import User
from giamngheo.accounts.roles import role_group
from giamngheo.broadcasts.models import Broadcast, BroadcastSource
from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit, UnitLevel

from .models import DemoDataSet

VERSION = 1
DEMO_PASSWORD = "GiamNgheo@2025"
DEMO_EMAIL_DOMAIN = "demo.giamngheo.vn"
# The day the 2021-2025 demo data is seen from: the last day of the three-level map.
LAST_DAY_OF_PERIOD = datetime.date(2025, 6, 30)


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str
    unit_code: str | None  # None: the province
    position: str


DEMO_USERS = [
    DemoUser("quantri", "Quản trị", "Hệ thống", "system_admin", None, "Quản trị hệ thống"),
    DemoUser(
        "tinh",
        "Lan",
        "Nguyễn Thị",
        "province_staff",
        None,
        "Chuyên viên Văn phòng Chương trình giảm nghèo",
    ),
    DemoUser("lanhdao", "Minh", "Trần Văn", "leader", None, "Phó Trưởng Ban chỉ đạo"),
    DemoUser(
        "huyen",
        "Hùng",
        "Lê Quang",
        "district_officer",
        "478",
        "Chuyên viên Phòng Lao động - TB&XH huyện Phú Vang",
    ),
    DemoUser(
        "xa",
        "Hoa",
        "Phan Thị",
        "commune_officer",
        "19942",
        "Công chức Văn hóa - Xã hội thị trấn Phú Đa",
    ),
    DemoUser(
        "xa2", "Tuấn", "Hồ Đắc", "commune_officer", "20068", "Công chức Văn hóa - Xã hội xã A Ngo"
    ),
    DemoUser("bientap", "Thảo", "Võ Thị", "editor", None, "Biên tập viên cổng thông tin"),
    DemoUser("duyetbai", "Sơn", "Đặng Ngọc", "approver", None, "Trưởng ban biên tập"),
]


def _unit_for(code: str | None) -> Unit:
    pcode = province_code(settings.PROVINCE_CODE)
    if code is None:
        return Unit.objects.of_province(pcode).filter(level=UnitLevel.PROVINCE).latest("valid_from")
    return Unit.objects.of_province(pcode).in_force(LAST_DAY_OF_PERIOD).get(code=code)


def load_users(rng: random.Random) -> list[User]:
    users = []
    for demo in DEMO_USERS:
        user, _ = User.objects.update_or_create(
            username=demo.username,
            defaults={
                "first_name": demo.first_name,
                "last_name": demo.last_name,
                "email": f"{demo.username}@{DEMO_EMAIL_DOMAIN}",
                "unit": _unit_for(demo.unit_code),
                "position": demo.position,
                "is_superuser": demo.role == "system_admin",
                "is_staff": demo.role == "system_admin",
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set([role_group(demo.role)])
        users.append(user)
    return users


PROGRAMME_TITLES = [
    "Chính sách hỗ trợ hộ nghèo về nhà ở",
    "Vay vốn ưu đãi tại Ngân hàng Chính sách xã hội",
    "Gương thoát nghèo: nuôi bò sinh sản",
    "Chuẩn nghèo đa chiều giai đoạn 2022-2025",
    "Hỗ trợ học nghề cho lao động nông thôn",
    "Bảo hiểm y tế cho hộ cận nghèo",
    "Phong trào Cả nước chung tay vì người nghèo",
    "Mô hình trồng rau sạch giúp thoát nghèo",
]


def load_broadcasts(rng: random.Random) -> int:
    """A few months of radio logs for the demo communes (more comes with the targets issue)."""
    communes = Unit.objects.in_force(LAST_DAY_OF_PERIOD).filter(
        level=UnitLevel.COMMUNE, code__in=[u.unit_code for u in DEMO_USERS if u.unit_code]
    )
    author = User.objects.get(username="xa")
    rows = []
    start = datetime.date(2025, 1, 6)  # a Monday
    for commune in communes:
        for week in range(25):
            monday = start + datetime.timedelta(weeks=week)
            for _ in range(rng.choice([0, 1, 1, 2, 2])):
                rows.append(
                    Broadcast(
                        commune=commune,
                        on=monday + datetime.timedelta(days=rng.randrange(7)),
                        title=rng.choice(PROGRAMME_TITLES),
                        minutes=rng.choice([10, 15, 15, 20, 30]),
                        source=rng.choice(list(BroadcastSource.values)),
                        created_by=author,
                    )
                )
    Broadcast.objects.filter(commune__in=communes).delete()
    Broadcast.objects.bulk_create(rows)
    return len(rows)


PARTS: list[tuple[str, Callable[[random.Random], object]]] = [
    ("users", load_users),
    ("broadcasts", load_broadcasts),
]


def load_demo(*, seed: int = 2021, force: bool = False) -> bool:
    """Load the demo data set; returns False when it was already loaded."""
    if not force and DemoDataSet.objects.filter(seed=seed, version=VERSION).exists():
        return False
    with transaction.atomic():
        for _name, part in PARTS:
            # One generator per part: adding a part never changes the others' data.
            part(random.Random(f"{seed}-{_name}"))
        DemoDataSet.objects.all().delete()
        DemoDataSet.objects.create(seed=seed, version=VERSION)
    return True
