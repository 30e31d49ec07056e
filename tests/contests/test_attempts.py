"""A timed attempt: drawn on the server, answers checked there, the time limit kept there."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from giamngheo.contests import services, tokens
from giamngheo.contests.models import Attempt, AttemptQuestion, Choice
from giamngheo.contests.selectors import question_pool

from .conftest import answers_with, correct_index, take
from .factories import RoundFactory, make_question

pytestmark = pytest.mark.django_db


def attempt_url(attempt) -> str:
    return f"/cuoc-thi/bai-thi/{tokens.attempt_token(attempt)}/"


def test_an_attempt_stores_its_draw_and_can_be_drawn_again_from_its_seed(participant, open_round):
    attempt = services.start_attempt(participant=participant, round=open_round)
    stored = [(item.question_id, item.choice_order) for item in attempt.items.order_by("position")]
    assert len(stored) == open_round.questions_per_attempt
    assert stored == services.draw(question_pool(open_round), 3, attempt.seed)
    assert attempt.deadline == attempt.started_at + datetime.timedelta(seconds=300)


def test_a_round_draws_only_active_well_formed_questions_of_its_topic(participant, open_round):
    make_question("Câu về tín dụng 1", topic="Tín dụng")
    make_question("Câu về tín dụng 2", topic="Tín dụng")
    broken = make_question("Câu có hai đáp án đúng", topic="Tín dụng")
    Choice.objects.filter(question=broken).update(is_correct=True)
    inactive = make_question("Câu đã ngừng dùng", topic="Tín dụng")
    inactive.is_active = False
    inactive.save()
    open_round.topic = "tín dụng"
    assert {q.text for q in _pool_questions(open_round)} == {
        "Câu về tín dụng 1",
        "Câu về tín dụng 2",
    }


def _pool_questions(round):
    from giamngheo.contests.models import Question

    return Question.objects.filter(pk__in=question_pool(round))


def test_an_attempt_ends_when_the_round_closes_if_that_comes_first(participant, open_round):
    open_round.closes_at = timezone.now() + datetime.timedelta(seconds=100)
    open_round.save()
    attempt = services.start_attempt(participant=participant, round=open_round)
    assert attempt.deadline == open_round.closes_at


def test_the_attempt_page_does_not_tell_which_answer_is_correct(client, participant, open_round):
    attempt = services.start_attempt(participant=participant, round=open_round)
    response = client.get(attempt_url(attempt))
    assert response.status_code == 200
    html = response.content.decode()
    items = list(attempt.items.select_related("question").order_by("position"))
    for item in items:
        assert item.question.text in html
        assert item.question.explanation not in html
        for choice in item.question.choices.all():
            assert choice.text in html
    # Every answer's input looks the same but for its position: nothing marks the right one.
    for item in items:
        inputs = re.findall(rf'<input type="radio" name="q{item.position}"[^>]*>', html)
        assert len(inputs) == len(item.choice_order)
        # Values are positions on the page, not database ids of the answers.
        values = [re.search(r'value="([^"]*)"', tag).group(1) for tag in inputs]
        assert values == [str(i) for i in range(len(item.choice_order))]
        shapes = {re.sub(r'(value|id)="[^"]*"', "", tag) for tag in inputs}
        assert len(shapes) == 1
    assert "correct" not in html.lower().replace("correctly", "")
    assert "is_correct" not in html
    assert "Cache-Control" in response and "no-store" in response["Cache-Control"]


def test_answers_are_saved_then_submitted_and_the_score_shown(client, participant, open_round):
    attempt = services.start_attempt(participant=participant, round=open_round)
    answers = answers_with(attempt, right=2)
    data = {f"q{position}": str(index) for position, index in answers.items()}
    response = client.post(attempt_url(attempt), {**data, "prediction": "4", "save": "1"})
    # Back to the same attempt's page (its signed address carries a timestamp).
    same_attempt = attempt_url(attempt).split(":")[0]
    assert response.status_code == 302 and response.url.split(":")[0] == same_attempt
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.score == 2 and attempt.prediction == 4
    # The saved answers are ticked again when the page is reopened.
    page = client.get(attempt_url(attempt)).content.decode()
    first = attempt.items.get(position=1)
    assert re.search(rf'name="q1" value="{answers[1]}"[^>]*checked', page)
    assert first.chosen_id is not None

    response = client.post(attempt_url(attempt), {**data, "prediction": "4", "finish": "1"})
    assert response.status_code == 302 and response.url.endswith("/ket-qua/")
    attempt.refresh_from_db()
    assert attempt.submitted_at is not None and not attempt.timed_out
    assert attempt.duration == attempt.submitted_at - attempt.started_at
    result = client.get(response.url)
    assert result.status_code == 200
    assert "2/3" in result.content.decode()
    # The round is still open: which answers were right is not shown yet.
    for item in attempt.items.select_related("question"):
        assert item.question.explanation not in result.content.decode()


def test_the_result_shows_the_correct_answers_once_the_round_has_closed(
    client, participant, open_round
):
    attempt = services.start_attempt(participant=participant, round=open_round)
    take(attempt, right=1)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=timezone.now() - datetime.timedelta(hours=3),
        deadline=timezone.now() - datetime.timedelta(hours=3),
        submitted_at=timezone.now() - datetime.timedelta(hours=3),
    )
    open_round.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    open_round.opens_at = timezone.now() - datetime.timedelta(hours=5)
    open_round.save()
    html = client.get(attempt_url(attempt) + "ket-qua/").content.decode()
    for item in attempt.items.select_related("question"):
        assert item.question.explanation in html
        assert item.question.choices.get(is_correct=True).text in html


def test_answers_sent_after_the_time_limit_are_refused_and_the_saved_ones_count(
    client, participant, open_round
):
    attempt = services.start_attempt(participant=participant, round=open_round)
    answers = answers_with(attempt, right=1)
    client.post(
        attempt_url(attempt),
        {"q1": str(answers[1]), "save": "1"},
    )
    # The time runs out (moved in the data, not waited for): 6 s past the deadline.
    started = timezone.now() - datetime.timedelta(seconds=306)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=started, deadline=started + datetime.timedelta(seconds=300)
    )
    late = answers_with(attempt, right=3)
    response = client.post(
        attempt_url(attempt),
        {**{f"q{p}": str(i) for p, i in late.items()}, "prediction": "9", "finish": "1"},
        follow=True,
    )
    assert response.status_code == 200
    attempt.refresh_from_db()
    assert attempt.timed_out
    assert attempt.score == 1  # only the answer saved in time
    assert attempt.prediction is None
    assert attempt.submitted_at == attempt.deadline
    assert attempt.duration == datetime.timedelta(seconds=300)
    assert AttemptQuestion.objects.filter(attempt=attempt, chosen__isnull=False).count() == 1
    assert "1/3" in response.content.decode()


def test_an_answer_within_the_grace_seconds_still_counts(participant, open_round):
    attempt = services.start_attempt(participant=participant, round=open_round)
    outcome = services.save_answers(
        attempt=attempt,
        answers=answers_with(attempt, right=3),
        prediction=1,
        finish=True,
        now=attempt.deadline + datetime.timedelta(seconds=4),
    )
    assert outcome is services.Outcome.SUBMITTED
    attempt.refresh_from_db()
    assert attempt.score == 3 and attempt.duration == datetime.timedelta(seconds=300)


def test_an_attempt_left_unsubmitted_ends_by_itself_on_its_saved_answers(
    client, participant, open_round
):
    attempt = services.start_attempt(participant=participant, round=open_round)
    services.save_answers(
        attempt=attempt, answers=answers_with(attempt, right=2), prediction=3, finish=False
    )
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = client.get(attempt_url(attempt))
    assert response.status_code == 302 and response.url.endswith("/ket-qua/")
    attempt.refresh_from_db()
    assert attempt.timed_out and attempt.score == 2 and attempt.prediction == 3


@pytest.mark.parametrize(
    "data",
    [
        {"q1": "7", "finish": "1"},
        {"q1": "-1", "finish": "1"},
        {"q2": "abc", "finish": "1"},
        {"prediction": "-5", "finish": "1"},
        {"prediction": "<script>alert(1)</script>", "finish": "1"},
    ],
)
def test_bad_answers_are_refused_with_a_message_and_nothing_is_stored(
    client, participant, open_round, data
):
    attempt = services.start_attempt(participant=participant, round=open_round)
    good = {"q3": str(correct_index(attempt.items.get(position=3)))}
    response = client.post(attempt_url(attempt), {**good, **data})
    assert response.status_code == 200
    assert 'id="form-errors"' in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.prediction is None
    assert not attempt.items.filter(chosen__isnull=False).exists()


def test_the_service_refuses_an_answer_it_never_showed(participant, open_round):
    attempt = services.start_attempt(participant=participant, round=open_round)
    with pytest.raises(ValidationError):
        services.save_answers(attempt=attempt, answers={1: 0, 99: 0}, prediction=None, finish=True)
    assert not attempt.items.filter(chosen__isnull=False).exists()


def test_a_submitted_attempt_cannot_be_changed(client, participant, open_round):
    attempt = services.start_attempt(participant=participant, round=open_round)
    take(attempt, right=1, seconds=10)
    outcome = services.save_answers(
        attempt=attempt, answers=answers_with(attempt, right=3), prediction=None, finish=True
    )
    assert outcome is services.Outcome.ALREADY_SUBMITTED
    attempt.refresh_from_db()
    assert attempt.score == 1
    assert client.get(attempt_url(attempt)).status_code == 302


@pytest.mark.parametrize(
    "token",
    ["1", "MQ:1abc:forged", "x" * 300, "bad token", "MQ"],
)
def test_a_forged_or_guessed_attempt_address_is_not_found(client, participant, open_round, token):
    services.start_attempt(participant=participant, round=open_round)
    assert client.get(f"/cuoc-thi/bai-thi/{token}/").status_code == 404
    assert client.get(f"/cuoc-thi/bai-thi/{token}/ket-qua/").status_code == 404


def test_a_participant_takes_a_round_as_many_times_as_it_allows(participant, open_round):
    attempt = services.start_attempt(participant=participant, round=open_round)
    assert services.start_attempt(participant=participant, round=open_round) == attempt  # running
    take(attempt, right=1)
    with pytest.raises(ValidationError) as error:
        services.start_attempt(participant=participant, round=open_round)
    assert error.value.code == "used"
    open_round.max_attempts = 2
    open_round.save()
    second = services.start_attempt(participant=participant, round=open_round)
    assert second != attempt
    assert Attempt.objects.filter(participant=participant).count() == 2


def test_a_round_not_open_yet_or_closed_refuses_attempts(participant, open_round):
    later = RoundFactory(
        contest=open_round.contest,
        opens_at=timezone.now() + datetime.timedelta(days=1),
        closes_at=timezone.now() + datetime.timedelta(days=2),
    )
    over = RoundFactory(
        contest=open_round.contest,
        opens_at=timezone.now() - datetime.timedelta(days=2),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    for round, code in ((later, "closed"), (over, "closed")):
        with pytest.raises(ValidationError) as error:
            services.start_attempt(participant=participant, round=round)
        assert error.value.code == code
    assert not Attempt.objects.exists()


def test_a_round_without_enough_questions_refuses_with_a_message(participant, open_round):
    open_round.questions_per_attempt = 50
    open_round.save()
    with pytest.raises(ValidationError) as error:
        services.start_attempt(participant=participant, round=open_round)
    assert error.value.code == "pool"
    assert not Attempt.objects.exists()
