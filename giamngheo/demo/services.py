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
from django.utils import timezone

from giamngheo.accounts.models import User
from giamngheo.accounts.roles import role_group
from giamngheo.broadcasts.models import Broadcast, BroadcastSource, WeeklyLog, monday_of
from giamngheo.broadcasts.services import Programme, check_programmes, store_programmes
from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit, UnitLevel

from .models import DemoDataSet

VERSION = 8  # 8: radio programmes through the programme rule (none after a commune ended)
PERIOD_START = datetime.date(2021, 1, 1)
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
    # Not a person: named so that it reads "Quản trị hệ thống" family name first.
    DemoUser("quantri", "hệ thống", "Quản trị", "system_admin", None, "Quản trị hệ thống"),
    DemoUser(
        "tinh",
        "Lan",
        "Nguyễn Thị",
        "province_staff",
        None,
        "Chuyên viên Văn phòng Chương trình giảm nghèo",
    ),
    DemoUser("lanhdao", "Minh", "Trần Văn", "leader", None, "Phó Trưởng Ban chỉ đạo"),
    # ``huyen`` keeps the dissolved Huyện Phú Vang (to show the history); the
    # commune officers work in communes of today's map.
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
        "Công chức Văn hóa - Xã hội xã Phú Vang",
    ),
    DemoUser(
        "xa2",
        "Tuấn",
        "Hồ Đắc",
        "commune_officer",
        "20044",
        "Công chức Văn hóa - Xã hội xã A Lưới 2",
    ),
    DemoUser("bientap", "Thảo", "Võ Thị", "editor", None, "Biên tập viên cổng thông tin"),
    DemoUser("duyetbai", "Sơn", "Đặng Ngọc", "approver", None, "Trưởng ban biên tập"),
]


def _unit_for(code: str | None) -> Unit:
    """The unit as it is today; a district (dissolved on 1 July 2025) as it last was."""
    pcode = province_code(settings.PROVINCE_CODE)
    if code is None:
        return Unit.objects.of_province(pcode).filter(level=UnitLevel.PROVINCE).latest("valid_from")
    today = Unit.objects.of_province(pcode).in_force(timezone.localdate()).filter(code=code)
    return today.first() or Unit.objects.of_province(pcode).in_force(LAST_DAY_OF_PERIOD).get(
        code=code
    )


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


def load_broadcasts(rng: random.Random, communes=None) -> int:
    """Radio logs of every commune of Huế, 2021 to last week, with realistic gaps.

    Each commune gets a habit (how often it broadcasts and how soon it reports)
    that improves over the years, so compliance rises from about 70% in 2021
    to about 85% in 2025; a few communes fall silent for weeks at a time.
    """
    pcode = province_code(settings.PROVINCE_CODE)
    if communes is None:
        communes = Unit.objects.of_province(pcode).filter(level=UnitLevel.COMMUNE)
    communes = list(
        communes.in_period(PERIOD_START, timezone.localdate()).order_by("code", "valid_from")
    )
    authors = {
        u.unit.code: u
        for u in User.objects.filter(unit__level=UnitLevel.COMMUNE).select_related("unit")
    }
    today = timezone.localdate()
    first_monday = monday_of(PERIOD_START)
    last_monday = monday_of(today) - datetime.timedelta(days=7)
    Broadcast.objects.filter(commune__in=communes).delete()
    WeeklyLog.objects.filter(commune__in=communes).delete()
    programmes: dict[str, list[Programme]] = {}
    logs = []
    for commune in communes:
        habit = rng.uniform(0.55, 0.98)
        punctual = rng.uniform(0.5, 0.95)
        silent_until = None
        # The first Monday on which the commune is in force.
        week = max(first_monday, monday_of(commune.valid_from + datetime.timedelta(days=6)))
        while week <= last_monday and commune.is_in_force(week):
            improvement = 0.03 * (week.year - 2021)
            if silent_until and week <= silent_until:
                week += datetime.timedelta(days=7)
                continue
            if rng.random() < 0.004:  # the radio breaks down or the officer leaves
                silent_until = week + datetime.timedelta(weeks=rng.randint(2, 8))
            count = 0
            if rng.random() < min(habit + improvement, 0.99):
                count = rng.choice([1, 1, 2, 2, 2, 3])
            days = rng.sample(range(7), count)
            author = authors.get(commune.code)
            for day in days:
                on = week + datetime.timedelta(days=day)
                if not commune.is_in_force(on):
                    continue  # the commune's last week: it ended on a weekday
                programmes.setdefault(commune.code, []).append(
                    Programme(
                        commune=commune,
                        on=on,
                        title=rng.choice(PROGRAMME_TITLES),
                        minutes=rng.choice([10, 15, 15, 20, 30]),
                        source=rng.choice(list(BroadcastSource.values)),
                    )
                )
            if count or rng.random() < 0.3:
                delay = rng.randint(0, 3) if rng.random() < punctual else rng.randint(4, 20)
                reported = min(week + datetime.timedelta(days=6 + delay), today)
                logs.append(
                    WeeklyLog(
                        commune=commune,
                        week_start=week,
                        reported_on=reported,
                        reported_at=timezone.make_aware(
                            datetime.datetime.combine(reported, datetime.time(16, 30))
                        ),
                        no_programme=count == 0,
                        reported_by=author,
                    )
                )
            week += datetime.timedelta(days=7)
    # The weeks first, with their demo report dates; then the programmes through the
    # programme's one rule and writer, as any entry route stores them.
    WeeklyLog.objects.bulk_create(logs, batch_size=2000)
    every = [p for group in programmes.values() for p in group]
    check_programmes(every, by=None, refs=[""] * len(every))
    for code, group in programmes.items():
        store_programmes(group, by=None, created_by=authors.get(code))
    return len(every)


