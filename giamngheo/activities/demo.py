"""Demo activities 2021–2026, labelled demo, reproducible from ``rng``.

Each year gets activities of the province, its district-level units and
communes of the map in force on the activity's date; most of those of a
district (and its communes) carry out a planned activity of the district's
annual plan when the plan has one of the kind's type, so "planned vs done"
shows plans partly and fully carried out.  The portal's published items are
then synced into the register, as publishing them would have done.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from giamngheo.plans.models import PlannedActivity
from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit, UnitLevel

from .models import Activity, ActivityKind, Channel
from .rules import ActivityRule, register_key
from .services import sync_portal_activities

DEMO_NOTE = "Dữ liệu minh họa (demo)."
YEARS = range(2021, 2027)
PER_YEAR = 60
# (kind code, channel, title stem, audience, reached range, participants range, cost range in
# million VND)
TEMPLATES = [
    (
        "tin-bai",
        Channel.ONLINE,
        "Tin bài về chính sách giảm nghèo",
        "Người dân",
        (300, 3000),
        None,
        (0, 1),
    ),
    (
        "phong-su",
        Channel.TV,
        "Phóng sự gương thoát nghèo",
        "Người dân",
        (5000, 30000),
        None,
        (5, 20),
    ),
    (
        "chuong-trinh-phat-thanh",
        Channel.RADIO,
        "Chương trình phát thanh giảm nghèo",
        "Người dân",
        (500, 5000),
        None,
        (0, 1),
    ),
    (
        "to-roi",
        Channel.PRINT,
        "Tờ rơi chính sách vay vốn ưu đãi",
        "Hộ nghèo, hộ cận nghèo",
        (200, 2000),
        None,
        (2, 8),
    ),
    (
        "bai-dang-mang-xa-hoi",
        Channel.SOCIAL,
        "Bài đăng Zalo về bảo hiểm y tế hộ cận nghèo",
        "Người dân",
        (200, 5000),
        None,
        (0, 0),
    ),
    (
        "hop-dan",
        Channel.IN_PERSON,
        "Họp dân phổ biến chuẩn nghèo đa chiều",
        "Hộ nghèo, hộ cận nghèo",
        (40, 150),
        (40, 150),
        (0, 2),
    ),
    (
        "noi-chuyen-chuyen-de",
        Channel.IN_PERSON,
        "Nói chuyện chuyên đề với hộ nghèo",
        "Hộ nghèo",
        (30, 80),
        (30, 80),
        (1, 4),
    ),
    (
        "thong-tin-luu-dong",
        Channel.IN_PERSON,
        "Thông tin lưu động về giảm nghèo bền vững",
        "Người dân",
        (200, 1000),
        None,
        (3, 10),
    ),
    (
        "hoi-thao",
        Channel.IN_PERSON,
        "Hội thảo mô hình sinh kế giảm nghèo",
        "Cán bộ các ban, ngành",
        (40, 120),
        (40, 120),
        (10, 30),
    ),
    (
        "doi-thoai-chinh-sach",
        Channel.IN_PERSON,
        "Đối thoại chính sách với hộ nghèo",
        "Hộ nghèo, hộ cận nghèo",
        (50, 200),
        (50, 200),
        (5, 15),
    ),
    (
        "bieu-dien-san-khau",
        Channel.IN_PERSON,
        "Biểu diễn sân khấu hóa chủ đề giảm nghèo",
        "Người dân",
        (200, 800),
        (200, 800),
        (10, 30),
    ),
]
LEVEL_WEIGHTS = [(UnitLevel.PROVINCE, 1), (UnitLevel.DISTRICT, 3), (UnitLevel.COMMUNE, 6)]


def _units_on(day: datetime.date, cache: dict) -> dict[str, list[Unit]]:
    """The units in force on ``day``, by level; one query per half-year."""
    second_half = day >= datetime.date(day.year, 7, 1)
    key = (day.year, second_half)
    if key not in cache:
        start = datetime.date(day.year, 7 if second_half else 1, 1)
        end = datetime.date(day.year, 12, 31) if second_half else datetime.date(day.year, 6, 30)
        units = Unit.objects.of_province(province_code(settings.PROVINCE_CODE)).in_period(
            start, end
        )
        cache[key] = list(units.select_related("parent").order_by("code", "valid_from"))
    by_level: dict[str, list[Unit]] = {level.value: [] for level in UnitLevel}
    for unit in cache[key]:
        if unit.is_in_force(day):
            by_level[unit.level].append(unit)
    return by_level


def _planned(year: int) -> dict[tuple[str, str], list[PlannedActivity]]:
    """The planned activities of each district's annual plan, by (district code, type)."""
    found: dict[tuple[str, str], list[PlannedActivity]] = {}
    for planned in (
        PlannedActivity.objects.filter(plan__year=year)
        .select_related("plan__unit", "plan__period")
        .order_by("plan__unit__code", "sort_order", "pk")
    ):
        found.setdefault((planned.plan.unit.code, planned.activity_type), []).append(planned)
    return found


