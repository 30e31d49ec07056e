"""Background work on feedback: notifications and the daily reminder (django-tasks).

Services queue these after their transaction commits, so a rolled-back change
never sends anything. Citizens get an e-mail and/or a text message; staff get
e-mails.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from giamngheo.accounts.models import User
from giamngheo.core.links import public_url_for
from giamngheo.units.models import UnitLevel

from . import sms
from .models import EventKind, Feedback, FeedbackEvent

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def track_url(feedback: Feedback) -> str:
    return public_url_for("feedback:track_case", feedback.tracking_code)


def case_url(feedback: Feedback) -> str:
    return public_url_for("feedback_case", feedback.pk)


def _citizen_message(feedback: Feedback, kind: str) -> tuple[str, str] | None:
    values = {"code": feedback.tracking_code, "url": track_url(feedback)}
    if kind == EventKind.SUBMITTED:
        short = _("Your feedback was received. Tracking code: %(code)s. Follow it at %(url)s")
        subject = _("Feedback received: %(code)s")
    elif kind == EventKind.ANSWERED:
        short = _("Your feedback %(code)s has been answered. Read the answer at %(url)s")
        subject = _("Feedback answered: %(code)s")
    elif kind == EventKind.REJECTED:
        short = _("Your feedback %(code)s was not accepted. The reason is at %(url)s")
        subject = _("Feedback not accepted: %(code)s")
    else:
        return None
    return subject % values, short % values


@task()
def notify_citizen(feedback_id: int, kind: str) -> int:
    """Tell the citizen about a change of their case; returns the messages sent."""
    feedback = Feedback.objects.filter(pk=feedback_id, anonymised_at__isnull=True).first()
    if feedback is None:
        return 0
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        message = _citizen_message(feedback, kind)
        if message is None:
            return 0
        subject, text = message
        if feedback.email:
            sent += send_mail(subject, text, None, [feedback.email])
        if feedback.phone:
            sent += sms.send_sms(feedback.phone, text)
    return sent


def handlers_of(unit_codes: set[str], permission: str = "feedback.handle_feedback") -> QuerySet:
    """Active staff of these units (by code, across map versions) holding ``permission``."""
    return (
        User.objects.with_perm(permission, backend=MODEL_BACKEND, include_superusers=False)
        .filter(is_active=True, unit__code__in=unit_codes)
        .exclude(email="")
        .select_related("unit")
    )


def province_assigners() -> QuerySet:
    return (
        User.objects.with_perm(
            "feedback.assign_feedback", backend=MODEL_BACKEND, include_superusers=False
        )
        .filter(is_active=True, unit__level=UnitLevel.PROVINCE)
        .exclude(email="")
    )


@task()
def notify_unit(feedback_id: int, kind: str) -> int:
    """E-mail the staff who must act: the assigned unit, or the province if nobody is."""
    feedback = Feedback.objects.select_related("assigned_unit").filter(pk=feedback_id).first()
    if feedback is None:
        return 0
    if feedback.assigned_unit is not None:
        recipients = handlers_of({feedback.assigned_unit.code})
    else:
        recipients = province_assigners()
    emails = sorted({user.email for user in recipients})
    if not emails:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        values = {
            "code": feedback.tracking_code,
            "url": case_url(feedback),
            "due": feedback.due_on.strftime("%d/%m/%Y") if feedback.due_on else "",
        }
        if kind == EventKind.ASSIGNED:
            subject = _("Feedback %(code)s assigned to your unit") % values
            body = _("Feedback %(code)s has been assigned to your unit; answer by %(due)s.")
        elif kind == EventKind.REOPENED:
            subject = _("Feedback %(code)s reopened by the citizen") % values
            body = _("The citizen reopened feedback %(code)s; answer again by %(due)s.")
        else:
            subject = _("New feedback %(code)s to assign") % values
            body = _("New feedback %(code)s has arrived and is not assigned to any unit yet.")
        body = (body + "\n\n%(url)s") % values
        send_mail(subject, body, None, emails)
    return len(emails)


@task()
def notify_submitted(feedback_id: int, citizen: bool, unit: bool) -> int:
    """A new case: the citizen's receipt and the alert to the staff, queued as one task.

    One task rather than two: queueing is a database row, and a new case is
    the one write that citizens make many of at once.
    """
    sent = 0
    if citizen:
        sent += notify_citizen.call(feedback_id, EventKind.SUBMITTED)
    if unit:
        sent += notify_unit.call(feedback_id, EventKind.SUBMITTED)
    return sent


@task()
def send_feedback_reminders() -> int:
    """Daily: e-mail each unit its overdue cases, and close answered cases past reopening.

    Overdue cases of no unit go to the province staff who assign. Returns the
    number of e-mails sent. Schedule it every morning (docs/operations.md).
    """
    from . import services
    from .selectors import overdue_cases

    services.close_answered_after_window()
    today = timezone.localdate()
    by_unit: dict[str | None, list[Feedback]] = defaultdict(list)
    for feedback in overdue_cases(today):
        by_unit[feedback.assigned_unit.code if feedback.assigned_unit else None].append(feedback)
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for code, cases in by_unit.items():
            recipients = handlers_of({code}) if code else province_assigners()
            emails = sorted({user.email for user in recipients})
            if not emails:
                continue
            lines = "\n".join(
                f"- {c.tracking_code} ({c.category.name}), "
                + _("deadline %(date)s") % {"date": c.due_on.strftime("%d/%m/%Y")}
                + f": {case_url(c)}"
                for c in cases
            )
            subject = _("%(count)d overdue feedback cases") % {"count": len(cases)}
            body = _(
                "These feedback cases have passed their deadline without an answer:\n\n%(lines)s"
            ) % {"lines": lines}
            send_mail(subject, body, None, emails)
            FeedbackEvent.objects.bulk_create(
                FeedbackEvent(feedback=c, kind=EventKind.REMINDED, status=c.status) for c in cases
            )
            sent += 1
    return sent
