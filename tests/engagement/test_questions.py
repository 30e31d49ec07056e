"""Citizens send questions to an open dialogue and agree with others; bad input stores nothing."""

import datetime

import pytest
from django.utils import timezone

from giamngheo.engagement.models import DialogueQuestion, Upvote
from giamngheo.engagement.voters import COOKIES
from tests.conftest import unit

from .factories import PHU_DA, DialogueFactory, QuestionFactory

DAY = datetime.timedelta(days=1)
SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def dialogue(portal):
    return DialogueFactory(title="Đối thoại về vay vốn")


def ask_url(dialogue) -> str:
    return dialogue.url + "dat-cau-hoi/"


def upvote_url(question) -> str:
    return question.dialogue.url + f"dong-tinh/{question.pk}/"


def post_question(client, dialogue, altcha_payload, **data):
    fields = {"text": "Hộ cận nghèo có được vay vốn làm nhà không?", "altcha": altcha_payload()}
    return client.post(ask_url(dialogue), {**fields, **data})


# --- Questions


def test_a_question_is_kept_for_review_and_shows_once_published(client, dialogue, altcha_payload):
    response = post_question(
        client,
        dialogue,
        altcha_payload,
        name="Trần Văn Ba",
        commune=unit(PHU_DA, timezone.localdate()).pk,
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#dat-cau-hoi")
    question = DialogueQuestion.objects.get()
    assert question.status == "pending" and question.name == "Trần Văn Ba"
    assert question.dialogue_id == dialogue.pk
    page = client.get(dialogue.url)
    assert "Hộ cận nghèo có được vay vốn" not in page.text
    assert list(page.context["messages"])  # the thank-you note

    question.status = "published"
    question.save()
    assert "Hộ cận nghèo có được vay vốn" in client.get(dialogue.url).text


@pytest.mark.parametrize(
    ("field", "data"),
    [
        ("text", {"text": SCRIPT}),
        ("text", {"text": 'Xin hỏi <img src=x onerror="alert(1)">'}),
        ("name", {"name": "<b>Ba</b>"}),
    ],
)
def test_markup_is_refused_on_its_field_and_nothing_is_stored(
    client, dialogue, altcha_payload, field, data
):
    response = post_question(client, dialogue, altcha_payload, **data)
    assert response.status_code == 200
    form = response.context["question_form"]
    assert field in form.errors
    # The summary names the field and links to it.
    assert f'href="#id_{field}"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert "<script>alert" not in response.text
    assert not DialogueQuestion.objects.exists()


def test_a_question_under_2000_characters_with_a_less_than_sign_is_plain_text(
    client, dialogue, altcha_payload
):
    response = post_question(client, dialogue, altcha_payload, text="Thu nhập < 2 triệu thì sao?")
    assert response.status_code == 302
    assert DialogueQuestion.objects.get().text == "Thu nhập < 2 triệu thì sao?"


@pytest.mark.parametrize(
    "data",
    [
        {"text": ""},
        {"text": "   "},
        {"text": "x" * 2001},
        {"commune": "999999999"},
        {"commune": "abc"},
        {"website": "http://spam.example"},
    ],
)
def test_missing_or_bad_fields_are_refused_and_nothing_is_stored(
    client, dialogue, altcha_payload, data
):
    response = post_question(client, dialogue, altcha_payload, **data)
    assert response.status_code == 200
    assert response.context["question_form"].errors
    assert not DialogueQuestion.objects.exists()


def test_a_question_without_the_anti_spam_proof_is_refused(client, dialogue):
    response = client.post(ask_url(dialogue), {"text": "Xin hỏi về hỗ trợ", "altcha": "garbage"})
    assert response.status_code == 200
    assert response.context["question_form"].non_field_errors()
    assert not DialogueQuestion.objects.exists()


def test_a_solved_challenge_serves_once(client, dialogue, altcha_payload):
    payload = altcha_payload()
    assert post_question(client, dialogue, lambda: payload).status_code == 302
    again = post_question(client, dialogue, lambda: payload, text="Câu hỏi thứ hai")
    assert again.status_code == 200
    assert DialogueQuestion.objects.count() == 1


def test_a_closed_dialogue_refuses_questions_with_a_message(client, portal, altcha_payload):
    now = timezone.now()
    closed = DialogueFactory(starts_at=now + 2 * DAY, questions_close_at=now - DAY)
    response = post_question(client, closed, altcha_payload)
    assert response.status_code == 200
    assert response.context["refusal"]
    assert 'role="alert"' in response.text
    assert not DialogueQuestion.objects.exists()


def test_a_flood_of_questions_is_stopped_at_the_limit(client, dialogue, altcha_payload, settings):
    settings.FEEDBACK_RATE_LIMITS = {**settings.FEEDBACK_RATE_LIMITS, "dialogue-question": "2/h"}
    for n in range(2):
        assert post_question(client, dialogue, altcha_payload, text=f"Câu {n}").status_code == 302
    response = post_question(client, dialogue, altcha_payload, text="Câu thứ ba")
    assert response.status_code == 429
    assert response.context["too_many"]
    assert DialogueQuestion.objects.count() == 2


def test_getting_the_question_address_leads_back_to_the_form(client, dialogue):
    response = client.get(ask_url(dialogue))
    assert response.status_code == 302 and response["Location"].endswith("#dat-cau-hoi")


# --- Upvotes


@pytest.fixture
def question(dialogue):
    return QuestionFactory(dialogue=dialogue, text="Khi nào có vốn vay?")


def test_a_browser_agrees_once_with_a_question(client, question):
    response = client.post(upvote_url(question))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#cau-hoi-{question.pk}")
    assert COOKIES["upvote"] in response.cookies
    assert question.upvotes.count() == 1

    again = client.post(upvote_url(question))
    assert again.status_code == 302
    assert question.upvotes.count() == 1
    page = client.get(question.dialogue.url)
    assert question.pk in page.context["upvoted"]


def test_the_same_browser_may_agree_with_several_questions(client, question):
    other = QuestionFactory(dialogue=question.dialogue)
    client.post(upvote_url(question))
    client.post(upvote_url(other))
    assert Upvote.objects.count() == 2
    assert {question.pk, other.pk} <= client.get(question.dialogue.url).context["upvoted"]


def test_two_browsers_count_twice(client, question):
    from django.test import Client

    client.post(upvote_url(question))
    Client().post(upvote_url(question))
    assert question.upvotes.count() == 2


def test_upvotes_store_no_address_or_token_in_clear(client, question):
    client.post(upvote_url(question))
    stored = Upvote.objects.get()
    cookie = client.cookies[COOKIES["upvote"]].value
    token = cookie.split(":")[0].split(".")[0]
    assert len(stored.voter_hash) == 64 and token not in stored.voter_hash
    assert "127.0.0.1" not in stored.voter_hash


@pytest.mark.parametrize("value", ["forged", "abc.1.2:bad-signature", "x" * 4000, ":::"])
def test_a_forged_cookie_is_ignored_and_replaced(client, question, value):
    client.cookies[COOKIES["upvote"]] = value
    assert client.get(question.dialogue.url).status_code == 200
    response = client.post(upvote_url(question))
    assert response.status_code == 302
    assert question.upvotes.count() == 1
    assert response.cookies[COOKIES["upvote"]].value != value


def test_a_flood_of_upvotes_is_stopped_at_the_limit(client, question, settings):
    from django.test import Client

    settings.FEEDBACK_RATE_LIMITS = {**settings.FEEDBACK_RATE_LIMITS, "dialogue-upvote": "2/h"}
    # New browsers (no cookie) from one address, as a script would.
    for _n in range(2):
        assert Client().post(upvote_url(question)).status_code == 302
    response = Client().post(upvote_url(question))
    assert response.status_code == 429
    assert question.upvotes.count() == 2


def test_a_closed_dialogue_takes_no_upvotes(client, portal):
    now = timezone.now()
    closed = DialogueFactory(starts_at=now + 2 * DAY, questions_close_at=now - DAY)
    question = QuestionFactory(dialogue=closed)
    response = client.post(upvote_url(question), follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert not question.upvotes.exists()


@pytest.mark.parametrize("status", ["pending", "hidden"])
def test_an_unpublished_question_cannot_be_upvoted(client, dialogue, status):
    question = QuestionFactory(dialogue=dialogue, status=status)
    assert client.post(upvote_url(question)).status_code == 404
    assert not question.upvotes.exists()


def test_a_question_of_another_dialogue_is_not_found_here(client, question, portal):
    other = DialogueFactory()
    url = other.url + f"dong-tinh/{question.pk}/"
    assert client.post(url).status_code == 404


@pytest.mark.parametrize("suffix", ["dong-tinh/abc/", "dong-tinh/99999999/", "dong-tinh/-1/"])
def test_bad_upvote_addresses_answer_404(client, question, suffix):
    assert client.post(question.dialogue.url + suffix).status_code == 404
