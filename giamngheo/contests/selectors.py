"""Reads of the contests: public lists, the question pool, the ranking, the staff's scope."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from giamngheo.accounts import scoping

from .models import (
    Attempt,
    AttemptQuestion,
    Choice,
    Contest,
    Participant,
    PredictionRule,
    PrizeTier,
    Question,
    Round,
)


def published_contests() -> QuerySet[Contest]:
    """The contests shown on the portal, each with its rounds in order (two queries)."""
    return Contest.objects.filter(is_published=True).prefetch_related(
        Prefetch("rounds", queryset=Round.objects.order_by("number"))
    )


def question_pool(round: Round) -> dict[int, list[int]]:
    """The questions a round may draw, by id, each with its choice ids in stored order.

    Only active questions with at least two choices and exactly one correct:
    a question that staff left broken is never drawn.
    """
    questions = Question.objects.filter(is_active=True)
    if round.topic:
        questions = questions.filter(topic__iexact=round.topic)
    choices: dict[int, list[int]] = {}
    correct: dict[int, int] = {}
    rows = (
        Choice.objects.filter(question__in=questions)
        .order_by("question_id", "sort_order", "pk")
        .values_list("question_id", "pk", "is_correct")
    )
    for question_id, choice_id, is_correct in rows:
        choices.setdefault(question_id, []).append(choice_id)
        correct[question_id] = correct.get(question_id, 0) + int(is_correct)
    return {
        question_id: ids
        for question_id, ids in choices.items()
        if len(ids) >= 2 and correct[question_id] == 1
    }


def attempt_items(attempt: Attempt) -> list[AttemptQuestion]:
    """The drawn questions in order, each with ``shown_choices`` in the order drawn."""
    items = list(attempt.items.select_related("question", "chosen").order_by("position"))
    choices = {
        choice.pk: choice
        for choice in Choice.objects.filter(question__in=[item.question_id for item in items])
    }
    for item in items:
        item.shown_choices = [choices[pk] for pk in item.choice_order if pk in choices]
    return items


def attempts_of(participant: Participant | None) -> dict[int, list[Attempt]]:
    """A participant's attempts, by round id, newest first."""
    if participant is None:
        return {}
    found: dict[int, list[Attempt]] = {}
    for attempt in participant.attempts.order_by("-started_at"):
        found.setdefault(attempt.round_id, []).append(attempt)
    return found


# --- Ranking


@dataclass
class Standing:
    rank: int
    attempt: Attempt
    distance: int | None
    prize: PrizeTier | None = None

    @property
    def participant(self) -> Participant:
        return self.attempt.participant


@dataclass
class Ranking:
    round: Round
    actual: int | None
    standings: list[Standing] = field(default_factory=list)

    @property
    def winners(self) -> list[Standing]:
        return [standing for standing in self.standings if standing.prize is not None]


def _distance(attempt: Attempt, actual: int | None) -> int | None:
    if actual is None or attempt.prediction is None:
        return None
    return abs(attempt.prediction - actual)


def _key(attempt: Attempt, actual: int | None) -> tuple:
    distance = _distance(attempt, actual)
    return (
        -attempt.score,
        attempt.duration or datetime.timedelta.max,
        distance is None,  # no prediction (or no real value yet) ranks after any
        distance or 0,
        attempt.submitted_at,
        attempt.pk,
    )


def ranking(round: Round) -> Ranking:
    """Every participant's best submitted attempt, ranked, with the prizes they win.

    Order: correct answers (more first), duration (shorter first), distance of
    the prediction to the real value (closer first; none last), submission
    time (earlier first). The real value is the one stored at publication, or,
    before it, counted from the attempts now (``PredictionRule``). Three
    queries whatever the number of attempts.
    """
    attempts = list(
        Attempt.objects.filter(round=round, submitted_at__isnull=False).select_related(
            "participant__unit"
        )
    )
    actual = round.prediction_actual
    if round.results_published_at is None and round.prediction_rule != PredictionRule.MANUAL:
        best_scores: dict[int, int] = {}
        for attempt in attempts:
            best_scores[attempt.participant_id] = max(
                attempt.score, best_scores.get(attempt.participant_id, 0)
            )
        if round.prediction_rule == PredictionRule.PERFECT:
            actual = sum(
                1 for score in best_scores.values() if score >= round.questions_per_attempt
            )
        else:
            actual = len(best_scores)

    attempts.sort(key=lambda attempt: _key(attempt, actual))
    result = Ranking(round=round, actual=actual)
    seen: set[int] = set()
    for attempt in attempts:
        if attempt.participant_id in seen:
            continue
        seen.add(attempt.participant_id)
        rank = len(result.standings) + 1
        result.standings.append(Standing(rank, attempt, _distance(attempt, actual)))

    position = 0
    for tier in round.prize_tiers.all():
        for standing in result.standings[position : position + tier.winners]:
            standing.prize = tier
        position += tier.winners
    return result


def standings_visible_to(user, ranking: Ranking) -> list[Standing]:
    """The standings of participants of the units ``user`` may see (their ranks unchanged)."""
    if user.is_superuser:
        return ranking.standings
    visible = set(scoping.units_visible_to(user).values_list("pk", flat=True))
    return [s for s in ranking.standings if s.participant.unit_id in visible]


def participants_visible_to(user, contest: Contest) -> QuerySet[Participant]:
    return scoping.scope(
        Participant.objects.filter(contest=contest).select_related("unit"), user
    ).order_by("registered_at", "pk")


# Why organisers see participants' phones and e-mail addresses (the access log records it).
CONTEST_PURPOSE = gettext_lazy("Running the contest: contacting participants and prize winners")


def can_see_phones(user) -> bool:
    """Participants' phone numbers are for the province's contest organisers only."""
    return user.has_perm("contests.view_participant") and scoping.is_province_wide(user)


def round_is_public(round: Round, now: datetime.datetime | None = None) -> bool:
    return round.contest.is_published and round.has_closed(now or timezone.now())
