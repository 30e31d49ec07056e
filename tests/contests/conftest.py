"""Fixtures of the contest tests: today's communes, a bank, an open round, a cheap ALTCHA."""

import base64
import json

import altcha
import pytest
from django.core.cache import cache
from django.utils import timezone

from giamngheo.contests import services
from tests.conftest import unit

from .factories import ContestFactory, ParticipantFactory, RoundFactory, make_bank

# Communes of today's (two-level) map of Huế.
PHU_VANG, PHU_XUAN = "19942", "19768"


@pytest.fixture(autouse=True)
def contest_settings(settings):
    """A quick proof of work, generous limits, fresh counters."""
    settings.FEEDBACK_ALTCHA_ALGORITHM = "SHA-256"
    settings.FEEDBACK_ALTCHA_COST = 1
    settings.FEEDBACK_RATE_LIMITS = {
        **settings.FEEDBACK_RATE_LIMITS,
        "challenge": "1000/h",
        "contest-register": "1000/h",
        "contest-start": "1000/h",
        "contest-answer": "1000/h",
    }
    settings.CONTEST_GRACE_SECONDS = 5
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def phu_vang(hue_units):
    return unit(PHU_VANG, timezone.localdate())


@pytest.fixture
def phu_xuan(hue_units):
    return unit(PHU_XUAN, timezone.localdate())


@pytest.fixture
def bank(db):
    return make_bank(6)


@pytest.fixture
def open_round(bank):
    return RoundFactory(contest=ContestFactory(slug="tim-hieu-giam-ngheo"))


@pytest.fixture
def contest(open_round):
    return open_round.contest


@pytest.fixture
def participant(contest, phu_vang):
    return ParticipantFactory(contest=contest, unit=phu_vang, name="Trần Thị Bình")


def solve(challenge: dict) -> str:
    """What the browser widget posts: the challenge and its solution, base64 JSON."""
    solution = altcha.solve_challenge(altcha.Challenge.from_dict(challenge))
    payload = {"challenge": challenge, "solution": solution.to_dict()}
    return base64.b64encode(json.dumps(payload).encode()).decode()


@pytest.fixture
def altcha_payload(client):
    def make() -> str:
        response = client.get("/phan-anh/altcha/")
        assert response.status_code == 200
        return solve(response.json())

    return make


def correct_index(item) -> int:
    """Where the correct answer of a drawn question was shown (from 0)."""
    correct = item.question.choices.get(is_correct=True).pk
    return item.choice_order.index(correct)


def answers_with(attempt, *, right: int) -> dict[int, int]:
    """Answers to every drawn question, the first ``right`` of them correct."""
    answers = {}
    for item in attempt.items.select_related("question").order_by("position"):
        good = correct_index(item)
        answers[item.position] = (
            good if item.position <= right else (good + 1) % len(item.choice_order)
        )
    return answers


def take(attempt, *, right: int, prediction=None, seconds: float = 60):
    """Submit ``attempt`` ``seconds`` after it started, with ``right`` correct answers."""
    import datetime

    return services.save_answers(
        attempt=attempt,
        answers=answers_with(attempt, right=right),
        prediction=prediction,
        finish=True,
        now=attempt.started_at + datetime.timedelta(seconds=seconds),
    )
