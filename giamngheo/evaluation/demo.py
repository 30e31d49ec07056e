"""Demo supervision: the province's 2023 and 2024 plans and Phú Vang's plan for its communes.

The 2023 visits are recorded through ``record_visit`` (so their snapshots are
the demo data's indicator figures), with findings and recommendations; some
recommendations are closed, the rest open, and at least one is overdue today.
Everything is drawn from the ``rng`` passed in.
"""

from __future__ import annotations

import datetime
import random

from django.conf import settings
from django.utils import timezone

from giamngheo.accounts.models import User
from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit, UnitLevel

from .models import Criterion, RatingThreshold, SupervisionPlan, SupervisionVisit
from .seed import seed_checklist
from .services import RecommendationInput, record_visit, update_recommendation

DEMO = "Dữ liệu mẫu để trình diễn hệ thống."
# Phú Vang (478) and the demo users' communes first; then A Lưới, Phong Điền, Phú Lộc.
PROVINCE_VISITS_2023 = [
    ("478", datetime.date(2023, 5, 16)),
    ("481", datetime.date(2023, 6, 8)),
    ("476", datetime.date(2023, 8, 22)),
    ("482", datetime.date(2023, 9, 14)),
    ("20068", datetime.date(2023, 6, 9)),
    ("19942", datetime.date(2023, 10, 5)),
]
PROVINCE_VISITS_2024 = [
    ("477", datetime.date(2024, 5, 21)),
    ("479", datetime.date(2024, 6, 18)),
    ("483", datetime.date(2024, 9, 10)),
]
DISTRICT_VISITS_2023 = [
    ("19942", datetime.date(2023, 7, 11)),
    ("19903", datetime.date(2023, 7, 25)),
]

LEADERS = ["Nguyễn Thị Lan", "Trần Văn Minh", "Lê Quang Hùng", "Hoàng Văn Phúc"]
MEMBERS = [
    "Phạm Thị Thu Hà",
    "Võ Văn Tài",
    "Đặng Ngọc Sơn",
    "Huỳnh Thị Mai",
    "Ngô Đức Thịnh",
    "Bùi Thị Hạnh",
]
STRENGTHS = [
    "Ban hành kế hoạch truyền thông hằng năm kịp thời, bám sát kế hoạch của tỉnh.",
    "Đài truyền thanh cơ sở phát đều các chương trình về giảm nghèo bền vững.",
    "Tổ chức tốt các buổi đối thoại chính sách với hộ nghèo, hộ cận nghèo.",
    "Phối hợp với Mặt trận và các đoàn thể tuyên truyền phong trào “Vì người nghèo”.",
    "Kịp thời giải đáp phản ánh, kiến nghị của người dân.",
]
SHORTCOMINGS = [
    "Mạng lưới tuyên truyền viên ở thôn chưa được kiện toàn.",
    "Nội dung chương trình phát thanh còn đơn điệu, ít gương điển hình.",
    "Báo cáo kết quả công tác truyền thông gửi chậm so với quy định.",
    "Chưa cập nhật thường xuyên thông tin lên Trang thông tin điện tử về giảm nghèo.",
    "Kinh phí dành cho công tác truyền thông còn hạn chế.",
]
RECOMMENDATIONS = [
    "Kiện toàn mạng lưới tuyên truyền viên, báo cáo viên ở các thôn, tổ dân phố.",
    "Đa dạng hóa nội dung chương trình phát thanh, giới thiệu mô hình giảm nghèo hiệu quả.",
    "Gửi báo cáo kết quả công tác truyền thông đúng thời hạn quy định.",
    "Tổ chức ít nhất một buổi đối thoại chính sách về giảm nghèo mỗi quý.",
    "Cập nhật tin bài lên Trang thông tin điện tử về giảm nghèo hằng tháng.",
]


def _unit(code: str, on: datetime.date) -> Unit | None:
    pcode = province_code(settings.PROVINCE_CODE)
    return Unit.objects.of_province(pcode).in_force(on).filter(code=code).first()


def _province(on: datetime.date) -> Unit:
    pcode = province_code(settings.PROVINCE_CODE)
    return Unit.objects.of_province(pcode).in_force(on).get(level=UnitLevel.PROVINCE)


def _team(rng: random.Random) -> tuple[str, str]:
    return rng.choice(LEADERS), "\n".join(rng.sample(MEMBERS, 3))


