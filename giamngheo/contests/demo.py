"""Demo contest: a question bank on the 2021–2025 poverty-reduction policies, two rounds.

Round 1 closed ten days ago with its participants and published results;
round 2 is open for thirty days, for a visitor to try. Loaded by the demo
data set (``giamngheo/demo``); the same generator gives the same data, and a
second load changes nothing.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction
from django.utils import timezone

from giamngheo.feedback.selectors import communes_for_citizens

from . import services
from .models import Choice, Contest, Participant, PrizeTier, Question, Round

SLUG = "tim-hieu-giam-ngheo-ben-vung"

# (topic, question, answers, index of the correct one, explanation)
QUESTIONS = [
    (
        "Chuẩn nghèo",
        "Chuẩn nghèo đa chiều giai đoạn 2022–2025 được quy định tại văn bản nào?",
        [
            "Nghị định số 07/2021/NĐ-CP của Chính phủ",
            "Quyết định số 59/2015/QĐ-TTg của Thủ tướng Chính phủ",
            "Nghị quyết số 76/2014/QH13 của Quốc hội",
            "Quyết định số 90/QĐ-TTg của Thủ tướng Chính phủ",
        ],
        0,
        "Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 quy định chuẩn nghèo đa chiều 2021–2025.",
    ),
    (
        "Chuẩn nghèo",
        "Theo chuẩn nghèo giai đoạn 2022–2025, ở khu vực nông thôn, hộ nghèo có thu nhập "
        "bình quân đầu người/tháng từ bao nhiêu trở xuống?",
        ["700.000 đồng", "1.000.000 đồng", "1.500.000 đồng", "2.000.000 đồng"],
        2,
        "Khu vực nông thôn: 1.500.000 đồng; khu vực thành thị: 2.000.000 đồng.",
    ),
    (
        "Chuẩn nghèo",
        "Theo chuẩn nghèo giai đoạn 2022–2025, ở khu vực thành thị, hộ nghèo có thu nhập "
        "bình quân đầu người/tháng từ bao nhiêu trở xuống?",
        ["1.000.000 đồng", "1.500.000 đồng", "2.000.000 đồng", "2.500.000 đồng"],
        2,
        "Nghị định số 07/2021/NĐ-CP, Điều 3.",
    ),
    (
        "Chuẩn nghèo",
        "Ở khu vực nông thôn, hộ có thu nhập bình quân đầu người/tháng từ 1.500.000 đồng trở "
        "xuống và thiếu hụt dưới 3 chỉ số dịch vụ xã hội cơ bản là",
        ["Hộ nghèo", "Hộ cận nghèo", "Hộ có mức sống trung bình", "Hộ thoát nghèo"],
        1,
        "Nghị định số 07/2021/NĐ-CP, Điều 3: thiếu hụt từ 3 chỉ số trở lên là hộ nghèo.",
    ),
    (
        "Chuẩn nghèo",
        "Chuẩn nghèo đa chiều giai đoạn 2022–2025 đo mức thiếu hụt bao nhiêu dịch vụ xã hội "
        "cơ bản?",
        ["4", "5", "6", "7"],
        2,
        "Việc làm, y tế, giáo dục, nhà ở, nước sinh hoạt và vệ sinh, thông tin.",
    ),
    (
        "Chuẩn nghèo",
        "Mức thiếu hụt dịch vụ xã hội cơ bản được đo bằng bao nhiêu chỉ số?",
        ["10", "12", "14", "16"],
        1,
        "12 chỉ số đo lường mức thiếu hụt dịch vụ xã hội cơ bản.",
    ),
    (
        "Chuẩn nghèo",
        "Ở khu vực nông thôn, hộ có thu nhập đến chuẩn nghèo và thiếu hụt từ bao nhiêu chỉ số "
        "dịch vụ xã hội cơ bản trở lên là hộ nghèo?",
        ["1 chỉ số", "2 chỉ số", "3 chỉ số", "6 chỉ số"],
        2,
        "Thiếu hụt dưới 3 chỉ số là hộ cận nghèo.",
    ),
    (
        "Chương trình mục tiêu quốc gia",
        "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021–2025 được phê duyệt "
        "tại văn bản nào?",
        [
            "Quyết định số 90/QĐ-TTg ngày 18/01/2022",
            "Nghị định số 07/2021/NĐ-CP ngày 27/01/2021",
            "Chỉ thị số 05-CT/TW ngày 23/6/2021",
            "Luật Ngân sách nhà nước năm 2015",
        ],
        0,
        "Quyết định số 90/QĐ-TTg của Thủ tướng Chính phủ.",
    ),
    (
        "Chương trình mục tiêu quốc gia",
        "Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021–2025 có bao nhiêu "
        "dự án?",
        ["5 dự án", "6 dự án", "7 dự án", "9 dự án"],
        2,
        "Bảy dự án, từ hỗ trợ đầu tư hạ tầng đến nâng cao năng lực và giám sát, đánh giá.",
    ),
    (
        "Chương trình mục tiêu quốc gia",
        "“Truyền thông và giảm nghèo về thông tin” là dự án số mấy của Chương trình?",
        ["Dự án 2", "Dự án 4", "Dự án 6", "Dự án 7"],
        2,
        "Dự án 6 gồm tiểu dự án giảm nghèo về thông tin và tiểu dự án truyền thông về giảm nghèo.",
    ),
    (
        "Chương trình mục tiêu quốc gia",
        "Mục tiêu giảm tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2021–2025 là bao nhiêu "
        "mỗi năm?",
        ["0,5–1%", "1–1,5%", "2–3%", "Trên 4%"],
        1,
        "Nghị quyết số 24/2021/QH15 của Quốc hội.",
    ),
    (
        "Chương trình mục tiêu quốc gia",
        "Chỉ thị số 05-CT/TW của Ban Bí thư (23/6/2021) về tăng cường sự lãnh đạo của Đảng đối "
        "với công tác giảm nghèo bền vững hướng đến năm nào?",
        ["Năm 2025", "Năm 2030", "Năm 2035", "Năm 2045"],
        1,
        "Chỉ thị về giảm nghèo bền vững đến năm 2030.",
    ),
    (
        "Chính sách hỗ trợ",
        "Tín dụng đối với người nghèo và các đối tượng chính sách khác được quy định tại "
        "Nghị định nào?",
        [
            "Nghị định số 78/2002/NĐ-CP",
            "Nghị định số 07/2021/NĐ-CP",
            "Nghị định số 146/2018/NĐ-CP",
            "Nghị định số 20/2021/NĐ-CP",
        ],
        0,
        "Ngân hàng Chính sách xã hội cho vay theo Nghị định số 78/2002/NĐ-CP.",
    ),
    (
        "Chính sách hỗ trợ",
        "Ngân sách nhà nước hỗ trợ người thuộc hộ cận nghèo mức đóng bảo hiểm y tế tối thiểu "
        "bao nhiêu?",
        ["30%", "50%", "70%", "100%"],
        2,
        "Người thuộc hộ nghèo được đóng 100%, hộ cận nghèo được hỗ trợ tối thiểu 70%.",
    ),
    (
        "Chính sách hỗ trợ",
        "Ai quyết định công nhận danh sách hộ nghèo, hộ cận nghèo trên địa bàn xã?",
        [
            "Trưởng thôn, tổ dân phố",
            "Chủ tịch Ủy ban nhân dân cấp xã",
            "Chủ tịch Ủy ban nhân dân cấp tỉnh",
            "Ngân hàng Chính sách xã hội",
        ],
        1,
        "Quy trình rà soát theo Quyết định số 24/2021/QĐ-TTg.",
    ),
    (
        "Chính sách hỗ trợ",
        "Rà soát hộ nghèo, hộ cận nghèo định kỳ được tổ chức bao lâu một lần?",
        ["Mỗi quý", "Mỗi năm", "Hai năm", "Năm năm"],
        1,
        "Rà soát định kỳ hằng năm; rà soát thường xuyên khi hộ có biến động.",
    ),
    (
        "Truyền thông",
        "“Ngày vì người nghèo” hằng năm là ngày nào?",
        ["17/10", "18/11", "01/6", "27/7"],
        0,
        "Tháng cao điểm “Vì người nghèo” từ 17/10 đến 18/11.",
    ),
    (
        "Truyền thông",
        "Theo kế hoạch truyền thông giảm nghèo 2021–2025 của tỉnh, tỷ lệ xã có chương trình "
        "phát thanh về giảm nghèo trên đài truyền thanh xã phải đạt",
        ["Trên 50%", "Trên 60%", "Trên 80%", "100%"],
        2,
        "Mỗi xã ít nhất 1–2 chương trình một tuần.",
    ),
    (
        "Truyền thông",
        "Theo kế hoạch truyền thông giảm nghèo 2021–2025 của tỉnh, mỗi năm cần tập huấn ít nhất "
        "bao nhiêu lượt cán bộ?",
        ["50 lượt", "100 lượt", "200 lượt", "500 lượt"],
        1,
        "Cán bộ cấp tỉnh, huyện và xã.",
    ),
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Huỳnh", "Hồ", "Tôn Nữ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Quang", "Thanh", "Hữu"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hoa", "Hùng", "Lan", "Mai", "Nam", "Phúc"]


def _bank() -> list[Question]:
    questions = []
    for topic, text, answers, correct, explanation in QUESTIONS:
        question, created = Question.objects.get_or_create(
            text=text, defaults={"topic": topic, "explanation": explanation}
        )
        if created:
            Choice.objects.bulk_create(
                Choice(question=question, text=answer, is_correct=i == correct, sort_order=i)
                for i, answer in enumerate(answers)
            )
        questions.append(question)
    return questions


def load_contests(rng: random.Random) -> Contest | None:
    """The demo contest; None when it is already there."""
    if Contest.objects.filter(slug=SLUG).exists():
        return None
    now = timezone.now().replace(second=0, microsecond=0)
    day = datetime.timedelta(days=1)
    with transaction.atomic():
        _bank()
        contest = Contest.objects.create(
            title="Tìm hiểu chính sách giảm nghèo bền vững (dữ liệu mẫu)",
            slug=SLUG,
            intro="Cuộc thi trực tuyến tìm hiểu chuẩn nghèo đa chiều, Chương trình mục tiêu "
            "quốc gia giảm nghèo bền vững và các chính sách hỗ trợ hộ nghèo, hộ cận nghèo.",
            rules="<p>Mỗi người đăng ký một lần bằng số điện thoại của mình. Mỗi vòng thi có "
            "10 câu hỏi rút ngẫu nhiên, làm trong 10 phút.</p><p>Xếp hạng theo số câu trả lời "
            "đúng, rồi thời gian làm bài, rồi câu hỏi dự đoán.</p>",
            is_published=True,
        )
        closed = Round.objects.create(
            contest=contest,
            number=1,
            opens_at=now - 40 * day,
            closes_at=now - 10 * day,
            questions_per_attempt=10,
            time_limit_seconds=600,
            prediction_question="Có bao nhiêu người trả lời đúng cả 10 câu?",
        )
        for order, (name, winners) in enumerate(
            [("Giải Nhất", 1), ("Giải Nhì", 2), ("Giải Ba", 3), ("Giải Khuyến khích", 5)]
        ):
            PrizeTier.objects.create(round=closed, name=name, winners=winners, sort_order=order)
        Round.objects.create(
            contest=contest,
            number=2,
            opens_at=now - 2 * day,
            closes_at=now + 28 * day,
            questions_per_attempt=10,
            time_limit_seconds=600,
            prediction_question="Có bao nhiêu người trả lời đúng cả 10 câu?",
        )
        _take_round(rng, closed, list(communes_for_citizens(timezone.localdate())))
        services.publish_results(round=closed, by=None, now=now)
    return contest


def _take_round(rng: random.Random, round: Round, communes: list) -> None:
    for n in range(24):
        registered = round.opens_at + datetime.timedelta(hours=rng.randint(1, 600))
        participant = Participant.objects.create(
            contest=round.contest,
            name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            unit=rng.choice(communes),
            phone=f"09000{n:05d}",
            consent_at=registered,
            registered_at=registered,
        )
        attempt = services.start_attempt(
            participant=participant, round=round, now=registered, seed=rng.randrange(2**31)
        )
        skill = rng.uniform(0.5, 1.0)
        answers = {}
        for item in attempt.items.select_related("question").order_by("position"):
            correct = item.question.choices.get(is_correct=True).pk
            right = item.choice_order.index(correct)
            wrong = (right + rng.randint(1, len(item.choice_order) - 1)) % len(item.choice_order)
            answers[item.position] = right if rng.random() < skill else wrong
        services.save_answers(
            attempt=attempt,
            answers=answers,
            prediction=rng.randint(0, 12),
            finish=True,
            now=registered + datetime.timedelta(seconds=rng.randint(90, 590)),
        )