def load_plans(rng: random.Random) -> object:
    from giamngheo.plans.demo import load_plans as load

    return load(rng)


def load_training(rng: random.Random) -> object:
    from giamngheo.training.demo import load_training as load

    return load(rng)


def load_evaluation(rng: random.Random) -> object:
    from giamngheo.evaluation.demo import load_evaluation as load

    return load(rng)


def load_portal(rng: random.Random) -> object:
    from giamngheo.demo.portal import load_portal as load

    return load(rng)


def load_engagement(rng: random.Random) -> object:
    from giamngheo.engagement.demo import load_engagement as load

    return load(rng)


def load_activities(rng: random.Random) -> object:
    from giamngheo.activities.demo import load_activities as load

    return load(rng)


def load_network(rng: random.Random) -> object:
    from giamngheo.network.demo import load_network as load

    return load(rng)


def load_contests(rng: random.Random) -> object:
    from giamngheo.contests.demo import load_contests as load

    return load(rng)


def load_poverty(rng: random.Random) -> object:
    from giamngheo.poverty.demo import load_poverty as load

    return load(rng)


def load_feedback(rng: random.Random) -> object:
    from giamngheo.feedback.demo import load_feedback as load

    return load(rng)


PARTS: list[tuple[str, Callable[[random.Random], object]]] = [
    ("users", load_users),
    ("broadcasts", load_broadcasts),
    ("plans", load_plans),
    ("training", load_training),
    ("evaluation", load_evaluation),
    ("portal", load_portal),
    ("engagement", load_engagement),
    ("contests", load_contests),
    ("activities", load_activities),
    ("network", load_network),
    ("poverty", load_poverty),
    ("feedback", load_feedback),
]


def load_demo(*, seed: int = 2021, force: bool = False, parts: list[str] | None = None) -> bool:
    """Load the demo data set (or only some ``parts``); returns False when already loaded."""
    if not force and DemoDataSet.objects.filter(seed=seed, version=VERSION).exists():
        return False
    with transaction.atomic():
        for name, part in PARTS:
            if parts is None or name in parts:
                # One generator per part: adding a part never changes the others' data.
                part(random.Random(f"{seed}-{name}"))
        DemoDataSet.objects.all().delete()
        DemoDataSet.objects.create(seed=seed, version=VERSION)
    from giamngheo.indicators.cache import bump

    bump()  # bulk writes send no signals
    return True
