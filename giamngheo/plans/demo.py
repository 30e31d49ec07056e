"""Demo communication plans of Huế's district-level units, 2021–2025.

Every unit gets its period plan and its annual plans, most approved; a few
are missing, awaiting approval or sent back, so the plan-coverage indicator
and the approval queue have something to show.  Everything goes through the
services (revisions and the real workflow), reproducibly from ``rng``.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from giamngheo.accounts.models import User
from giamngheo.accounts.roles import role_group
from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit, UnitLevel

from .models import ActivityType, CommunicationPlan
from .services import (
    ActivityData,
    approve_plan,
    create_plan,
    ensure_plan_workflow,
    send_back_plan,
    submit_plan,
)

PERIOD_NAME = "2021–2025"
APPROVED, SUBMITTED, SENT_BACK, MISSING = "approved", "submitted", "sent_back", "missing"
DRAFT = "draft"
NEXT_PERIOD_NAME = "2026–2030"

OBJECTIVES = [
    "Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về Chương trình mục tiêu quốc gia "
    "giảm nghèo bền vững; khơi dậy ý chí tự lực, tự cường vươn lên thoát nghèo của người dân.",
    "Tuyên truyền phong trào thi đua “Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại "
    "phía sau” và các chính sách hỗ trợ hộ nghèo, hộ cận nghèo trên địa bàn.",
    "Phấn đấu 100% xã, thị trấn có ít nhất 01 chương trình phát thanh/tuần về giảm nghèo bền "
    "vững trên Đài truyền thanh cơ sở.",
    "Giới thiệu các mô hình giảm nghèo hiệu quả và gương điển hình vươn lên thoát nghèo; "
    "tổ chức đối thoại chính sách định kỳ để giải đáp vướng mắc của người dân.",
    "Tập huấn, bồi dưỡng kỹ năng truyền thông cho đội ngũ cán bộ làm công tác giảm nghèo "
    "cấp huyện, cấp xã và tuyên truyền viên cơ sở.",
]

# (type, channel, audience, quantity range, budget range in million VND)
ACTIVITIES = [
    (ActivityType.RADIO, "Đài truyền thanh các xã, thị trấn", "Người dân", (24, 52), (0, 0)),
    (ActivityType.NEWS, "Trang thông tin điện tử của huyện", "Người dân", (6, 24), (2, 6)),
    (ActivityType.REPORT, "Đài Phát thanh và Truyền hình tỉnh", "Người dân", (1, 4), (10, 30)),
    (ActivityType.COLUMN, "Trang thông tin điện tử của huyện", "Người dân", (1, 2), (5, 15)),
    (
        ActivityType.PUBLICATION,
        "Tờ gấp, pa-nô tại nhà văn hóa thôn",
        "Hộ nghèo, hộ cận nghèo",
        (500, 3000),
        (8, 25),
    ),
    (ActivityType.DIALOGUE, "Hội trường UBND xã", "Hộ nghèo, hộ cận nghèo", (2, 6), (5, 15)),
    (ActivityType.SEMINAR, "Hội trường huyện", "Cán bộ các ban, ngành", (1, 2), (10, 25)),
    (ActivityType.CONTEST, "Các xã, thị trấn", "Hội viên các đoàn thể", (1, 1), (20, 50)),
    (ActivityType.PERFORMANCE, "Nhà văn hóa thôn", "Người dân", (2, 8), (10, 30)),
    (ActivityType.TRAINING, "Hội trường huyện", "Cán bộ giảm nghèo cấp xã", (1, 3), (15, 40)),
    (ActivityType.EVENT, "Trung tâm huyện", "Người dân", (1, 2), (20, 60)),
]
TIMINGS = ["Quý I", "Quý II", "Quý III", "Quý IV", "Cả năm", "6 tháng cuối năm", "Tháng 10"]
SEND_BACK_COMMENTS = [
    "Đề nghị bổ sung kinh phí và thời gian thực hiện cho từng hoạt động.",
    "Kế hoạch chưa có nội dung đối thoại chính sách; đề nghị bổ sung trước khi trình lại.",
    "Đề nghị điều chỉnh chỉ tiêu phát thanh cho phù hợp với kế hoạch của tỉnh.",
]


# Wagtail's workflow e-mails, by the dispatch_uid it connects them with.
_NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
]


@contextmanager
def _without_notifications() -> Iterator[None]:
    """Simulated history e-mails no one: demo addresses are made up, the work never happened."""
    from wagtail.admin.signal_handlers import register_signal_handlers

    for signal, sender, uid in _NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
    try:
        yield
    finally:
        register_signal_handlers()


def _period() -> ProgrammePeriod:
    period, _created = ProgrammePeriod.objects.get_or_create(
        name=PERIOD_NAME,
        defaults={"start": datetime.date(2021, 1, 1), "end": datetime.date(2025, 12, 31)},
    )
    return period


def districts_of_year(year: int) -> list[Unit]:
    """District-level units in force on 1 January, or on the year's first day with a map."""
    districts = Unit.objects.of_province(province_code(settings.PROVINCE_CODE)).filter(
        level=UnitLevel.DISTRICT
    )
    day = datetime.date(year, 1, 1)
    if not districts.in_force(day).exists():
        # The first imported map starts on 1 July 2021.
        first = (
            districts.in_period(day, datetime.date(year, 12, 31))
            .order_by("valid_from")
            .values_list("valid_from", flat=True)
            .first()
        )
        if first is None:
            return []
        day = first
    return list(districts.in_force(day).order_by("code"))


