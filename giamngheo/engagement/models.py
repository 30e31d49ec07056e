"""Policy dialogues (đối thoại chính sách) and the portal's polls (thăm dò ý kiến).

A dialogue is a portal page (``pages.py``), written and published through the
portal's moderation workflow. Citizens' questions to it are rows here: a
question waits for the staff of the dialogue's unit to publish it
(pre-moderation), and after the dialogue they answer it in the admin.

Upvotes and votes keep no personal data: only a keyed hash of a random token
that the visitor's browser holds in a signed cookie (``voters.py``). One row
per token and question (or poll), enforced by a unique constraint.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from giamngheo.core.text import fold
from giamngheo.feedback.models import reject_markup

MAX_QUESTION_LENGTH = 2000
MAX_NAME_LENGTH = 100
MAX_ANSWER_LENGTH = 10_000


def plain_text(value: str) -> None:
    """Text from the public is plain text (the feedback channel's rule, shared)."""
    reject_markup(value)


class QuestionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    PUBLISHED = "published", pgettext_lazy("dialogue question", "Published")
    HIDDEN = "hidden", _("Hidden")


class DialogueQuestionQuerySet(models.QuerySet["DialogueQuestion"]):
    def published(self) -> DialogueQuestionQuerySet:
        return self.filter(status=QuestionStatus.PUBLISHED)

    def with_upvotes(self) -> DialogueQuestionQuerySet:
        return self.annotate(upvote_count=models.Count("upvotes"))


class DialogueQuestion(models.Model):
    dialogue = models.ForeignKey(
        "engagement.PolicyDialogue",
        verbose_name=_("dialogue"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    text = models.TextField(
        _("question"), validators=[plain_text, MaxLengthValidator(MAX_QUESTION_LENGTH)]
    )
    name = models.CharField(
        _("name"),
        max_length=MAX_NAME_LENGTH,
        blank=True,
        validators=[plain_text],
        help_text=_("Shown with the question; empty for an anonymous question."),
    )
    commune = models.ForeignKey(
        "units.Unit",
        verbose_name=_("commune or ward"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=QuestionStatus.choices,
        default=QuestionStatus.PENDING,
        help_text=_("Only published questions show on the portal."),
    )
    answer = models.TextField(
        _("answer"),
        blank=True,
        validators=[MaxLengthValidator(MAX_ANSWER_LENGTH)],
        help_text=_("Shown on the dialogue's page once the dialogue has been held."),
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    created_at = models.DateTimeField(_("received at"), default=timezone.now, editable=False)
    # Folded text and name: the admin search finds "ho tro" in "hỗ trợ".
    search_text = models.TextField(blank=True, editable=False)

    objects = DialogueQuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("dialogue question")
        verbose_name_plural = _("dialogue questions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["dialogue", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=QuestionStatus.values),
                name="dialogue_question_status_valid",
            )
        ]

    def __str__(self) -> str:
        return Truncator(self.text).chars(80)

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold(f"{self.text} {self.name}")
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == QuestionStatus.PUBLISHED

    @property
    def is_answered(self) -> bool:
        return bool(self.answer)


class Upvote(models.Model):
    """One browser agreeing with one published question."""

    question = models.ForeignKey(DialogueQuestion, on_delete=models.CASCADE, related_name="upvotes")
    voter_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("upvote")
        constraints = [
            models.UniqueConstraint(fields=["question", "voter_hash"], name="upvote_once")
        ]

    def __str__(self) -> str:
        return f"+1 #{self.question_id}"


# --- Polls


class PollQuerySet(models.QuerySet["Poll"]):
    def public(self, now: datetime.datetime | None = None) -> PollQuerySet:
        """Polls visitors may see: active and opened (closed ones keep their results)."""
        return self.filter(is_active=True, opens_at__lte=now or timezone.now())

    def open(self, now: datetime.datetime | None = None) -> PollQuerySet:
        now = now or timezone.now()
        still_open = models.Q(closes_at__isnull=True) | models.Q(closes_at__gt=now)
        return self.public(now).filter(still_open)


class PollState(models.TextChoices):
    INACTIVE = "inactive", _("Off the portal")
    SCHEDULED = "scheduled", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Poll(ClusterableModel):
    question = models.CharField(_("question"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(
        _("closes at"), null=True, blank=True, help_text=_("Empty: open until you close it.")
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to take the poll off the portal at once.")
    )
    show_on_home_page = models.BooleanField(
        _("show on the home page"),
        default=True,
        help_text=_("The home page shows the latest open poll that has this ticked."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = PollQuerySet.as_manager()

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["-opens_at", "-pk"]

    def __str__(self) -> str:
        return self.question

    def clean(self) -> None:
        super().clean()
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The poll must close after it opens.")})

    def state(self, now: datetime.datetime | None = None) -> str:
        now = now or timezone.now()
        if not self.is_active:
            return PollState.INACTIVE
        if self.opens_at > now:
            return PollState.SCHEDULED
        if self.closes_at is not None and self.closes_at <= now:
            return PollState.CLOSED
        return PollState.OPEN

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        return self.state(now) == PollState.OPEN

    def get_state_display(self) -> str:
        return str(PollState(self.state()).label)

    get_state_display.short_description = _("state")  # type: ignore[attr-defined]


class PollChoice(Orderable):
    poll = ParentalKey(Poll, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("answer"), max_length=200)

    class Meta(Orderable.Meta):
        verbose_name = _("answer choice")
        verbose_name_plural = _("answer choices")

    def __str__(self) -> str:
        return self.text


class Vote(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    # RESTRICT, not PROTECT: a poll is deleted with its choices and votes, but a
    # choice that has votes cannot be removed alone (the poll form says so first).
    choice = models.ForeignKey(PollChoice, on_delete=models.RESTRICT, related_name="votes")
    voter_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        constraints = [models.UniqueConstraint(fields=["poll", "voter_hash"], name="vote_once")]

    def __str__(self) -> str:
        return f"{self.poll_id}: {self.choice_id}"


# The page types live in their own module, imported here so Django finds them.
from .pages import DialogueIndexPage, DialogueOfficial, PolicyDialogue  # noqa: E402

__all__ = [
    "DialogueIndexPage",
    "DialogueOfficial",
    "DialogueQuestion",
    "PolicyDialogue",
    "Poll",
    "PollChoice",
    "QuestionStatus",
    "Upvote",
    "Vote",
]
