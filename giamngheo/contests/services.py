"""Writes of the contests: register, start an attempt, save answers, publish results.

The server is the only clock and the only judge. Time comes from
``timezone.now()`` (tests move the stored timestamps instead of the clock).

Answers are saved at each post of the attempt form, before the deadline plus
a few seconds of grace (``CONTEST_GRACE_SECONDS``, for the network): a post
that comes later counts none of its answers, and the attempt is scored on the
answers saved before (``Outcome.LATE``). An attempt nobody submitted ends by
itself at its deadline, scored the same way (``finalize_expired``).
"""

from __future__ import annotations

import datetime
import enum
import random
import secrets
from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, DateTimeField, F, Value
from django.db.models.functions import Least
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from giamngheo.core.text import fold
from giamngheo.feedback.selectors import communes_for_citizens
from giamngheo.units.models import Unit

from . import selectors
from .models import (
    MAX_PREDICTION,
    Attempt,
    AttemptQuestion,
    Choice,
    Contest,
    Participant,
    PredictionRule,
    Round,
)
from .phones import normalise_phone


def grace() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.CONTEST_GRACE_SECONDS)


def when(moment: datetime.datetime) -> str:
    """A time as participants read it: local, “14:30 05/12/2025”."""
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y")


# --- Registration


def _registration_refusal(contest: Contest, now: datetime.datetime) -> str | None:
    rounds = list(contest.rounds.order_by("opens_at"))
    if any(r.is_open(now) for r in rounds):
        return None
    upcoming = [r for r in rounds if r.is_upcoming(now)]
    if upcoming:
        return _("Registration opens with round %(number)d at %(time)s.") % {
            "number": upcoming[0].number,
            "time": when(upcoming[0].opens_at),
        }
    if rounds:
        return _("This contest has ended: registration is closed.")
    return _("This contest has no round open yet.")


def register_participant(
    *,
    contest: Contest,
    name: str,
    unit: Unit,
    phone: str,
    email: str = "",
    consent: bool,
    now: datetime.datetime | None = None,
) -> tuple[Participant, bool]:
    """The participant, and whether they are new.

    One registration per phone number and contest. The same number with the
    same name (accents, case and spaces aside) is the same person coming back,
    e.g. on another phone, and gets their registration back; with another
    name it is refused.
    """
    now = now or timezone.now()
    if not contest.is_published:
        raise ValidationError(_("This contest is not open."))
    refusal = _registration_refusal(contest, now)
    if refusal:
        raise ValidationError(refusal, code="closed")
    if not consent:
        raise ValidationError(
            {"consent": _("Tick the box to agree to the processing of your personal data.")}
        )
    try:
        phone = normalise_phone(phone)
    except ValidationError as error:
        raise ValidationError({"phone": error.messages}) from error
    if not communes_for_citizens(timezone.localdate(now)).filter(pk=unit.pk).exists():
        raise ValidationError({"unit": _("Choose a commune or ward of the province.")})

    name = " ".join(name.split())
    with transaction.atomic():
        existing = Participant.objects.filter(contest=contest, phone=phone).first()
        if existing is not None:
            if fold(existing.name) == fold(name):
                return existing, False
            raise ValidationError(
                {
                    "phone": _(
                        "This phone number is already registered for this contest under "
                        "another name. Type the name you registered with."
                    )
                },
                code="taken",
            )
        participant = Participant(
            contest=contest,
            name=name,
            unit=unit,
            phone=phone,
            email=email,
            consent_at=now,
            registered_at=now,
        )
        participant.full_clean()
        try:
            with transaction.atomic():
                participant.save()
        except IntegrityError as error:  # the same number registered a moment ago
            raise ValidationError(
                {"phone": _("This phone number is already registered for this contest.")}
            ) from error
    return participant, True


# --- Attempts


def draw(pool: Mapping[int, list[int]], count: int, seed: int) -> list[tuple[int, list[int]]]:
    """``count`` questions of ``pool`` in a random order, each with its choices shuffled.

    The same pool and seed give the same draw: the seed is stored with the
    attempt, so a draw can be checked later.
    """
    rng = random.Random(seed)
    drawn = rng.sample(sorted(pool), count)
    result = []
    for question_id in drawn:
        order = list(pool[question_id])
        rng.shuffle(order)
        result.append((question_id, order))
    return result