def _plan(rng, *, year, title, organiser, reference, visits) -> list[SupervisionVisit]:
    plan = SupervisionPlan(
        year=year, title=title, organiser=organiser, reference=reference, notes=DEMO
    )
    plan.full_clean()
    plan.save()
    made = []
    for code, day in visits:
        unit = _unit(code, day)
        if unit is None:
            continue
        leader, members = _team(rng)
        visit = SupervisionVisit(
            plan=plan, unit=unit, planned_on=day, team_leader=leader, team_members=members
        )
        visit.full_clean()
        visit.save()
        made.append(visit)
    return made


def _record(rng, visit: SupervisionVisit, by: User, today: datetime.date) -> None:
    criteria = list(Criterion.objects.for_year(visit.planned_on.year))
    level = rng.choice([6, 7, 7, 8, 8, 9])
    scores = {c.code: max(0, min(int(c.max_score), level + rng.randint(-2, 1))) for c in criteria}
    units = [visit.unit]
    if visit.unit.level == UnitLevel.DISTRICT:
        units += list(
            Unit.objects.in_force(visit.planned_on)
            .filter(parent=visit.unit, level=UnitLevel.COMMUNE)
            .order_by("code")[:5]
        )
    recommendations = [
        RecommendationInput(
            text=text,
            responsible_unit=rng.choice(units),
            due_on=visit.planned_on + datetime.timedelta(days=rng.choice([60, 90, 120, 180])),
        )
        for text in rng.sample(RECOMMENDATIONS, rng.randint(2, 3))
    ]
    record_visit(
        visit=visit,
        held_on=visit.planned_on,
        findings="Đoàn giám sát làm việc với Ban chỉ đạo và kiểm tra hồ sơ, sổ sách. " + DEMO,
        strengths=rng.sample(STRENGTHS, 2),
        shortcomings=rng.sample(SHORTCOMINGS, 2),
        scores=scores,
        recommendations=recommendations,
        by=by,
        today=today,
    )


def load_evaluation(rng: random.Random) -> int:
    """Replace the supervision records with the demo ones; returns the visits recorded."""
    today = timezone.localdate()
    seed_checklist(Criterion, RatingThreshold)
    SupervisionPlan.objects.all().delete()
    staff = User.objects.get(username="tinh")
    district_officer = User.objects.get(username="huyen")
    on_2023 = datetime.date(2023, 1, 1)
    province_2023 = _plan(
        rng,
        year=2023,
        title="Kế hoạch giám sát công tác truyền thông về giảm nghèo bền vững năm 2023",
        organiser=_province(on_2023),
        reference="45/KH-BCĐ",
        visits=PROVINCE_VISITS_2023,
    )
    _plan(
        rng,
        year=2024,
        title="Kế hoạch giám sát công tác truyền thông về giảm nghèo bền vững năm 2024",
        organiser=_province(datetime.date(2024, 1, 1)),
        reference="38/KH-BCĐ",
        visits=PROVINCE_VISITS_2024,
    )
    district_2023 = _plan(
        rng,
        year=2023,
        title="Kế hoạch giám sát công tác truyền thông về giảm nghèo tại các xã năm 2023",
        organiser=_unit("478", on_2023),
        reference="112/KH-UBND",
        visits=DISTRICT_VISITS_2023,
    )
    recorded = 0
    for visits, by in ((province_2023, staff), (district_2023, district_officer)):
        for visit in visits:
            _record(rng, visit, by, today)
            recorded += 1
    # Follow-up: Phú Vang's first recommendation stays open past its due date (overdue),
    # its second is closed; of the others most are closed, a few open or in progress.
    visits = SupervisionVisit.objects.filter(plan__year=2023).order_by("planned_on", "pk")
    for index, visit in enumerate(visits):
        for number, recommendation in enumerate(visit.recommendations.order_by("pk")):
            if index == 0 and number == 0:
                continue
            if (index == 0 and number == 1) or rng.random() < 0.65:
                update_recommendation(
                    recommendation=recommendation,
                    status="closed",
                    note="Đã triển khai thực hiện, có báo cáo kết quả gửi đoàn giám sát.",
                    by=staff,
                    today=recommendation.due_on - datetime.timedelta(days=rng.randint(1, 30)),
                )
            elif rng.random() < 0.5:
                update_recommendation(
                    recommendation=recommendation,
                    status="in_progress",
                    note="Đang triển khai.",
                    by=staff,
                    today=today,
                )
    return recorded
