"""Ranking: correct answers, then time, then the prediction, then submission; the leaderboard."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from giamngheo.contests import selectors, services
from giamngheo.contests.models import Attempt, PredictionRule

from .conftest import take
from .factories import ParticipantFactory, RoundFactory, add_prizes

pytestmark = pytest.mark.django_db


def close(round, *, minutes_ago: int = 1) -> None:
    """Move the round into the past: it closed ``minutes_ago`` minutes ago."""
    now = timezone.now()
    round.opens_at = now - datetime.timedelta(hours=5)
    round.closes_at = now - datetime.timedelta(minutes=minutes_ago)
    round.save()


def player(round, unit, name, phone):
    return ParticipantFactory(contest=round.contest, unit=unit, name=name, phone=phone)


def names(board):
    return [standing.participant.name for standing in board.standings]


def test_more_correct_answers_rank_first_then_the_quicker(open_round, phu_vang):
    slow_all = player(open_round, phu_vang, "Chậm Đúng Hết", "0911000001")
    fast_two = player(open_round, phu_vang, "Nhanh Đúng Hai", "0911000002")
    fast_all = player(open_round, phu_vang, "Nhanh Đúng Hết", "0911000003")
    for who, right, seconds in ((slow_all, 3, 200), (fast_two, 2, 20), (fast_all, 3, 90)):
        take(
            services.start_attempt(participant=who, round=open_round), right=right, seconds=seconds
        )
    assert names(selectors.ranking(open_round)) == [
        "Nhanh Đúng Hết",
        "Chậm Đúng Hết",
        "Nhanh Đúng Hai",
    ]


def test_a_tie_on_answers_and_time_is_broken_by_the_prediction_then_by_who_submitted_first(
    open_round, phu_vang
):
    # Two participants answer everything right: the real value is 2 (PERFECT rule).
    far = player(open_round, phu_vang, "Đoán Xa", "0911000001")
    near = player(open_round, phu_vang, "Đoán Gần", "0911000002")
    early = player(open_round, phu_vang, "Không Đoán Sớm", "0911000003")
    late = player(open_round, phu_vang, "Không Đoán Muộn", "0911000004")
    for who, prediction in ((far, 10), (near, 3), (early, None), (late, None)):
        take(
            services.start_attempt(participant=who, round=open_round),
            right=3 if who in (far, near) else 1,
            prediction=prediction,
            seconds=60,
        )
    # The two without a prediction: same score and time; the one who started earlier
    # submitted earlier.
    Attempt.objects.filter(participant=early).update(
        submitted_at=Attempt.objects.get(participant=early).submitted_at
        - datetime.timedelta(minutes=5)
    )
    board = selectors.ranking(open_round)
    assert board.actual == 2
    assert names(board) == ["Đoán Gần", "Đoán Xa", "Không Đoán Sớm", "Không Đoán Muộn"]
    assert [s.distance for s in board.standings[:2]] == [1, 8]


def test_a_prediction_beats_no_prediction_at_equal_answers_and_time(open_round, phu_vang):
    silent = player(open_round, phu_vang, "Không Đoán", "0911000001")
    guesser = player(open_round, phu_vang, "Có Đoán", "0911000002")
    take(services.start_attempt(participant=silent, round=open_round), right=2, seconds=30)
    take(
        services.start_attempt(participant=guesser, round=open_round),
        right=2,
        prediction=500,
        seconds=30,
    )
    assert names(selectors.ranking(open_round)) == ["Có Đoán", "Không Đoán"]


def test_with_several_attempts_a_participants_best_one_counts_once(open_round, phu_vang):
    open_round.max_attempts = 2
    open_round.save()
    someone = player(open_round, phu_vang, "Thi Hai Lần", "0911000001")
    take(services.start_attempt(participant=someone, round=open_round), right=1, seconds=10)
    take(services.start_attempt(participant=someone, round=open_round), right=3, seconds=100)
    board = selectors.ranking(open_round)
    assert len(board.standings) == 1 and board.standings[0].attempt.score == 3


def test_prizes_go_down_the_ranking_tier_by_tier(open_round, phu_vang):
    add_prizes(open_round, ("Giải Nhất", 1), ("Giải Nhì", 2))
    for n in range(5):
        who = player(open_round, phu_vang, f"Người Thi {n}", f"09110000{n:02d}")
        take(services.start_attempt(participant=who, round=open_round), right=3, seconds=10 + n)
    board = selectors.ranking(open_round)
    assert [s.prize.name if s.prize else None for s in board.standings] == [
        "Giải Nhất",
        "Giải Nhì",
        "Giải Nhì",
        None,
        None,
    ]


def test_publishing_recounts_scores_fixes_the_real_value_and_stores_ranks(
    open_round, phu_vang, province_staff
):
    add_prizes(open_round, ("Giải Nhất", 1))
    first = player(open_round, phu_vang, "Người Một", "0911000001")
    second = player(open_round, phu_vang, "Người Hai", "0911000002")
    take(services.start_attempt(participant=first, round=open_round), right=3, prediction=1)
    running = services.start_attempt(participant=second, round=open_round)
    services.save_answers(
        attempt=running,
        answers={1: 0},
        prediction=None,
        finish=False,
    )
    with pytest.raises(ValidationError):
        services.publish_results(round=open_round, by=province_staff)  # still open
    close(open_round)
    services.publish_results(round=open_round, by=province_staff)
    open_round.refresh_from_db()
    assert open_round.results_published_at is not None
    assert open_round.prediction_actual == 1
    first_attempt = Attempt.objects.get(participant=first)
    assert (first_attempt.rank, first_attempt.prize.name) == (1, "Giải Nhất")
    running.refresh_from_db()
    assert running.timed_out and running.rank == 2 and running.prize is None


def test_a_manual_real_value_must_be_entered_before_publishing(open_round, province_staff):
    open_round.prediction_rule = PredictionRule.MANUAL
    close(open_round)
    with pytest.raises(ValidationError):
        services.publish_results(round=open_round, by=province_staff)
    open_round.prediction_actual = 120
    open_round.save()
    assert services.publish_results(round=open_round, by=province_staff).prediction_actual == 120


def test_the_leaderboard_waits_for_the_round_to_close(client, open_round, phu_vang):
    who = player(open_round, phu_vang, "Nguyễn Văn An", "0911000001")
    take(services.start_attempt(participant=who, round=open_round), right=3)
    url = f"/cuoc-thi/{open_round.contest.slug}/vong-{open_round.number}/xep-hang/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Nguyễn V. A." not in response.content.decode()
    close(open_round)
    html = client.get(url).content.decode()
    assert "Nguyễn V. A." in html and phu_vang.name in html
    assert "Nguyễn Văn An" not in html and "0911000001" not in html


def test_winners_are_shown_once_the_results_are_published(
    client, open_round, phu_vang, province_staff
):
    add_prizes(open_round, ("Giải Đặc Biệt", 1))
    who = player(open_round, phu_vang, "Hoàng Thị Mai", "0911000001")
    take(services.start_attempt(participant=who, round=open_round), right=3)
    close(open_round)
    url = f"/cuoc-thi/{open_round.contest.slug}/vong-{open_round.number}/xep-hang/"
    assert "Giải Đặc Biệt" not in client.get(url).content.decode()
    services.publish_results(round=open_round, by=province_staff)
    assert "Giải Đặc Biệt" in client.get(url).content.decode()


def test_the_leaderboard_runs_a_bounded_number_of_queries(
    client, open_round, phu_vang, phu_xuan, django_assert_max_num_queries
):
    add_prizes(open_round, ("Giải Nhất", 1), ("Giải Nhì", 2))
    for n in range(12):
        who = player(open_round, phu_vang if n % 2 else phu_xuan, f"Người Thi {n}", f"09110{n:05d}")
        take(services.start_attempt(participant=who, round=open_round), right=n % 4, seconds=n + 5)
    close(open_round)
    url = f"/cuoc-thi/{open_round.contest.slug}/vong-{open_round.number}/xep-hang/"
    # Contest and rounds, ending unfinished attempts, attempts, prizes; 3 for the base template.
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response.status_code == 200
    assert client.get(url + "?page=abc").status_code == 200
    assert client.get(url + "?page=999").status_code == 200


def test_an_unpublished_contests_leaderboard_is_not_found(client, open_round):
    close(open_round)
    open_round.contest.is_published = False
    open_round.contest.save()
    url = f"/cuoc-thi/{open_round.contest.slug}/vong-{open_round.number}/xep-hang/"
    assert client.get(url).status_code == 404


def test_a_round_with_nobody_has_an_empty_leaderboard(client, bank):
    round = RoundFactory()
    close(round)
    url = f"/cuoc-thi/{round.contest.slug}/vong-{round.number}/xep-hang/"
    assert client.get(url).status_code == 200
