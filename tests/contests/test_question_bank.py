"""The question bank: exactly one correct answer; drawn questions keep their answers; import."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from giamngheo.contests import importers, services
from giamngheo.contests.models import Choice, Question

from .factories import make_question

pytestmark = pytest.mark.django_db


def question_form(answers, correct, **extra):
    data = {
        "text": "Chuẩn nghèo đa chiều giai đoạn 2022–2025 quy định ở đâu?",
        "topic": "Chuẩn nghèo",
        "explanation": "",
        "is_active": "on",
        "choices-TOTAL_FORMS": str(len(answers)),
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "2",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for index, text in enumerate(answers):
        data |= {
            f"choices-{index}-text": text,
            f"choices-{index}-ORDER": str(index),
            f"choices-{index}-DELETE": "",
            f"choices-{index}-id": "",
        }
        if index in correct:
            data[f"choices-{index}-is_correct"] = "on"
    return data | extra


ANSWERS = ["Nghị định 07/2021/NĐ-CP", "Quyết định 90/QĐ-TTg", "Luật Ngân sách"]


@pytest.mark.parametrize("correct", [set(), {0, 1}])
def test_a_question_needs_exactly_one_correct_answer(client, province_staff, correct):
    client.force_login(province_staff)
    response = client.post(reverse("contest_questions:add"), question_form(ANSWERS, correct))
    assert response.status_code == 200
    assert not Question.objects.exists()


def test_a_question_with_one_correct_answer_is_saved(client, province_staff):
    client.force_login(province_staff)
    response = client.post(reverse("contest_questions:add"), question_form(ANSWERS, {0}))
    assert response.status_code == 302
    question = Question.objects.get()
    assert [c.is_correct for c in question.choices.order_by("sort_order")] == [True, False, False]


def test_script_in_a_question_is_refused(client, province_staff):
    client.force_login(province_staff)
    data = question_form(ANSWERS, {0}, text="<script>alert(1)</script>")
    assert client.post(reverse("contest_questions:add"), data).status_code == 200
    assert not Question.objects.exists()


def test_a_drawn_question_cannot_be_deleted_nor_lose_answers(
    client, province_staff, participant, open_round
):
    attempt = services.start_attempt(participant=participant, round=open_round)
    question = attempt.items.first().question
    client.force_login(province_staff)
    response = client.post(reverse("contest_questions:delete", args=[question.pk]))
    assert response.status_code == 302
    assert Question.objects.filter(pk=question.pk).exists()

    choices = list(question.choices.order_by("sort_order"))
    data = question_form(
        [c.text for c in choices], {i for i, c in enumerate(choices) if c.is_correct}
    )
    data["choices-INITIAL_FORMS"] = str(len(choices))
    for index, choice in enumerate(choices):
        data[f"choices-{index}-id"] = str(choice.pk)
    wrong = next(i for i, c in enumerate(choices) if not c.is_correct)
    data[f"choices-{wrong}-DELETE"] = "on"
    response = client.post(reverse("contest_questions:edit", args=[question.pk]), data)
    assert response.status_code == 200
    assert question.choices.count() == len(choices)


def test_an_unused_question_can_be_deleted(client, province_staff):
    question = make_question("Câu chưa dùng")
    client.force_login(province_staff)
    client.post(reverse("contest_questions:delete", args=[question.pk]))
    assert not Question.objects.filter(pk=question.pk).exists()


def test_a_round_asking_more_questions_than_the_bank_has_is_refused(
    client, province_staff, contest, bank
):
    client.force_login(province_staff)
    response = client.post(
        reverse("contest_rounds:add"),
        {
            "contest": contest.pk,
            "number": "2",
            "title": "",
            "opens_at": "2026-01-01 08:00",
            "closes_at": "2026-01-10 08:00",
            "questions_per_attempt": "50",
            "time_limit_seconds": "600",
            "max_attempts": "1",
            "topic": "",
            "prediction_question": "Bao nhiêu người?",
            "prediction_rule": "perfect",
            "prize_tiers-TOTAL_FORMS": "0",
            "prize_tiers-INITIAL_FORMS": "0",
            "prize_tiers-MIN_NUM_FORMS": "0",
            "prize_tiers-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert "questions_per_attempt" in response.context["form"].errors
    assert contest.rounds.count() == 1


# --- Import


def workbook(rows, headers=None) -> io.BytesIO:
    with translation.override("vi"):
        headers = headers or [column.header for column in importers.columns()]
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "cau-hoi.xlsx"
    return buffer


def row(text, *answers, correct="A", topic="Tín dụng", explanation=""):
    cells = list(answers) + [""] * (5 - len(answers))
    return [text, topic, *cells, correct, explanation]


def upload(client, rows, **kwargs):
    return client.post(reverse("contests_import_questions"), {"file": workbook(rows, **kwargs)})


def test_staff_download_the_import_template(client, province_staff):
    client.force_login(province_staff)
    response = client.get(reverse("contests_import_template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_good_file_imports_every_question_with_its_answers(client, province_staff):
    client.force_login(province_staff)
    response = upload(
        client,
        [
            row("Câu một?", "Có", "Không", correct="a"),
            row("Câu hai?", "Một", "Hai", "Ba", "Bốn", correct="D", explanation="Vì thế."),
        ],
    )
    assert response.status_code == 302
    second = Question.objects.get(text="Câu hai?")
    assert second.choices.get(is_correct=True).text == "Bốn"
    assert second.explanation == "Vì thế." and second.topic == "Tín dụng"
    assert Choice.objects.count() == 6


@pytest.mark.parametrize(
    ("bad", "column"),
    [
        (row("Câu lỗi?", "Có", "Không", correct="C"), 8),  # answer C is empty
        (row("Câu lỗi?", "Có", "", correct="A"), 4),  # answer B missing
        (row("Câu lỗi?", "Có", "Không", correct="X"), 8),  # not a letter
        (row("<script>alert(1)</script>", "Có", "Không"), 1),
        (row("Câu lỗi?", "Có", "có"), 3),  # the same answer twice
        (row("Câu một?", "Có", "Không"), 1),  # the same question twice in the file
        (row("Câu lỗi?", "Có", "Không", "", "Bốn"), 5),  # a gap before answer D
    ],
)
def test_a_file_with_a_bad_row_imports_nothing_and_names_the_row(
    client, province_staff, bad, column
):
    client.force_login(province_staff)
    response = upload(client, [row("Câu một?", "Có", "Không"), bad])
    assert response.status_code == 200
    errors = response.context["report"].errors
    assert [error.row for error in errors] == [3]
    with translation.override("vi"):
        assert errors[0].column == importers.columns()[column - 1].header
    assert not Question.objects.exists()


def test_a_question_already_in_the_bank_is_refused(client, province_staff):
    make_question("Câu đã có trong ngân hàng?")
    client.force_login(province_staff)
    response = upload(client, [row("cau da co trong ngan hang?", "Có", "Không")])
    assert [e.row for e in response.context["report"].errors] == [2]
    assert Question.objects.count() == 1


def test_a_file_that_is_not_excel_or_lacks_columns_is_refused_with_a_message(
    client, province_staff
):
    client.force_login(province_staff)
    not_excel = io.BytesIO(b"text,not,excel")
    not_excel.name = "cau-hoi.xlsx"
    response = client.post(reverse("contests_import_questions"), {"file": not_excel})
    assert response.status_code == 200 and response.context["form"].errors["file"]
    response = upload(client, [["Câu?", "Có"]], headers=["Câu hỏi", "Khác"])
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert not Question.objects.exists()
