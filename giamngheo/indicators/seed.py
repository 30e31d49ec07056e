"""The programme periods and the seed's three targets, as data.

Thừa Thiên Huế's plan: 100% of district-level units with a communication
plan for the period and for every year; over 80% of communes with at least
1–2 radio programmes a week on poverty reduction; at least 100 cadre-turns
trained each year.  Used by the data migration (with its historical models)
and wherever the rows must be put back.
"""

import datetime

INDICATORS = [
    {
        "code": "ke-hoach-truyen-thong",
        # Map-neutral: the level that plans is the map's of each year (rules.plan_units).
        "name": "Địa phương có kế hoạch truyền thông giai đoạn và hằng năm",
        "description": ("Đến"),
        "unit_of_measure": "%",
        "rule": "plan_coverage",
        "sort_order": 1,
        "target": {"value": 100, "parameters": {}},
    },
    {
        "code": "phat-thanh-xa",
        "name": "Xã có ít nhất 01 chương trình phát thanh/tuần về giảm nghèo bền vững",
        "unit_of_measure": "%",
        "rule": "radio_compliance",
        "sort_order": 2,
        "target": {"value": 80, "parameters": {"min_per_week": 1}},
    },
    {
        "code": "tap-huan-can-bo",
        "name": "Lượt cán bộ cấp tỉnh, huyện, xã được tập huấn",
        "unit_of_measure": "lượt",
        "rule": "training_turns",
        "sort_order": 3,
        "target": {"value": 100, "parameters": {}},
    },
]


def seed_2021_2025(ProgrammePeriod, Indicator, Target) -> None:
    """Create what is missing; never overwrite targets an administrator changed."""
    period, _ = ProgrammePeriod.objects.get_or_create(
        name="2021–2025",
        defaults={"start": datetime.date(2021, 1, 1), "end": datetime.date(2025, 12, 31)},
    )
    _seed_targets(period, Indicator, Target)


def seed_2026_2030(ProgrammePeriod, Indicator, Target) -> None:
    """The next period as a *draft* with 2021–2025's three targets.

    Targets are data: province staff confirm them, or edit them first, in the
    admin (Targets and periods → Programme periods → "Confirm targets").
    Until then dashboards compute the period and label it a draft.  Creates
    what is missing only: a confirmed or edited period stays as it is.
    """
    period, _ = ProgrammePeriod.objects.get_or_create(
        name="2026–2030",
        defaults={
            "start": datetime.date(2026, 1, 1),
            "end": datetime.date(2030, 12, 31),
            "status": "draft",
        },
    )
    _seed_targets(period, Indicator, Target)


def seed_periods(ProgrammePeriod, Indicator, Target) -> None:
    """Both periods: what the migrations leave, and what tests and the demo put back."""
    seed_2021_2025(ProgrammePeriod, Indicator, Target)
    seed_2026_2030(ProgrammePeriod, Indicator, Target)


def _seed_targets(period, Indicator, Target) -> None:
    for data in INDICATORS:
        data = dict(data)
        target = data.pop("target")
        indicator, _ = Indicator.objects.get_or_create(code=data["code"], defaults=data)
        Target.objects.get_or_create(indicator=indicator, period=period, year=None, defaults=target)