def _pick_level(rng: random.Random) -> str:
    levels, weights = zip(*LEVEL_WEIGHTS, strict=True)
    return rng.choices(levels, weights=weights)[0]


def _district_code(unit: Unit) -> str | None:
    if unit.level == UnitLevel.DISTRICT:
        return unit.code
    if (
        unit.level == UnitLevel.COMMUNE
        and unit.parent_id
        and unit.parent.level == UnitLevel.DISTRICT
    ):
        return unit.parent.code
    return None


def load_activities(rng: random.Random) -> int:
    """Replace the province's entered activities with the demo ones; returns how many."""
    pcode = province_code(settings.PROVINCE_CODE)
    Activity.objects.filter(unit__province_code=pcode, source_type__isnull=True).delete()
    kinds = {kind.code: kind for kind in ActivityKind.objects.all()}
    cache: dict = {}
    activities: list[Activity] = []
    drawn: set[tuple] = set()  # a second draw of the same activity is not a second activity
    today = timezone.localdate()
    for year in YEARS:
        planned = _planned(year)
        # A register entry is an activity carried out: never dated after today.
        days = min(365, (today - datetime.date(year, 1, 1)).days + 1)
        if days <= 0:
            continue
        for _index in range(PER_YEAR):
            day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(days))
            units = _units_on(day, cache)
            level = _pick_level(rng)
            # The two-level map has no districts: its activities go to the communes.
            pool = units[level] or units[UnitLevel.COMMUNE] or units[UnitLevel.PROVINCE]
            if not pool:
                continue
            unit = rng.choice(pool)
            code, channel, stem, audience, reached, people, cost = rng.choice(TEMPLATES)
            kind = kinds.get(code)
            if kind is None:
                continue
            low, high = reached
            link = None
            district = _district_code(unit)
            candidates = planned.get((district, kind.plan_type), []) if district else []
            if candidates and rng.random() < 0.75:
                link = rng.choice(candidates)
            activity = Activity(
                kind=kind,
                title=f"{stem} — {unit.name} ({day:%m/%Y})",
                unit=unit,
                start_date=day,
                channel=channel,
                audience=audience,
                audience_reached=rng.randint(low, high),
                participants=rng.randint(*people) if people else None,
                cost=Decimal(rng.randint(*cost) * 1_000_000) if rng.random() < 0.8 else None,
                planned_activity=link,
                notes=DEMO_NOTE,
            )
            activity.set_derived_fields()
            key = register_key(activity)
            if key in drawn:
                continue
            drawn.add(key)
            activities.append(activity)
    # The demo's activities pass the rule every other way in uses: a refusal is a bug here.
    rule = ActivityRule(None, activities)
    for activity in activities:
        if errors := rule.errors(activity, ref=activity.title):
            raise ValidationError(errors)
    Activity.objects.bulk_create(activities, batch_size=500)
    sync_portal_activities()
    return len(activities)