def _place(unit: Unit) -> str:
    return unit.name[0].lower() + unit.name[1:]  # "Huyện Phú Vang" → "huyện Phú Vang"


def _activities(rng: random.Random) -> list[ActivityData]:
    chosen = rng.sample(ACTIVITIES, rng.randint(4, 7))
    return [
        ActivityData(
            activity_type=kind,
            channel=channel,
            audience=audience,
            quantity=rng.randint(*quantity),
            timing=rng.choice(TIMINGS),
            budget=Decimal(rng.randint(*budget) * 1_000_000) if budget[1] else None,
        )
        for kind, channel, audience, quantity, budget in chosen
    ]


def _users() -> tuple[User | None, User]:
    officer = User.objects.filter(username="huyen").first()
    approver = (
        User.objects.filter(username="tinh").first()
        or User.objects.filter(groups=role_group("province_staff"), is_active=True).first()
        or User.objects.filter(is_superuser=True, is_active=True).first()
    )
    if approver is None:
        raise LookupError("The demo plans need a province staff user: load the users first.")
    return officer, approver


def _make(
    rng: random.Random,
    *,
    unit: Unit,
    period: ProgrammePeriod,
    year: int | None,
    state: str,
    users: tuple[User | None, User],
) -> None:
    officer, approver = users
    author = officer if officer is not None and officer.unit_id == unit.pk else None
    span = f"giai đoạn {period.name}" if year is None else f"năm {year}"
    plan = create_plan(
        unit=unit,
        period=period,
        year=year,
        title=f"Kế hoạch truyền thông về giảm nghèo bền vững {span} của {_place(unit)}",
        objectives="\n\n".join(rng.sample(OBJECTIVES, 3)),
        activities=_activities(rng),
        by=author,
    )
    if state == DRAFT:
        return
    submit_plan(plan=plan, by=author)
    if state == APPROVED:
        approve_plan(plan=plan, by=approver, comment="")
    elif state == SENT_BACK:
        send_back_plan(plan=plan, by=approver, comment=rng.choice(SEND_BACK_COMMENTS))


def _states(rng: random.Random, slots: list[tuple[Unit, int]]) -> dict[tuple[str, int], str]:
    """Most annual plans approved; two missing, two awaiting approval, two sent back."""
    keys = [(unit.code, year) for unit, year in slots]
    rng.shuffle(keys)
    special = [MISSING, MISSING, SUBMITTED, SUBMITTED, SENT_BACK, SENT_BACK]
    return {key: special[i] if i < len(special) else APPROVED for i, key in enumerate(keys)}


def load_plans(rng: random.Random) -> int:
    """Create the demo plans and return how many; the period's plans of these units are replaced."""
    with _without_notifications(), transaction.atomic():
        return _load_plans(rng) + _load_plans_2026(rng)


def _load_plans_2026(rng: random.Random) -> int:
    """2026 on the two-level map: the communes, wards and province plan for 2026–2030.

    Every workflow state is there: most approved, some awaiting the province,
    some sent back, some drafts not yet submitted, some missing.  The demo's
    commune officer (``xa``) is the author of her commune's plans.
    """
    from giamngheo.indicators.models import Indicator, Target
    from giamngheo.indicators.seed import seed_2026_2030
    from giamngheo.units.selectors import planning_units

    seed_2026_2030(ProgrammePeriod, Indicator, Target)
    period = ProgrammePeriod.objects.get(name=NEXT_PERIOD_NAME)
    units = list(
        planning_units(
            province_code=province_code(settings.PROVINCE_CODE), on=period.start
        ).order_by("code")
    )
    CommunicationPlan.objects.filter(period=period, unit__in=units).delete()
    _officer, approver = _users()
    xa = User.objects.filter(username="xa").first()
    keys = [(unit, year) for unit in units for year in (None, 2026)]
    rng.shuffle(keys)
    special = [MISSING] * 3 + [DRAFT] * 3 + [SUBMITTED] * 4 + [SENT_BACK] * 3
    count = 0
    for index, (unit, year) in enumerate(keys):
        state = special[index] if index < len(special) else APPROVED
        if unit.level == UnitLevel.PROVINCE:
            state = APPROVED  # the province's own plan is in force
        if state != MISSING:
            _make(rng, unit=unit, period=period, year=year, state=state, users=(xa, approver))
            count += 1
    return count


def _load_plans(rng: random.Random) -> int:
    ensure_plan_workflow()
    period = _period()
    users = _users()
    by_year = {year: districts_of_year(year) for year in period.years}
    first_row: dict[str, Unit] = {}
    for year in period.years:
        for unit in by_year[year]:
            first_row.setdefault(unit.code, unit)
    CommunicationPlan.objects.filter(
        period=period,
        unit__code__in=list(first_row),
        unit__province_code=province_code(settings.PROVINCE_CODE),
    ).delete()

    count = 0
    first_year_end = datetime.date(period.start.year, 12, 31)
    for code in sorted(first_row):
        unit = first_row[code]
        # A unit created late (Phú Xuân, 2025) still awaits approval of its period plan.
        state = APPROVED if unit.valid_from <= first_year_end else SUBMITTED
        _make(rng, unit=unit, period=period, year=None, state=state, users=users)
        count += 1
    states = _states(rng, [(unit, year) for year in period.years for unit in by_year[year]])
    for year in period.years:
        for unit in by_year[year]:
            state = states[(unit.code, year)]
            if state != MISSING:
                _make(rng, unit=unit, period=period, year=year, state=state, users=users)
                count += 1
    return count
