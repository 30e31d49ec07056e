"""The staff side: dialogues and questions within the user's units in every list, view and
export; answering; the polls and their results."""

import csv
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from giamngheo.engagement.models import DialogueQuestion, Poll
from giamngheo.portal import cache as page_cache
from tests.accounts.factories import UserFactory
from tests.conftest import unit

from .factories import (
    A_LUOI,
    A_NGO,
    PHU_DA,
    PHU_VANG,
    DialogueFactory,
    PollFactory,
    QuestionFactory,
    add_votes,
)

OBJECT_VIEWS = ["edit", "delete", "inspect", "history", "usage"]


@pytest.fixture
def world(portal):
    """A dialogue and a question at each of four units: Phú Vang district and its commune
    Phú Đa; A Lưới district and its commune A Ngo."""
    found = {}
    for code, name in [
        (PHU_VANG, "Phú Vang"),
        (PHU_DA, "Phú Đa"),
        (A_LUOI, "A Lưới"),
        (A_NGO, "A Ngo"),
    ]:
        dialogue = DialogueFactory(title=f"Đối thoại {name}", unit=unit(code))
        question = QuestionFactory(dialogue=dialogue, text=f"Câu hỏi gửi {name}", status="pending")
        found[name] = (dialogue, question)
    return found


def listing(client, viewset: str, **params) -> str:
    response = client.get(reverse(f"{viewset}:index"), params)
    assert response.status_code == 200
    return response.text


