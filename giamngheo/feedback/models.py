"""Citizens' feedback and questions (phản ánh, kiến nghị, câu hỏi).

A ``Feedback`` is one report or question, sent from the portal (or an app,
through the Open311 API) or entered by staff for someone who came to the
commune office, phoned or wrote. It moves through a small state machine
(``services.py``) and keeps every step as a ``FeedbackEvent``. Categories, their
deadlines in working days and their answer templates are data.

Personal data (name, phone, e-mail, attachments) sits on ``Feedback`` and
``Attachment`` only; the published Q&A (``PublishedAnswer``) is a separate,
anonymised copy so the public pages never read a row that holds any.
"""

from __future__ import annotations

import datetime
import re
import secrets
import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from giamngheo.core.text import fold
from giamngheo.units.models import UnitLevel

# No 0/O, 1/I/L, 5/S, 2/Z look-alikes: codes are read out over the phone and copied by hand.
CODE_ALPHABET = "346789ABCDEFGHJKMNPQRTUVWXY"
CODE_LENGTH = 10
# Codes are letters and digits only: anything else typed (spaces, dashes, control
# characters that PostgreSQL refuses) is dropped.
_CODE_CLEANUP = re.compile(r"[^0-9A-Za-z]")
# A whole tag ("<b>", "</p>", "<img src=x onerror=…>"), a comment, or the start of a
# dangerous element even left unclosed, as browsers read them (a letter right after
# "<"); "< 2 triệu", "a < b và c > d" and "thu nhập <bình quân" pass.
_MARKUP = re.compile(
    r"</?[a-zA-Z][\w:-]*(\s[^<>]*)?/?>"
    r"|<!--|<!\[CDATA\["
    r"|</?(script|iframe|svg|img|object|embed|style|link|meta|form|input)\b",
    re.IGNORECASE,
)


def new_tracking_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_tracking_code(raw: str) -> str:
    """What the citizen typed, as stored: upper case, no spaces or dashes."""
    return _CODE_CLEANUP.sub("", raw or "").upper()[:32]


def reject_markup(value: str) -> None:
    """Text from the public is plain text: refuse anything that looks like HTML."""
    if value and _MARKUP.search(value):
        raise ValidationError(
            _("Write plain text only: HTML tags and scripts are not accepted."),
            code="markup",
        )


class FeedbackFileStorage(FileSystemStorage):
    """Attachments on disk outside MEDIA_ROOT, read on each use from the setting.

    Nothing serves this folder: files go to handlers through a view that checks
    the scope and logs the access.
    """

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @property
    def base_location(self):  # type: ignore[override]
        return settings.FEEDBACK_FILES_ROOT

    @property
    def location(self):  # type: ignore[override]
        import os

        return os.path.abspath(self.base_location)


def feedback_storage() -> Storage:
    """``STORAGES["feedback"]`` (e.g. a private S3 bucket) if set, else the private folder."""
    if "feedback" in settings.STORAGES:
        return storages["feedback"]
    return FeedbackFileStorage()


