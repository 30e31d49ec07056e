"""Every write to a feedback case: its state machine, in one place.

    received ──assign──▶ assigned ──start──▶ in progress ──answer──▶ answered ──close──▶ closed
        │                  ▲   │                 │                      │  ▲
        │                  └───┴── reassign ─────┘                      │  └ (reopen window over)
        └──────────── reject (with a reason), from any open state ──────┼──▶ rejected
                                   citizen reopens within N days ◀──────┘

Each function is one transaction, validates the record with ``full_clean``,
records a ``FeedbackEvent`` and queues notifications after commit. The
portal views, the admin views and the Open311 API all call these.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from giamngheo.units.models import Unit

from . import selectors
from .models import (
    DONE_STATUSES,
    OPEN_STATUSES,
    Attachment,
    Channel,
    EventKind,
    Feedback,
    FeedbackCategory,
    FeedbackEvent,
    FeedbackStatus,
    PublishedAnswer,
    new_tracking_code,
    reject_markup,
)
from .uploads import CleanFile
from .workdays import add_working_days

# Bump when the consent text on the form changes: each case keeps the version it agreed to.
CONSENT_VERSION = "2026-01"
CITIZEN_CHANNELS = (Channel.WEB, Channel.API)
# A new code is drawn when the one drawn is taken (about 1 in 10^14 per case).
CODE_ATTEMPTS = 5


def _record(
    feedback: Feedback, kind: str, *, by=None, text: str = "", unit: Unit | None = None
) -> FeedbackEvent:
    return FeedbackEvent.objects.create(
        feedback=feedback, kind=kind, by=by, status=feedback.status, text=text, unit=unit
    )


def _notify_citizen(feedback: Feedback, kind: str) -> None:
    from .tasks import notify_citizen

    if feedback.phone or feedback.email:
        transaction.on_commit(lambda: notify_citizen.enqueue(feedback.pk, kind))


def _notify_unit(feedback: Feedback, kind: str) -> None:
    from .tasks import notify_unit

    transaction.on_commit(lambda: notify_unit.enqueue(feedback.pk, kind))


def _notify_submitted(feedback: Feedback) -> None:
    """The citizen's receipt and the province's alert, queued as one task (one row)."""
    from .tasks import notify_submitted

    citizen = bool(feedback.phone or feedback.email)
    unit = feedback.assigned_unit_id is None
    if citizen or unit:
        transaction.on_commit(lambda: notify_submitted.enqueue(feedback.pk, citizen, unit))


def _check_visible(by, feedback: Feedback) -> None:
    if not selectors.feedback_visible_to(by).filter(pk=feedback.pk).exists():
        raise PermissionDenied


def _check_handler(by, feedback: Feedback) -> None:
    if not selectors.can_handle(by):
        raise PermissionDenied
    _check_visible(by, feedback)


@contextmanager
def _changing(feedback: Feedback) -> Iterator[None]:
    """Lock the row and load its current state; a refused change leaves it as stored.

    Two officers acting at once: the second one sees the first one's status.
    """
    locked = Feedback.objects.select_for_update().get(pk=feedback.pk)
    for field in Feedback._meta.concrete_fields:
        setattr(feedback, field.attname, getattr(locked, field.attname))
    try:
        yield
    except ValidationError:
        feedback.refresh_from_db()
        raise


def _require_status(feedback: Feedback, allowed: Sequence[str], message: str) -> None:
    if feedback.status not in allowed:
        raise ValidationError(message)


def _plain(value: str, field: str) -> str:
    value = (value or "").strip()
    try:
        reject_markup(value)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None
    return value


def deadline_for(category: FeedbackCategory, received: datetime.date) -> datetime.date:
    return add_working_days(received, category.deadline_days)


def submit_feedback(
    *,
    category: FeedbackCategory,
    commune: Unit,
    text: str,
    channel: str = Channel.WEB,
    consent: bool = False,
    name: str = "",
    phone: str = "",
    email: str = "",
    address: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    attachments: Sequence[CleanFile] = (),
    entered_by=None,
) -> Feedback:
    """A new case, from a citizen (portal, app) or entered by staff for one.

    Citizens must consent to the processing of their personal data; staff
    entering a case record that the citizen consented when contact details
    are given. A staff member below the province gets the case assigned to
    their own unit, so it is theirs to handle (and stays in their view).
    """
    if channel in CITIZEN_CHANNELS and not consent:
        raise ValidationError(
            {"consent": _("Tick the box to agree to the processing of your personal data.")}
        )
    if entered_by is not None and not entered_by.has_perm("feedback.add_feedback"):
        raise PermissionDenied
    fields = {
        "category": category,
        "commune": commune,
        "text": text,
        "channel": channel,
        "name": name,
        "phone": phone,
        "email": email,
        "address": address,
        "latitude": latitude,
        "longitude": longitude,
    }
    for attempt in range(CODE_ATTEMPTS):
        code = new_tracking_code()
        try:
            return _store(code, fields, consent, entered_by, attachments)
        except IntegrityError:
            # The INSERT is what checks that the code is free (no query before it):
            # only a code taken meanwhile is worth another draw.
            taken = Feedback.objects.filter(tracking_code=code).exists()
            if attempt + 1 == CODE_ATTEMPTS or not taken:
                raise
    raise AssertionError("unreachable")


def _store(
    code: str, fields: dict, consent: bool, entered_by, attachments: Sequence[CleanFile]
) -> Feedback:
    stored: list[str] = []
    try:
        with transaction.atomic():
            feedback = _create(tracking_code=code, consent=consent, entered_by=entered_by, **fields)
            for clean in attachments:
                attachment = Attachment(
                    feedback=feedback,
                    kind=clean.kind,
                    content_type=clean.content_type,
                    size=clean.size,
                )
                attachment.file.save(clean.content.name, clean.content, save=False)
                stored.append(attachment.file.name)
                attachment.full_clean()
                attachment.save()
    except BaseException:
        # The rows are rolled back; the files written so far must go too.
        storage = Attachment._meta.get_field("file").storage
        for name_ in stored:
            storage.delete(name_)
        raise
    return feedback


def _create(*, entered_by, consent: bool, **fields) -> Feedback:
    """The case and its first event, in as few queries as the rules allow.

    The category and the commune arrive as rows already read (the form or the
    API looked them up), so they are checked here in memory rather than read
    again by ``full_clean``; the tracking code's uniqueness and the rating's
    range are the database's to enforce (a unique index, a CHECK constraint).
    """
    now = timezone.now()
    fields["text"] = (fields["text"] or "").strip()
    for key in ("name", "phone", "email", "address"):
        fields[key] = (fields[key] or "").strip()
    feedback = Feedback(
        **fields,
        entered_by=entered_by,
        requested_at=now,
        consent_at=now if consent else None,
        consent_version=CONSENT_VERSION if consent else "",
    )
    category, commune = fields["category"], fields["commune"]
    if category is None or commune is None:
        raise ValidationError(
            {
                name: _("This field is required.")
                for name, value in (("category", category), ("commune", commune))
                if value is None
            }
        )
    if not category.is_active:
        raise ValidationError({"category": _("This category is no longer offered.")})
    if not commune.is_in_force(timezone.localdate(now)):
        raise ValidationError({"commune": _("This commune no longer exists under this name.")})
    feedback.due_on = deadline_for(category, timezone.localdate(now))
    # Model.clean checks that the commune is a commune; the foreign keys point at
    # the rows just checked, so their existence queries are left out.
    feedback.full_clean(
        exclude=["category", "commune"], validate_unique=False, validate_constraints=False
    )
    feedback.save(force_insert=True)
    _record(feedback, EventKind.SUBMITTED, by=entered_by)
    own_unit = getattr(entered_by, "unit", None)
    if (
        entered_by is not None
        and own_unit is not None
        and not selectors.scoping.is_province_wide(entered_by)
    ):
        feedback.assigned_unit = own_unit
        feedback.assigned_at = now
        feedback.status = FeedbackStatus.ASSIGNED
        feedback.save(update_fields=["assigned_unit", "assigned_at", "status", "updated_at"])
        _record(feedback, EventKind.ASSIGNED, by=entered_by, unit=own_unit)
    _notify_submitted(feedback)
    return feedback


@transaction.atomic
def assign_feedback(*, feedback: Feedback, unit: Unit, by, note: str = "") -> Feedback:
    """Assign (or reassign) an open case to a unit the user may assign to."""
    if not selectors.can_assign(by):
        raise PermissionDenied
    _check_visible(by, feedback)
    with _changing(feedback):
        _require_status(feedback, OPEN_STATUSES, _("Only an open case can be assigned."))
        if not selectors.assignable_units(by).filter(pk=unit.pk).exists():
            raise ValidationError({"unit": _("You cannot assign cases to this unit.")})
        if feedback.assigned_unit_id == unit.pk:
            raise ValidationError({"unit": _("The case is already assigned to this unit.")})
        feedback.assigned_unit = unit
        feedback.assigned_at = timezone.now()
        feedback.status = FeedbackStatus.ASSIGNED
        feedback.full_clean()
        feedback.save()
    _record(feedback, EventKind.ASSIGNED, by=by, unit=unit, text=note.strip())
    _notify_unit(feedback, EventKind.ASSIGNED)
    return feedback


@transaction.atomic
def start_feedback(*, feedback: Feedback, by) -> Feedback:
    _check_handler(by, feedback)
    with _changing(feedback):
        _require_status(
            feedback,
            [FeedbackStatus.ASSIGNED],
            _("Only a case assigned to a unit can be started."),
        )
        feedback.status = FeedbackStatus.IN_PROGRESS
        feedback.full_clean()
        feedback.save()
    _record(feedback, EventKind.STARTED, by=by)
    return feedback


@transaction.atomic
def answer_feedback(*, feedback: Feedback, answer: str, by) -> Feedback:
    """Answer the citizen; they are told, and may rate it or reopen the case."""
    _check_handler(by, feedback)
    with _changing(feedback):
        _require_status(
            feedback,
            [FeedbackStatus.ASSIGNED, FeedbackStatus.IN_PROGRESS],
            _("Assign the case to a unit before answering it."),
        )
        now = timezone.now()
        feedback.answer = (answer or "").strip()
        feedback.status = FeedbackStatus.ANSWERED
        feedback.answered_at = now
        feedback.first_answered_at = feedback.first_answered_at or now
        feedback.answered_by = by
        feedback.full_clean()
        feedback.save()
    _record(feedback, EventKind.ANSWERED, by=by, text=feedback.answer)
    _notify_citizen(feedback, EventKind.ANSWERED)
    return feedback


@transaction.atomic
def close_feedback(*, feedback: Feedback, by=None) -> Feedback:
    """Close an answered case (staff, or the system once the reopen window is over)."""
    if by is not None:
        _check_handler(by, feedback)
    with _changing(feedback):
        _require_status(
            feedback, [FeedbackStatus.ANSWERED], _("Only an answered case can be closed.")
        )
        feedback.status = FeedbackStatus.CLOSED
        feedback.closed_at = timezone.now()
        feedback.full_clean()
        feedback.save()
    _record(feedback, EventKind.CLOSED, by=by)
    return feedback


@transaction.atomic
def reject_feedback(*, feedback: Feedback, reason: str, by) -> Feedback:
    """Refuse an open case (abusive, not about the programme, a duplicate…) with a reason."""
    _check_handler(by, feedback)
    with _changing(feedback):
        _require_status(feedback, OPEN_STATUSES, _("Only an open case can be rejected."))
        feedback.status = FeedbackStatus.REJECTED
        feedback.rejection_reason = (reason or "").strip()
        feedback.closed_at = timezone.now()
        feedback.full_clean()
        feedback.save()
    _record(feedback, EventKind.REJECTED, by=by, text=feedback.rejection_reason)
    _notify_citizen(feedback, EventKind.REJECTED)
    return feedback


@transaction.atomic
def add_note(*, feedback: Feedback, text: str, by) -> FeedbackEvent:
    """An internal note: handlers read it, the citizen never does."""
    _check_handler(by, feedback)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the note.")})
    return _record(feedback, EventKind.NOTE, by=by, text=text)


@transaction.atomic
def reopen_feedback(*, feedback: Feedback, reason: str) -> Feedback:
    """The citizen says the answer did not resolve it, within the reopen window."""
    with _changing(feedback):
        if not feedback.can_be_reopened:
            raise ValidationError(_("This case can no longer be reopened."))
        reason = _plain(reason, "reason")
        if not reason:
            raise ValidationError({"reason": _("Say why the answer did not resolve it.")})
        if len(reason) > 2000:
            raise ValidationError({"reason": _("Keep it under 2000 characters.")})
        feedback.status = (
            FeedbackStatus.IN_PROGRESS if feedback.assigned_unit_id else FeedbackStatus.RECEIVED
        )
        feedback.reopen_count += 1
        feedback.closed_at = None
        feedback.due_on = deadline_for(feedback.category, timezone.localdate())
        feedback.full_clean()
        feedback.save()
    _record(feedback, EventKind.REOPENED, text=reason)
    _notify_unit(feedback, EventKind.REOPENED)
    return feedback


@transaction.atomic
def rate_feedback(*, feedback: Feedback, rating: int, comment: str = "") -> Feedback:
    """The citizen rates the answer from 1 (not useful) to 5 (very useful)."""
    with _changing(feedback):
        if not feedback.can_be_rated:
            raise ValidationError(_("Only an answer can be rated."))
        feedback.rating = rating
        feedback.rating_comment = _plain(comment, "comment")[:2000]
        feedback.full_clean()
        feedback.save()
    _record(feedback, EventKind.RATED, text=str(rating))
    return feedback


@transaction.atomic
def publish_answer(*, feedback: Feedback, question: str, answer: str, by) -> PublishedAnswer:
    """Publish the case as public Q&A, in text the staff member has anonymised."""
    if not selectors.can_publish(by):
        raise PermissionDenied
    _check_visible(by, feedback)
    _require_status(
        feedback,
        [FeedbackStatus.ANSWERED, FeedbackStatus.CLOSED],
        _("Only an answered case can be published."),
    )
    published, _created = PublishedAnswer.objects.get_or_create(
        feedback=feedback,
        defaults={"category": feedback.category, "question": question, "answer": answer},
    )
    published.category = feedback.category
    published.question = (question or "").strip()
    published.answer = (answer or "").strip()
    published.is_live = True
    published.published_at = timezone.now()
    published.published_by = by
    published.full_clean()
    published.save()
    _record(feedback, EventKind.PUBLISHED, by=by)
    return published


@transaction.atomic
def unpublish_answer(*, feedback: Feedback, by) -> None:
    if not selectors.can_publish(by):
        raise PermissionDenied
    _check_visible(by, feedback)
    updated = PublishedAnswer.objects.filter(feedback=feedback, is_live=True).update(is_live=False)
    if updated:
        _record(feedback, EventKind.UNPUBLISHED, by=by)


def close_answered_after_window(now: datetime.datetime | None = None) -> int:
    """Close the answered cases the citizen can no longer reopen; returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.FEEDBACK_REOPEN_DAYS)
    closed = 0
    for feedback in Feedback.objects.filter(status=FeedbackStatus.ANSWERED, answered_at__lt=cutoff):
        close_feedback(feedback=feedback)
        closed += 1
    return closed


def anonymise_old_feedback(*, days: int, now: datetime.datetime | None = None) -> int:
    """Erase the contact details and attachments of finished cases older than ``days``.

    A case counts from when it was closed, rejected or (if never closed) last
    answered. The text stays (staff anonymise what they publish); the history
    keeps that the data was erased.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    cases = Feedback.objects.filter(status__in=DONE_STATUSES, anonymised_at__isnull=True).filter(
        _finished_before(cutoff)
    )
    count = 0
    for feedback in cases.iterator():
        with transaction.atomic():
            files = [a.file.name for a in feedback.attachments.all()]
            feedback.attachments.all().delete()
            feedback.name = feedback.phone = feedback.email = ""
            feedback.anonymised_at = now
            feedback.save()
            _record(feedback, EventKind.ANONYMISED)
            storage = Attachment._meta.get_field("file").storage
            transaction.on_commit(lambda files=files, storage=storage: _delete(storage, files))
        count += 1
    return count


def _finished_before(cutoff: datetime.datetime) -> Q:
    return Q(closed_at__lt=cutoff) | Q(closed_at__isnull=True, answered_at__lt=cutoff)


def _delete(storage, names: list[str]) -> None:
    for name in names:
        storage.delete(name)
