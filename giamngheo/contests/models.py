"""Online knowledge contests on poverty-reduction policy (cuộc thi trực tuyến).

A ``Contest`` has ``Round``s, each open between two times, whose attempts
draw questions at random from the ``Question`` bank (each with its
``Choice``s, exactly one correct). A citizen registers once per contest as a
``Participant`` (name, commune, phone) and takes a timed ``Attempt`` at an
open round: the drawn questions, the order of their choices and the answers
are stored here, on the server (``AttemptQuestion``), which is the only
judge of what is correct and of the time.

Ranking: correct answers (more first), then duration (shorter first), then
the distance of the participant's answer to the round's prediction question
from the real value, then submission time (``selectors.ranking``).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from giamngheo.feedback.models import reject_markup
from giamngheo.units.models import Unit

from .phones import display_phone, validate_phone

MAX_PREDICTION = 1_000_000
# Addresses under /cuoc-thi/ that are not contests (contests/urls.py).
RESERVED_SLUGS = {"bai-thi"}


class Contest(models.Model):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("address"),
        max_length=80,
        unique=True,
        help_text=_("The contest's web address: /cuoc-thi/<address>/ (letters without accents)."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    rules = RichTextField(_("rules"), blank=True, features=["bold", "italic", "ol", "ul", "link"])
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the portal at /cuoc-thi/.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is reserved; choose another.")})


class Question(ClusterableModel):
    """A question of the bank, shared by every contest; rounds draw from it."""

    text = models.TextField(_("question"), validators=[reject_markup])
    topic = models.CharField(
        _("topic"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("A tag, e.g. “Chính sách tín dụng”; a round can draw from one topic only."),
    )
    explanation = models.TextField(
        _("explanation"),
        blank=True,
        validators=[reject_markup],
        help_text=_("Shown with the correct answer after the round closes, e.g. the legal basis."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Only active questions are drawn.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("question bank")
        ordering = ["topic", "pk"]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"


class Choice(Orderable):
    question = ParentalKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    text = models.CharField(_("answer"), max_length=500, validators=[reject_markup])
    is_correct = models.BooleanField(_("correct"), default=False)

    class Meta(Orderable.Meta):
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return self.text


def default_prediction_question() -> str:
    return gettext("How many participants will answer every question correctly?")


class PredictionRule(models.TextChoices):
    PERFECT = "perfect", _("Participants with every answer correct (counted at close)")
    PARTICIPANTS = "participants", _("Participants who submitted (counted at close)")
    MANUAL = "manual", _("A value staff enter at close")


class RoundQuerySet(models.QuerySet["Round"]):
    def open_at(self, now: datetime.datetime) -> RoundQuerySet:
        return self.filter(opens_at__lte=now, closes_at__gt=now)


class Round(ClusterableModel):
    contest = models.ForeignKey(
        Contest, on_delete=models.CASCADE, related_name="rounds", verbose_name=_("contest")
    )
    number = models.PositiveSmallIntegerField(_("round number"), default=1)
    title = models.CharField(_("title"), max_length=255, blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    time_limit_seconds = models.PositiveIntegerField(
        _("time limit (seconds)"),
        default=600,
        validators=[MinValueValidator(30), MaxValueValidator(4 * 3600)],
        help_text=_("An attempt also ends when the round closes, whichever comes first."),
    )
    topic = models.CharField(
        _("draw from topic"),
        max_length=100,
        blank=True,
        help_text=_("Empty: draw from every active question of the bank."),
    )
    prediction_question = models.CharField(
        _("prediction question"),
        max_length=255,
        default=default_prediction_question,
        validators=[reject_markup],
        help_text=_("Breaks ties: the closest answer to the real value ranks first."),
    )
    prediction_rule = models.CharField(
        _("real value of the prediction"),
        max_length=20,
        choices=PredictionRule.choices,
        default=PredictionRule.PERFECT,
    )
    prediction_actual = models.PositiveIntegerField(
        _("real value"),
        null=True,
        blank=True,
        help_text=_("Enter it before publishing the results when the rule says staff enter it."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts per participant"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("With more than one, a participant's best attempt counts."),
    )
    results_published_at = models.DateTimeField(
        _("results published"), null=True, blank=True, editable=False
    )

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["contest", "number"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "number"], name="contest_round_number"),
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="round_closes_after_opening"
            ),
        ]

    def __str__(self) -> str:
        label = gettext("Round %(number)d") % {"number": self.number}
        return f"{label}: {self.title}" if self.title else label

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The round must close after it opens.")})

    def is_upcoming(self, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) < self.opens_at

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_closed(self, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    @property
    def time_limit(self) -> datetime.timedelta:
        return datetime.timedelta(seconds=self.time_limit_seconds)


class PrizeTier(Orderable):
    """One prize of a round and how many win it (first prize 1, second 2…), in order."""

    round = ParentalKey(Round, on_delete=models.CASCADE, related_name="prize_tiers")
    name = models.CharField(_("prize"), max_length=100)
    winners = models.PositiveSmallIntegerField(
        _("number of winners"), default=1, validators=[MinValueValidator(1)]
    )

    class Meta(Orderable.Meta):
        verbose_name = _("prize")
        verbose_name_plural = _("prizes")

    def __str__(self) -> str:
        return self.name


def short_name(name: str) -> str:
    """A name as the public leaderboard shows it: “Nguyễn Văn An” → “Nguyễn V. A.”."""
    words = name.split()
    if len(words) <= 1:
        return name.strip()
    return " ".join([words[0], *(f"{word[0].upper()}." for word in words[1:])])


class Participant(models.Model):
    contest = models.ForeignKey(
        Contest, on_delete=models.PROTECT, related_name="participants", verbose_name=_("contest")
    )
    name = models.CharField(_("full name"), max_length=150, validators=[reject_markup])
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("commune or ward")
    )
    phone = models.CharField(_("phone"), max_length=11, validators=[validate_phone])
    email = models.EmailField(_("e-mail"), blank=True)
    consent_at = models.DateTimeField(_("consent given"))
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["-registered_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "phone"], name="contest_participant_phone")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def short_name(self) -> str:
        return short_name(self.name)

    @property
    def phone_display(self) -> str:
        return display_phone(self.phone)


class Attempt(models.Model):
    """One timed go at a round. ``deadline`` is the server's, set at the start."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.PROTECT,
        related_name="attempts",
        verbose_name=_("participant"),
    )
    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, related_name="attempts", verbose_name=_("round")
    )
    seed = models.PositiveIntegerField(_("draw seed"), editable=False)
    started_at = models.DateTimeField(_("started"))
    deadline = models.DateTimeField(_("deadline"))
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    timed_out = models.BooleanField(
        _("ended by the time limit"), default=False, help_text=_("Not submitted in time.")
    )
    score = models.PositiveSmallIntegerField(_("correct answers"), default=0)
    duration = models.DurationField(_("duration"), null=True, blank=True)
    prediction = models.PositiveIntegerField(
        _("prediction"), null=True, blank=True, validators=[MaxValueValidator(MAX_PREDICTION)]
    )
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    prize = models.ForeignKey(
        PrizeTier,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prize"),
    )

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-started_at", "-pk"]
        indexes = [
            models.Index(fields=["round", "submitted_at"]),
            models.Index(fields=["participant", "round"]),
        ]

    def __str__(self) -> str:
        return f"{self.participant} – {self.round}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def ends_at(self) -> datetime.datetime:
        """The deadline, or the round's close if staff moved it earlier since the start."""
        return min(self.deadline, self.round.closes_at)

    def seconds_left(self, now: datetime.datetime | None = None) -> int:
        return max(0, int((self.ends_at - (now or timezone.now())).total_seconds()))


class AttemptQuestion(models.Model):
    """A drawn question of an attempt, the order its choices were shown in, and the answer."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("position"))
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="draws")
    choice_order = models.JSONField(_("order of the choices"), default=list)
    chosen = models.ForeignKey(
        Choice, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("drawn question")
        verbose_name_plural = _("drawn questions")
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "position"], name="attempt_question_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.position}"