def _round_refusal(round: Round, now: datetime.datetime) -> str | None:
    if not round.contest.is_published:
        return _("This contest is not open.")
    if round.is_upcoming(now):
        return _("Round %(number)d opens at %(time)s. Come back then.") % {
            "number": round.number,
            "time": when(round.opens_at),
        }
    if round.has_closed(now):
        return _("Round %(number)d closed at %(time)s: no more attempts are accepted.") % {
            "number": round.number,
            "time": when(round.closes_at),
        }
    return None


def start_attempt(
    *,
    participant: Participant,
    round: Round,
    now: datetime.datetime | None = None,
    seed: int | None = None,
) -> Attempt:
    """A new attempt with its questions drawn, or the one still running.

    ``seed`` is for reproducible demo data; by default it is drawn at random.
    """
    now = now or timezone.now()
    if participant.contest_id != round.contest_id:
        raise ValidationError(_("You are not registered for this contest."))
    refusal = _round_refusal(round, now)
    if refusal:
        raise ValidationError(refusal, code="closed")
    with transaction.atomic():
        # One start at a time per participant: a double click cannot exceed the limit.
        Participant.objects.select_for_update().filter(pk=participant.pk).first()
        finalize_expired(round=round, participant=participant, now=now)
        attempts = list(Attempt.objects.filter(participant=participant, round=round))
        running = [a for a in attempts if a.submitted_at is None]
        if running:
            return running[0]
        if len(attempts) >= round.max_attempts:
            raise ValidationError(
                _("You have already taken round %(number)d (attempts allowed: %(max)d).")
                % {"number": round.number, "max": round.max_attempts},
                code="used",
            )
        pool = selectors.question_pool(round)
        if len(pool) < round.questions_per_attempt:
            raise ValidationError(
                _("This round is not ready yet. Please try again later."), code="pool"
            )
        seed = secrets.randbelow(2**31) if seed is None else seed
        attempt = Attempt.objects.create(
            participant=participant,
            round=round,
            seed=seed,
            started_at=now,
            deadline=min(now + round.time_limit, round.closes_at),
        )
        AttemptQuestion.objects.bulk_create(
            AttemptQuestion(attempt=attempt, position=position, question_id=qid, choice_order=order)
            for position, (qid, order) in enumerate(
                draw(pool, round.questions_per_attempt, seed), start=1
            )
        )
    return attempt


class Outcome(enum.Enum):
    SAVED = "saved"
    SUBMITTED = "submitted"
    LATE = "late"
    ALREADY_SUBMITTED = "already-submitted"


def _score(items: list[AttemptQuestion]) -> int:
    correct = set(
        Choice.objects.filter(
            question__in=[item.question_id for item in items], is_correct=True
        ).values_list("pk", flat=True)
    )
    return sum(1 for item in items if item.chosen_id in correct)


def save_answers(
    *,
    attempt: Attempt,
    answers: Mapping[int, int | None],
    prediction: int | None,
    finish: bool,
    now: datetime.datetime | None = None,
) -> Outcome:
    """Store the answers posted for ``attempt``, and submit it when ``finish``.

    ``answers`` maps a question's position to the position of the chosen
    answer in the order it was shown (from 0), or None. Bad input raises
    ``ValidationError`` and stores nothing.
    """
    now = now or timezone.now()
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().select_related("round").get(pk=attempt.pk)
        if attempt.submitted_at is not None:
            return Outcome.ALREADY_SUBMITTED
        items = list(attempt.items.order_by("position"))
        if now > attempt.ends_at + grace():
            # Too late: none of this post counts; the attempt ends on what was saved.
            _finish(attempt, items, at=attempt.ends_at, timed_out=True)
            return Outcome.LATE

        by_position = {item.position: item for item in items}
        errors = []
        for position, index in answers.items():
            item = by_position.get(position)
            if item is None or (index is not None and not 0 <= index < len(item.choice_order)):
                errors.append(
                    _("Question %(number)s: choose one of the answers shown.")
                    % {"number": position}
                )
        if prediction is not None and not 0 <= prediction <= MAX_PREDICTION:
            errors.append(
                _("The prediction must be a whole number from 0 to %(max)d.")
                % {"max": MAX_PREDICTION}
            )
        if errors:
            raise ValidationError(errors)

        changed = []
        for position, index in answers.items():
            item = by_position[position]
            chosen = item.choice_order[index] if index is not None else None
            if chosen != item.chosen_id:
                item.chosen_id, item.answered_at = chosen, now
                changed.append(item)
        AttemptQuestion.objects.bulk_update(changed, ["chosen", "answered_at"])
        attempt.prediction = prediction
        if finish:
            _finish(attempt, items, at=min(now, attempt.ends_at), timed_out=False)
            return Outcome.SUBMITTED
        attempt.score = _score(items)
        attempt.save(update_fields=["prediction", "score"])
        return Outcome.SAVED