def attachment_path(instance: Attachment, filename: str) -> str:
    # Not guessable, and nothing of the citizen's file name is kept.
    suffix = PurePosixPath(filename).suffix.lower()[:6]
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class FeedbackCategory(models.Model):
    """A kind of feedback; ``code`` is the Open311 service_code and never changes."""

    code = models.SlugField(
        _("code"), max_length=50, unique=True, help_text=_("Stable identifier, used by the API.")
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    deadline_days = models.PositiveSmallIntegerField(
        _("deadline (working days)"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("Working days to answer, counted from the day after it is received."),
    )
    is_active = models.BooleanField(_("offered to citizens"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("feedback category")
        verbose_name_plural = _("feedback categories")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class AnswerTemplate(models.Model):
    category = models.ForeignKey(
        FeedbackCategory,
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        related_name="answer_templates",
    )
    title = models.CharField(_("title"), max_length=150)
    text = models.TextField(_("text"))
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")
        ordering = ["category__sort_order", "sort_order", "title"]

    def __str__(self) -> str:
        return f"{self.category}: {self.title}"


class FeedbackStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSIGNED = "assigned", _("Assigned to a unit")
    IN_PROGRESS = "in_progress", pgettext_lazy("feedback case status", "In progress")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", pgettext_lazy("feedback case status", "Rejected")


OPEN_STATUSES = (FeedbackStatus.RECEIVED, FeedbackStatus.ASSIGNED, FeedbackStatus.IN_PROGRESS)
DONE_STATUSES = (FeedbackStatus.ANSWERED, FeedbackStatus.CLOSED, FeedbackStatus.REJECTED)


class Channel(models.TextChoices):
    WEB = "web", _("Portal")
    API = "api", _("App (API)")
    OFFICE = "office", _("At the office")
    PHONE = "phone", _("Phone")
    HOTLINE = "hotline", _("Hotline")
    LETTER = "letter", _("Letter")


# Channels staff record on a citizen's behalf.
OFFLINE_CHANNELS = [
    (c.value, c.label) for c in (Channel.OFFICE, Channel.PHONE, Channel.HOTLINE, Channel.LETTER)
]


class FeedbackQuerySet(models.QuerySet["Feedback"]):
    def open(self) -> FeedbackQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: datetime.date | None = None) -> FeedbackQuerySet:
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def search(self, query: str) -> FeedbackQuerySet:
        """By tracking code or words of the text, with or without accents."""
        words = fold(query).split()
        queryset = self
        for word in words[:8]:
            queryset = queryset.filter(search_text__contains=word)
        return queryset


class Feedback(models.Model):
    tracking_code = models.CharField(_("tracking code"), max_length=16, unique=True, editable=False)
    category = models.ForeignKey(
        FeedbackCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    commune = models.ForeignKey(
        "units.Unit",
        verbose_name=_("commune concerned"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": UnitLevel.COMMUNE},
    )
    assigned_unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("assigned to"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=FeedbackStatus.choices,
        default=FeedbackStatus.RECEIVED,
        db_index=True,
    )
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.WEB
    )
    text = models.TextField(_("content"), validators=[reject_markup])
    address = models.CharField(
        _("address or place"), max_length=255, blank=True, validators=[reject_markup]
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    # Personal data: shown to handlers only, each view logged, anonymised after retention.
    name = models.CharField(_("name"), max_length=150, blank=True, validators=[reject_markup])
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    consent_at = models.DateTimeField(
        _("consent to data processing given at"), null=True, blank=True
    )
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    requested_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    due_on = models.DateField(_("deadline"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("assigned at"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    first_answered_at = models.DateTimeField(_("first answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    rating_comment = models.TextField(_("comment on the answer"), blank=True)
    reopen_count = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Code and text without accents, for the staff search.
    search_text = models.TextField(blank=True, editable=False)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-requested_at", "-pk"]
        permissions = [
            ("handle_feedback", _("Can handle feedback and see contact details")),
            ("assign_feedback", _("Can assign feedback to units")),
            ("publish_feedback", _("Can publish answers as public Q&A")),
        ]
        indexes = [
            models.Index(fields=["assigned_unit", "status"]),
            models.Index(fields=["status", "due_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="feedback_rating_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_code

    def save(self, *args, **kwargs) -> None:
        if not self.tracking_code:
            self.tracking_code = new_tracking_code()
            while Feedback.objects.filter(tracking_code=self.tracking_code).exists():
                self.tracking_code = new_tracking_code()
        self.search_text = f"{self.tracking_code.lower()} {fold(self.text)}"
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.commune_id and self.commune.level != UnitLevel.COMMUNE:
            errors["commune"] = _("Choose a commune or ward.")
        if self.text is not None and not self.text.strip():
            errors["text"] = _("Write your feedback or question.")
        if (self.latitude is None) != (self.longitude is None):
            errors["latitude"] = _("Give both latitude and longitude, or neither.")
        if self.has_contact and self.consent_at is None and not self.anonymised_at:
            errors["consent_at"] = _(
                "Contact details are kept only with consent to the processing of personal data."
            )
        if self.status == FeedbackStatus.REJECTED and not self.rejection_reason.strip():
            errors["rejection_reason"] = _("Give the reason for rejecting it.")
        if self.status == FeedbackStatus.ANSWERED and not self.answer.strip():
            errors["answer"] = _("Write the answer.")
        if errors:
            raise ValidationError(errors)

    @property
    def has_contact(self) -> bool:
        return bool(self.name or self.phone or self.email)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()

    def is_overdue_display(self) -> str:
        return _("Overdue") if self.is_overdue else ""

    is_overdue_display.short_description = _("overdue")  # type: ignore[attr-defined]

    @property
    def reopen_until(self) -> datetime.datetime | None:
        """The last moment the citizen may reopen an answered case."""
        if self.answered_at is None:
            return None
        return self.answered_at + datetime.timedelta(days=settings.FEEDBACK_REOPEN_DAYS)

    @property
    def can_be_reopened(self) -> bool:
        until = self.reopen_until
        return (
            self.status in (FeedbackStatus.ANSWERED, FeedbackStatus.CLOSED)
            and until is not None
            and timezone.now() <= until
        )

    @property
    def can_be_rated(self) -> bool:
        return self.status in (FeedbackStatus.ANSWERED, FeedbackStatus.CLOSED) and bool(self.answer)

    @cached_property
    def published_answer(self) -> PublishedAnswer | None:
        return PublishedAnswer.objects.filter(feedback=self).first()


class AttachmentKind(models.TextChoices):
    IMAGE = "image", _("Photo")
    PDF = "pdf", _("PDF document")


class Attachment(models.Model):
    """A photo (re-encoded, metadata removed) or a PDF; never public."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("file"), upload_to=attachment_path, storage=feedback_storage, max_length=200
    )
    kind = models.CharField(_("kind"), max_length=10, choices=AttachmentKind.choices)
    content_type = models.CharField(pgettext_lazy("file format", "content type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    created_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.feedback}: {self.get_kind_display()} {self.pk}"

    @property
    def extension(self) -> str:
        return PurePosixPath(self.file.name).suffix


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    STARTED = "started", _("Handling started")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    REJECTED = "rejected", pgettext_lazy("feedback case status", "Rejected")
    REOPENED = "reopened", _("Reopened by the citizen")
    RATED = "rated", _("Rated by the citizen")
    NOTE = "note", _("Internal note")
    PUBLISHED = "published", _("Published as Q&A")
    UNPUBLISHED = "unpublished", _("Q&A withdrawn")
    REMINDED = "reminded", _("Reminder sent")
    ANONYMISED = "anonymised", _("Contact details anonymised")


# What the citizen sees on the tracking page (never who did it, never notes).
PUBLIC_EVENTS = (
    EventKind.SUBMITTED,
    EventKind.ASSIGNED,
    EventKind.STARTED,
    EventKind.ANSWERED,
    EventKind.CLOSED,
    EventKind.REJECTED,
    EventKind.REOPENED,
)


class FeedbackEvent(models.Model):
    """One step in a case's history: a status change, a note, a rating."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=20, choices=EventKind.choices)
    at = models.DateTimeField(_("at"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status after"), max_length=20, choices=FeedbackStatus.choices)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("feedback event")
        verbose_name_plural = _("feedback history")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.feedback}: {self.get_kind_display()}"

    @property
    def is_public(self) -> bool:
        return self.kind in PUBLIC_EVENTS


class PublishedAnswer(models.Model):
    """An answer published as public Q&A: anonymised text, written by staff."""

    feedback = models.OneToOneField(
        Feedback,
        verbose_name=_("feedback"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    category = models.ForeignKey(
        FeedbackCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    question = models.TextField(_("question (anonymised)"))
    answer = models.TextField(_("answer (anonymised)"))
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_live = models.BooleanField(_("published"), default=True)
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("public question and answer")
        verbose_name_plural = _("public questions and answers")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.question[:80]

    def save(self, *args, **kwargs) -> None:
        self.search_text = fold(f"{self.question} {self.answer}")
        super().save(*args, **kwargs)


# The Open311 API keys live with the API; imported here so Django registers the model.
from .open311.models import ApiKey  # noqa: E402, F401
