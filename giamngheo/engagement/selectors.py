"""Reads of the dialogues and polls: what the portal shows and what staff may see."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from giamngheo.accounts import scoping

from .models import DialogueQuestion, PolicyDialogue, Poll, PollChoice, QuestionStatus


def public_questions(dialogue: PolicyDialogue) -> QuerySet[DialogueQuestion]:
    """The dialogue's published questions, most agreed-with first, then oldest first."""
    return (
        DialogueQuestion.objects.published()
        .filter(dialogue=dialogue)
        .with_upvotes()
        .select_related("commune")
        .order_by("-upvote_count", "created_at", "pk")
    )


def dialogues_visible_to(user) -> QuerySet[PolicyDialogue]:
    """Dialogues of the units ``user`` may see, with their questions counted by state."""
    return scoping.scope(PolicyDialogue.objects.all(), user).annotate(
        question_count=Count("questions"),
        pending_count=Count("questions", filter=Q(questions__status=QuestionStatus.PENDING)),
        answered_count=Count("questions", filter=~Q(questions__answer="")),
    )


def questions_visible_to(user) -> QuerySet[DialogueQuestion]:
    """Questions to the dialogues of the units ``user`` may see."""
    return scoping.scope(DialogueQuestion.objects.all(), user, unit_field="dialogue__unit")


# --- Polls


@dataclass(frozen=True)
class ChoiceResult:
    choice: PollChoice
    votes: int
    percent: float


@dataclass(frozen=True)
class PollResults:
    total: int
    rows: list[ChoiceResult]


def poll_results(poll: Poll) -> PollResults:
    """Votes per answer, in the answers' order, with their share of all votes (one query)."""
    choices = list(poll.choices.annotate(vote_count=Count("votes")).order_by("sort_order", "pk"))
    total = sum(choice.vote_count for choice in choices)
    rows = [
        ChoiceResult(
            choice=choice,
            votes=choice.vote_count,
            percent=round(100 * choice.vote_count / total, 1) if total else 0.0,
        )
        for choice in choices
    ]
    return PollResults(total=total, rows=rows)


def home_poll(now: datetime.datetime | None = None) -> Poll | None:
    """The latest open poll meant for the home page, with its answers, or None."""
    return (
        Poll.objects.open(now or timezone.now())
        .filter(show_on_home_page=True)
        .prefetch_related("choices")
        .order_by("-opens_at", "-pk")
        .first()
    )


def public_polls(now: datetime.datetime | None = None) -> QuerySet[Poll]:
    """Polls visitors may see: the open ones and the closed ones with their results."""
    return Poll.objects.public(now or timezone.now()).order_by("-opens_at", "-pk")
