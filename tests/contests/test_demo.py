"""The demo contest: a closed round with published results and an open one; reproducible."""

import random

import pytest

from giamngheo.contests.demo import QUESTIONS, load_contests
from giamngheo.contests.models import (
    Attempt,
    AttemptQuestion,
    Contest,
    Participant,
    Question,
    Round,
)

pytestmark = pytest.mark.django_db


def ranking() -> list[tuple]:
    return list(
        Attempt.objects.filter(rank__isnull=False)
        .order_by("rank")
        .values_list("rank", "participant__name", "score", "prize__name")
    )


def wipe() -> None:
    AttemptQuestion.objects.all().delete()
    Attempt.objects.all().delete()
    Participant.objects.all().delete()
    Round.objects.all().delete()
    Contest.objects.all().delete()
    Question.objects.all().delete()


def test_the_demo_contest_has_a_published_round_and_an_open_one(client, hue_units):
    contest = load_contests(random.Random(2021))
    assert contest is not None and Question.objects.count() == len(QUESTIONS)
    closed, open_ = contest.rounds.order_by("number")
    assert closed.results_published_at is not None and open_.is_open()
    assert len(ranking()) == 24
    assert [r[3] for r in ranking()[:11]].count(None) == 0  # 1 + 2 + 3 + 5 prizes
    assert load_contests(random.Random(2021)) is None  # a second load changes nothing
    page = client.get(f"/cuoc-thi/{contest.slug}/vong-1/xep-hang/")
    assert page.status_code == 200


def test_the_same_seed_gives_the_same_demo(hue_units):
    load_contests(random.Random(7))
    first = ranking()
    wipe()
    load_contests(random.Random(7))
    assert ranking() == first