def export_column(client, viewset: str, position: int = 0) -> list[str]:
    response = client.get(reverse(f"{viewset}:index") + "?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return sorted(row[position] for row in list(csv.reader(io.StringIO(content)))[1:])


def test_a_district_officer_sees_only_their_districts_dialogues_and_questions(
    client, district_officer, world
):
    client.force_login(district_officer)
    dialogues = listing(client, "engagement_dialogues")
    questions = listing(client, "engagement_questions")
    for name in ["Phú Vang", "Phú Đa"]:
        assert f"Đối thoại {name}" in dialogues and f"Câu hỏi gửi {name}" in questions
    for name in ["A Lưới", "A Ngo"]:
        assert f"Đối thoại {name}" not in dialogues and f"Câu hỏi gửi {name}" not in questions
    assert export_column(client, "engagement_dialogues") == [
        "Đối thoại Phú Vang",
        "Đối thoại Phú Đa",
    ]
    assert export_column(client, "engagement_questions") == [
        "Câu hỏi gửi Phú Vang",
        "Câu hỏi gửi Phú Đa",
    ]


def test_a_commune_officer_sees_only_their_communes(client, commune_officer, world):
    client.force_login(commune_officer)
    assert export_column(client, "engagement_dialogues") == ["Đối thoại Phú Đa"]
    assert export_column(client, "engagement_questions") == ["Câu hỏi gửi Phú Đa"]


def test_province_staff_see_every_unit(client, province_staff, world):
    client.force_login(province_staff)
    assert len(export_column(client, "engagement_questions")) == 4


def test_the_dialogue_filter_offers_only_the_users_dialogues(client, district_officer, world):
    client.force_login(district_officer)
    text = listing(client, "engagement_questions")
    assert "Đối thoại Phú Đa" in text and "Đối thoại A Ngo" not in text
    other, _question = world["A Ngo"]
    # Another unit's dialogue is not a valid choice: the filter is ignored, nothing leaks.
    filtered = listing(client, "engagement_questions", dialogue=other.pk)
    assert "Câu hỏi gửi A Ngo" not in filtered and "Đối thoại A Ngo" not in filtered


@pytest.mark.parametrize("view", OBJECT_VIEWS)
def test_another_units_question_answers_404_in_every_view(client, district_officer, world, view):
    client.force_login(district_officer)
    _dialogue, question = world["A Ngo"]
    response = client.get(reverse(f"engagement_questions:{view}", args=[question.pk]))
    assert response.status_code == 404


def test_another_units_question_cannot_be_changed_by_post(client, district_officer, world):
    client.force_login(district_officer)
    dialogue, question = world["A Ngo"]
    url = reverse("engagement_questions:edit", args=[question.pk])
    response = client.post(url, {"dialogue": dialogue.pk, "text": "x", "status": "published"})
    assert response.status_code == 404
    question.refresh_from_db()
    assert question.status == "pending"


def test_a_question_cannot_be_moved_to_another_units_dialogue(client, district_officer, world):
    client.force_login(district_officer)
    _own, question = world["Phú Đa"]
    other, _ = world["A Ngo"]
    url = reverse("engagement_questions:edit", args=[question.pk])
    response = client.post(
        url, {"dialogue": other.pk, "text": question.text, "status": "published"}
    )
    assert response.status_code == 200  # the form again, with the error on the field
    question.refresh_from_db()
    assert question.dialogue_id != other.pk and question.status == "pending"


def test_the_add_form_offers_only_the_users_dialogues(client, commune_officer, world):
    client.force_login(commune_officer)
    text = client.get(reverse("engagement_questions:add")).text
    assert "Đối thoại Phú Đa" in text and "Đối thoại Phú Vang" not in text


def test_an_officer_publishes_and_answers_a_question_and_the_page_shows_it_after(
    client, commune_officer, world
):
    client.force_login(commune_officer)
    dialogue, question = world["Phú Đa"]
    version = page_cache.version()
    response = client.post(
        reverse("engagement_questions:edit", args=[question.pk]),
        {
            "dialogue": dialogue.pk,
            "text": question.text,
            "status": "published",
            "answer": "  Xã sẽ chi trả vào tháng 10.  ",
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == "published" and question.answer == "Xã sẽ chi trả vào tháng 10."
    assert question.answered_by == commune_officer and question.answered_at
    assert page_cache.version() != version

    client.logout()
    page = client.get(dialogue.url).text
    assert "Câu hỏi gửi Phú Đa" in page and "Xã sẽ chi trả" not in page  # not held yet
    dialogue.starts_at = timezone.now() - timezone.timedelta(hours=1)
    dialogue.save_revision().publish()
    assert "Xã sẽ chi trả vào tháng 10." in client.get(dialogue.url).text


def test_editing_without_changing_the_answer_keeps_who_answered(client, province_staff, world):
    dialogue, question = world["Phú Đa"]
    someone = UserFactory()
    answered_at = timezone.now() - timezone.timedelta(days=3)
    DialogueQuestion.objects.filter(pk=question.pk).update(
        answer="Đã trả lời.", answered_by=someone, answered_at=answered_at
    )
    client.force_login(province_staff)
    client.post(
        reverse("engagement_questions:edit", args=[question.pk]),
        {
            "dialogue": dialogue.pk,
            "text": question.text,
            "status": "hidden",
            "answer": "Đã trả lời.",
        },
    )
    question.refresh_from_db()
    assert question.status == "hidden"
    assert question.answered_by == someone and question.answered_at == answered_at


def test_a_leader_reads_but_cannot_change_questions(client, leader, world):
    client.force_login(leader)
    assert len(export_column(client, "engagement_questions")) == 4
    _dialogue, question = world["Phú Đa"]
    assert (
        client.get(reverse("engagement_questions:inspect", args=[question.pk])).status_code == 200
    )
    response = client.get(reverse("engagement_questions:edit", args=[question.pk]))
    assert response.status_code in (302, 403)


def test_the_questions_listing_runs_a_bounded_number_of_queries(
    client, province_staff, world, django_assert_max_num_queries
):
    dialogue, _ = world["Phú Đa"]
    for n in range(20):
        QuestionFactory(dialogue=dialogue, commune=unit(PHU_DA), upvotes=n % 3)
    client.force_login(province_staff)
    with django_assert_max_num_queries(40):
        listing(client, "engagement_questions")
    with django_assert_max_num_queries(40):
        listing(client, "engagement_dialogues")


def test_the_search_ignores_accents(client, province_staff, world):
    client.force_login(province_staff)
    text = listing(client, "engagement_questions", q="cau hoi gui phu da")
    assert "Câu hỏi gửi Phú Đa" in text and "Câu hỏi gửi A Ngo" not in text


# --- Polls


def poll_form(question: str, choices: list[tuple[int | None, str, bool]], **fields) -> dict:
    """The poll form's POST data: ``choices`` as (id, text, delete) triples."""
    data = {
        "question": question,
        "description": "",
        "opens_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "closes_at": "",
        "is_active": "on",
        "show_on_home_page": "on",
        "choices-TOTAL_FORMS": str(len(choices)),
        "choices-INITIAL_FORMS": str(sum(1 for pk, _t, _d in choices if pk)),
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for index, (pk, text, delete) in enumerate(choices):
        data[f"choices-{index}-id"] = str(pk or "")
        data[f"choices-{index}-text"] = text
        data[f"choices-{index}-ORDER"] = str(index + 1)
        if delete:
            data[f"choices-{index}-DELETE"] = "1"
    return data


def test_province_staff_create_a_poll_with_its_answers(client, province_staff):
    client.force_login(province_staff)
    response = client.post(
        reverse("engagement_polls:add"),
        poll_form(
            "Đài truyền thanh xã có nghe rõ không?",
            [(None, "Rõ", False), (None, "Không rõ", False)],
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    poll = Poll.objects.get()
    assert [c.text for c in poll.choices.order_by("sort_order")] == ["Rõ", "Không rõ"]


def test_a_poll_needs_two_answers(client, province_staff):
    client.force_login(province_staff)
    response = client.post(
        reverse("engagement_polls:add"), poll_form("Một câu trả lời?", [(None, "Có", False)])
    )
    assert response.status_code == 200
    assert not Poll.objects.exists()


def test_a_poll_cannot_close_before_it_opens(client, province_staff):
    client.force_login(province_staff)
    data = poll_form("Câu hỏi?", [(None, "Có", False), (None, "Không", False)])
    data["closes_at"] = "2020-01-01 00:00"
    response = client.post(reverse("engagement_polls:add"), data)
    assert response.status_code == 200 and "closes_at" in response.context["form"].errors
    assert not Poll.objects.exists()


def test_an_answer_with_votes_cannot_be_removed(client, province_staff):
    poll = PollFactory(choices=["Có", "Không", "Chưa biết"])
    add_votes(poll, [1, 0, 0])
    yes, no, unsure = poll.choices.order_by("sort_order")
    client.force_login(province_staff)
    url = reverse("engagement_polls:edit", args=[poll.pk])
    refused = client.post(
        url,
        poll_form(
            poll.question,
            [(yes.pk, "Có", True), (no.pk, "Không", False), (unsure.pk, "Chưa biết", False)],
        ),
    )
    assert refused.status_code == 200
    assert poll.choices.count() == 3
    allowed = client.post(
        url,
        poll_form(
            poll.question,
            [(yes.pk, "Có", False), (no.pk, "Không", False), (unsure.pk, "Chưa biết", True)],
        ),
    )
    assert allowed.status_code == 302
    assert poll.choices.count() == 2


def test_the_poll_results_show_in_the_admin_and_download_as_xlsx(client, province_staff):
    poll = PollFactory(choices=["Loa xã", "Tivi"])
    add_votes(poll, [3, 1])
    client.force_login(province_staff)
    inspect = client.get(reverse("engagement_polls:inspect", args=[poll.pk]))
    assert inspect.status_code == 200
    assert not re.search(r"<dd>\s*(None|True|False)\s*</dd>", inspect.text)
    assert re.search(r"<dd>\s*—\s*</dd>", inspect.text)  # no closing time
    assert re.search(r"Loa xã</td><td>3</td><td>75%", inspect.text.replace("\n", ""))
    download = client.get(reverse("engagement_polls:results_xlsx", args=[poll.pk]))
    assert download.status_code == 200
    sheet = load_workbook(io.BytesIO(download.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1] == ("Loa xã", 3, 0.75) and rows[3][1] == 4  # 75% as a percentage cell
    assert sheet.cell(row=2, column=3).number_format == "0.0%"


def test_a_poll_with_votes_can_be_deleted(client, province_staff):
    poll = PollFactory()
    add_votes(poll, [1, 1, 0])
    client.force_login(province_staff)
    response = client.post(reverse("engagement_polls:delete", args=[poll.pk]))
    assert response.status_code == 302
    assert not Poll.objects.exists()


@pytest.mark.parametrize("role", ["district_officer", "commune_officer"])
def test_districts_and_communes_do_not_manage_polls(client, request, role):
    client.force_login(request.getfixturevalue(role))
    poll = PollFactory()
    for url in [
        reverse("engagement_polls:index"),
        reverse("engagement_polls:add"),
        reverse("engagement_polls:inspect", args=[poll.pk]),
        reverse("engagement_polls:results_xlsx", args=[poll.pk]),
    ]:
        assert client.get(url).status_code in (302, 403), url


def test_an_editor_still_edits_a_dialogue_page(client, portal):
    dialogue = DialogueFactory()
    editor = UserFactory(role="editor")
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[dialogue.pk]))
    assert response.status_code == 200
    assert 'name="officials-TOTAL_FORMS"' in response.text


def test_a_question_that_looks_like_a_formula_is_inert_text_in_the_exports(
    client, province_staff, portal
):
    dialogue = DialogueFactory(title="@SUM(A1:A9)", unit=unit(PHU_VANG))
    QuestionFactory(dialogue=dialogue, text='=HYPERLINK("http://x.invalid","bấm vào đây")')
    client.force_login(province_staff)
    assert export_column(client, "engagement_questions") == [
        '\'=HYPERLINK("http://x.invalid","bấm vào đây")'
    ]
    assert export_column(client, "engagement_dialogues") == ["'@SUM(A1:A9)"]
    response = client.get(reverse("engagement_questions:index") + "?export=xlsx")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [c.value for row in book.active.iter_rows(min_row=2) for c in row]
    assert '\'=HYPERLINK("http://x.invalid","bấm vào đây")' in cells


def test_a_question_typed_as_a_formula_on_the_portal_is_inert_in_the_staffs_exports(
    client, province_staff, portal, altcha_payload
):
    """Followed from the public form a citizen fills in to both of the staff's exports."""
    from django.test import Client

    dialogue = DialogueFactory(title="Đối thoại về vay vốn", unit=unit(PHU_VANG))
    formula = '=HYPERLINK("http://x.invalid","bấm vào đây")'
    response = client.post(
        dialogue.url + "dat-cau-hoi/", {"text": formula, "altcha": altcha_payload()}
    )
    assert response.status_code == 302
    assert DialogueQuestion.objects.get().text == formula  # stored as typed
    staff = Client()
    staff.force_login(province_staff)
    assert export_column(staff, "engagement_questions") == ["'" + formula]
    response = staff.get(reverse("engagement_questions:index") + "?export=xlsx")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [c.value for row in book.active.iter_rows(min_row=2) for c in row]
    assert "'" + formula in cells and formula not in cells