def _finish(
    attempt: Attempt, items: list[AttemptQuestion], *, at: datetime.datetime, timed_out: bool
) -> None:
    attempt.submitted_at = at
    attempt.duration = at - attempt.started_at
    attempt.timed_out = timed_out
    attempt.score = _score(items)
    attempt.save(update_fields=["submitted_at", "duration", "timed_out", "score", "prediction"])


def finalize_expired(
    *,
    round: Round,
    participant: Participant | None = None,
    now: datetime.datetime | None = None,
) -> int:
    """End the round's attempts whose time ran out unsubmitted, on the answers they saved.

    Their score is already that of the saved answers (each save keeps it), so
    one UPDATE does it. Once the round is over every attempt ends, at its
    deadline or at the close, if staff moved the close earlier. Returns how
    many ended.
    """
    cutoff = (now or timezone.now()) - grace()
    unfinished = Attempt.objects.filter(round=round, submitted_at__isnull=True)
    if participant is not None:
        unfinished = unfinished.filter(participant=participant)
    if round.closes_at < cutoff:
        end = Least(F("deadline"), Value(round.closes_at, output_field=DateTimeField()))
        return unfinished.update(submitted_at=end, duration=end - F("started_at"), timed_out=True)
    return unfinished.filter(deadline__lt=cutoff).update(
        submitted_at=F("deadline"), duration=F("deadline") - F("started_at"), timed_out=True
    )


# --- Results


def publish_results(*, round: Round, by, now: datetime.datetime | None = None) -> Round:
    """Rank the closed round for good: scores recounted, real value, ranks and prizes stored.

    Scores are recounted from the saved answers, so a correction made in the
    bank after the round (a wrong answer marked correct) is taken into
    account. Publishing again recomputes everything.
    """
    now = now or timezone.now()
    # After the grace too: an answer posted at the last second may still be on its way.
    if not round.has_closed(now - grace()):
        raise ValidationError(
            _("Round %(number)d closes at %(time)s: publish its results after that.")
            % {"number": round.number, "time": when(round.closes_at)}
        )
    if round.prediction_rule == PredictionRule.MANUAL and round.prediction_actual is None:
        raise ValidationError(
            _("Enter the real value of the prediction question in the round, then publish.")
        )
    with transaction.atomic():
        round = Round.objects.select_for_update().get(pk=round.pk)
        finalize_expired(round=round, now=now)
        correct = dict(
            AttemptQuestion.objects.filter(attempt__round=round, chosen__is_correct=True)
            .values("attempt")
            .annotate(n=Count("pk"))
            .values_list("attempt", "n")
        )
        attempts = list(Attempt.objects.filter(round=round))
        for attempt in attempts:
            attempt.score = correct.get(attempt.pk, 0)
            attempt.rank = None
            attempt.prize = None
        Attempt.objects.bulk_update(attempts, ["score", "rank", "prize"])

        round.results_published_at = None  # count the real value afresh
        board = selectors.ranking(round)
        ranks = {s.attempt.pk: s for s in board.standings}
        for attempt in attempts:
            standing = ranks.get(attempt.pk)
            if standing is not None:
                attempt.rank, attempt.prize = standing.rank, standing.prize
        Attempt.objects.bulk_update(attempts, ["rank", "prize"])
        round.prediction_actual = board.actual
        round.results_published_at = now
        round.save(update_fields=["prediction_actual", "results_published_at"])
        log(instance=round, action="contests.publish_results", user=by)
    return round
