"""Demo dialogues and polls, labelled as demo data, reproducible from the ``rng``.

* a dialogue of Phú Vang district held in September 2024, with its officials,
  minutes and answered questions;
* a dialogue of today's Xã Phú Vang in 20 days, open for questions for 15 more,
  with published questions citizens agreed with and one waiting for review;
* an open poll on how citizens hear about the programme (on the home page) and
  a closed one on the commune radio, both with answers.

Found again by slug or text on the next load and left alone when unchanged.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from giamngheo.demo.portal.publishing import DEMO_NOTE, at, unit_on, upsert_page
from giamngheo.portal.services import ensure_portal

from .models import DialogueQuestion, Poll, PollChoice, QuestionStatus, Upvote, Vote
from .pages import PolicyDialogue
from .services import ensure_dialogues_section

DEMO = "Dữ liệu mẫu để trình diễn hệ thống."

HELD = {
    "slug": "doi-thoai-tin-dung-uu-dai-phu-vang-2024",
    "title": "Đối thoại chính sách về tín dụng ưu đãi cho hộ nghèo huyện Phú Vang",
    "unit": "478",
    "day": datetime.date(2024, 9, 20),
    "place": "Hội trường Ủy ban nhân dân huyện Phú Vang",
    "summary": "Lãnh đạo huyện và Ngân hàng Chính sách xã hội trả lời câu hỏi của người dân về "
    "vay vốn ưu đãi. " + DEMO,
    "officials": [
        ("Nguyễn Văn Hùng", "Phó Chủ tịch Ủy ban nhân dân huyện"),
        ("Trần Thị Lan", "Giám đốc Phòng giao dịch Ngân hàng Chính sách xã hội huyện"),
        ("Lê Quang Minh", "Trưởng phòng Lao động – Thương binh và Xã hội huyện"),
    ],
    "minutes": "<p>Buổi đối thoại có 85 người dân và cán bộ thôn tham dự; 14 ý kiến được "
    "trả lời trực tiếp. Huyện giao Phòng Lao động – Thương binh và Xã hội tổng hợp các kiến "
    "nghị chưa giải quyết, trả lời bằng văn bản trong 30 ngày.</p>" + DEMO_NOTE,
    "questions": [
        (
            "Hộ mới thoát nghèo có còn được vay vốn ưu đãi không, mức vay tối đa bao nhiêu?",
            "Nguyễn Thị Hoa",
            "Hộ mới thoát nghèo được vay trong 3 năm kể từ khi ra khỏi danh sách hộ nghèo, "
            "mức vay tối đa 100 triệu đồng một hộ, lãi suất ưu đãi.",
        ),
        (
            "Thủ tục vay vốn làm nhà ở cho hộ nghèo gồm những gì, nộp ở đâu?",
            "",
            "Hộ làm giấy đề nghị vay vốn, nộp cho Tổ tiết kiệm và vay vốn ở thôn; tổ bình xét, "
            "Ủy ban nhân dân xã xác nhận, Ngân hàng giải ngân tại điểm giao dịch xã.",
        ),
        (
            "Vay vốn nuôi bò sinh sản có được gia hạn khi bò bị dịch bệnh không?",
            "Trần Văn Tư",
            "Được xem xét gia hạn nợ hoặc khoanh nợ khi có xác nhận thiệt hại do dịch bệnh của "
            "chính quyền xã.",
        ),
    ],
}

OPEN = {
    "slug": "doi-thoai-ho-tro-nha-o-xa-phu-vang",
    "title": "Đối thoại chính sách về hỗ trợ nhà ở và việc làm cho hộ nghèo xã Phú Vang",
    "unit": "19942",
    "in_days": 20,
    "close_in_days": 15,
    "place": "Nhà văn hóa thôn Trung Đông, xã Phú Vang",
    "summary": "Người dân gửi câu hỏi trước về hỗ trợ nhà ở, việc làm và đào tạo nghề cho hộ "
    "nghèo, hộ cận nghèo; lãnh đạo xã trả lời tại buổi đối thoại. " + DEMO,
    "officials": [
        ("Phan Văn Đức", "Chủ tịch Ủy ban nhân dân xã"),
        ("Hồ Thị Mai", "Công chức Văn hóa – Xã hội xã"),
    ],
    "questions": [
        ("Năm nay xã có hỗ trợ sửa chữa nhà cho hộ cận nghèo không?", "Lê Văn Sáu", 7),
        ("Con tôi học nghề ở đâu thì được hỗ trợ học phí?", "", 4),
        ("Hộ nghèo đi làm việc ở nước ngoài được vay bao nhiêu?", "Nguyễn Thị Bích", 2),
    ],
    "pending": "Xin hỏi khi nào có danh sách hộ được hỗ trợ nhà ở năm nay?",
}

POLLS = [
    {
        "question": "Bạn thường biết thông tin về Chương trình giảm nghèo qua kênh nào?",
        "choices": [
            "Loa truyền thanh xã",
            "Truyền hình, báo chí",
            "Cán bộ thôn, xã, hội đoàn thể",
            "Mạng xã hội (Zalo, Facebook)",
            "Kênh khác",
        ],
        "weights": [38, 17, 26, 15, 4],
        "opens_days_ago": 10,
        "closes_in_days": 50,
    },
    {
        "question": "Bạn có hài lòng với các chương trình phát thanh về giảm nghèo trên loa xã?",
        "choices": ["Rất hài lòng", "Hài lòng", "Chưa hài lòng", "Không nghe được"],
        "weights": [22, 48, 19, 11],
        "opens_days_ago": 90,
        "closes_in_days": -30,
    },
]


def _dialogue(
    section, data: dict, starts_at, questions_close_at=None, minutes=""
) -> PolicyDialogue:
    return upsert_page(
        section,
        PolicyDialogue,
        slug=data["slug"],
        fields={
            "title": data["title"],
            "unit": unit_on(data["unit"], timezone.localtime(starts_at).date()),
            "starts_at": starts_at,
            "questions_close_at": questions_close_at,
            "place": data["place"],
            "summary": data["summary"],
            "minutes": minutes,
        },
        children={
            "officials": [
                {"name": name, "position": position, "sort_order": order}
                for order, (name, position) in enumerate(data["officials"])
            ]
        },
    )


def _question(dialogue, text, name, *, status, answer="", upvotes=0, when=None):
    question, created = DialogueQuestion.objects.get_or_create(
        dialogue=dialogue,
        text=text,
        defaults={
            "name": name,
            "status": status,
            "answer": answer,
            "answered_at": when if answer else None,
            "created_at": when or timezone.now(),
        },
    )
    if created:
        Upvote.objects.bulk_create(
            Upvote(question=question, voter_hash=f"demo-{question.pk}-{n}") for n in range(upvotes)
        )
    return question


def _poll(rng: random.Random, data: dict, today: datetime.date) -> Poll:
    poll = Poll.objects.filter(question=data["question"]).first()
    if poll is not None:
        return poll
    opens = at(today - datetime.timedelta(days=data["opens_days_ago"]))
    poll = Poll.objects.create(
        question=data["question"],
        description=DEMO,
        opens_at=opens,
        closes_at=at(today + datetime.timedelta(days=data["closes_in_days"])),
    )
    choices = [
        PollChoice.objects.create(poll=poll, text=text, sort_order=order)
        for order, text in enumerate(data["choices"])
    ]
    picks = rng.choices(choices, weights=data["weights"], k=rng.randint(140, 220))
    Vote.objects.bulk_create(
        Vote(poll=poll, choice=choice, voter_hash=f"demo-{poll.pk}-{n}", created_at=opens)
        for n, choice in enumerate(picks)
    )
    return poll


@transaction.atomic
def load_engagement(rng: random.Random) -> int:
    """Write the demo dialogues, questions and polls; returns how many dialogues there are."""
    section = ensure_dialogues_section(ensure_portal())
    today = timezone.localdate()

    held_at = at(HELD["day"], 8)
    held = _dialogue(section, HELD, held_at, minutes=HELD["minutes"])
    for text, name, answer in HELD["questions"]:
        _question(
            held,
            text,
            name,
            status=QuestionStatus.PUBLISHED,
            answer=answer,
            upvotes=rng.randint(3, 12),
            when=held_at - datetime.timedelta(days=rng.randint(3, 10)),
        )

    starts = at(today + datetime.timedelta(days=OPEN["in_days"]), 14)
    closes = at(today + datetime.timedelta(days=OPEN["close_in_days"]), 17)
    coming = _dialogue(section, OPEN, starts, questions_close_at=closes)
    for text, name, upvotes in OPEN["questions"]:
        _question(coming, text, name, status=QuestionStatus.PUBLISHED, upvotes=upvotes)
    _question(coming, OPEN["pending"], "", status=QuestionStatus.PENDING)

    for data in POLLS:
        _poll(rng, data, today)
    return PolicyDialogue.objects.child_of(section).count()
