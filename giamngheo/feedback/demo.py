"""The demo's feedback cases: a few in every state, through the feedback services.

The annual report's feedback section and the commune officer's list read these;
before this part the demo had none.  Cases are received now (``requested_at``
defaults to the moment of the call), as the services record them.
"""

from __future__ import annotations

import random

from django.conf import settings

from giamngheo.accounts.models import User
from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit, UnitLevel

from .models import Channel, Feedback, FeedbackCategory, FeedbackStatus
from .services import (
    answer_feedback,
    assign_feedback,
    close_feedback,
    reject_feedback,
    start_feedback,
    submit_feedback,
)

TEXTS = [
    "Gia đình tôi thuộc hộ cận nghèo nhưng chưa được cấp thẻ bảo hiểm y tế năm nay.",
    "Đề nghị xã công bố danh sách hộ nghèo được hỗ trợ làm nhà ở.",
    "Loa truyền thanh thôn tôi hỏng đã hai tháng, không nghe được chương trình.",
    "Xin hướng dẫn thủ tục vay vốn Ngân hàng Chính sách xã hội để nuôi bò.",
    "Hộ tôi đã thoát nghèo nhưng vẫn có tên trong danh sách hộ nghèo.",
    "Đề nghị mở lớp học nghề may cho phụ nữ trong thôn.",
]
ANSWER = (
    "Ủy ban nhân dân xã đã kiểm tra và trả lời: hồ sơ của gia đình đã được bổ sung, "
    "đề nghị ông/bà liên hệ bộ phận một cửa để nhận kết quả."
)
# The state each case is brought to, in order: every state at least twice.
STATES = [
    FeedbackStatus.RECEIVED,
    FeedbackStatus.ASSIGNED,
    FeedbackStatus.IN_PROGRESS,
    FeedbackStatus.ANSWERED,
    FeedbackStatus.CLOSED,
    FeedbackStatus.REJECTED,
] * 2


def load_feedback(rng: random.Random) -> list[Feedback]:
    pcode = province_code(settings.PROVINCE_CODE)
    Feedback.objects.filter(name__startswith="[Demo]").delete()
    categories = list(FeedbackCategory.objects.filter(is_active=True).order_by("code"))
    province_staff = User.objects.get(username="tinh")
    officers = {
        user.unit.code: user
        for user in User.objects.filter(username__in=["xa", "xa2"]).select_related("unit")
    }
    today_units = Unit.objects.of_province(pcode).filter(
        level=UnitLevel.COMMUNE, valid_to__isnull=True
    )
    officer_units = list(today_units.filter(code__in=officers))
    if not categories or not officer_units:
        return []
    cases = []
    for index, state in enumerate(STATES):
        commune = officer_units[index % len(officer_units)]
        handler = officers[commune.code]
        case = submit_feedback(
            category=rng.choice(categories),
            commune=commune,
            text=rng.choice(TEXTS),
            channel=rng.choice([Channel.OFFICE, Channel.PHONE, Channel.HOTLINE, Channel.LETTER]),
            name=f"[Demo] Người dân {index + 1}",
            consent=True,  # recorded at the office: the citizen agreed to give a name
            entered_by=province_staff,
        )
        if state != FeedbackStatus.RECEIVED:
            assign_feedback(feedback=case, unit=commune, by=province_staff)
        if state == FeedbackStatus.REJECTED:
            reject_feedback(
                feedback=case, reason="Nội dung không thuộc thẩm quyền của xã.", by=handler
            )
        elif state in (FeedbackStatus.IN_PROGRESS, FeedbackStatus.ANSWERED, FeedbackStatus.CLOSED):
            start_feedback(feedback=case, by=handler)
            if state != FeedbackStatus.IN_PROGRESS:
                answer_feedback(feedback=case, answer=ANSWER, by=handler)
            if state == FeedbackStatus.CLOSED:
                close_feedback(feedback=case, by=handler)
        case.refresh_from_db()
        cases.append(case)
    return cases
