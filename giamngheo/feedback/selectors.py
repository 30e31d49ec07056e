"""Reads over feedback: what a staff member may see, the public Q&A, the reports.

Scoping follows ``accounts.scoping`` (the one policy): a district or commune
officer sees the cases *assigned* to the units that policy gives them; those
who see the whole province also see the cases not yet assigned to anyone,
for the communes of their province.
"""

from __future__ import annotations

import datetime
from collections import OrderedDict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from giamngheo.accounts import scoping
from giamngheo.core.text import fold
from giamngheo.units.models import Unit, UnitLevel, UnitQuerySet

from .models import (
    AnswerTemplate,
    Feedback,
    FeedbackCategory,
    FeedbackEvent,
    FeedbackStatus,
    PublishedAnswer,
    normalise_tracking_code,
)


def feedback_visible_to(user) -> QuerySet[Feedback]:
    """Every case ``user`` may see (nothing for anonymous or unit-less users)."""
    queryset = Feedback.objects.all()
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.is_superuser:
        return queryset
    if scoping.is_province_wide(user):
        units = scoping.units_visible_to(user)
        return queryset.filter(Q(assigned_unit__in=units) | Q(commune__in=units))
    return scoping.scope(queryset, user, unit_field="assigned_unit")


def get_visible_or_404(user, pk) -> Feedback:
    """The case, or 404 when it does not exist *or* is outside the user's scope."""
    try:
        return (
            feedback_visible_to(user)
            .select_related("category", "commune", "assigned_unit", "answered_by", "entered_by")
            .get(pk=pk)
        )
    except (Feedback.DoesNotExist, ValueError, TypeError) as error:
        raise Http404 from error


def can_handle(user) -> bool:
    """May take actions on the cases in scope and read contact details."""
    return user.has_perm("feedback.handle_feedback")


def can_assign(user) -> bool:
    """Province staff assign to any unit, district officers to their communes; communes don't."""
    if not user.has_perm("feedback.assign_feedback"):
        return False
    return user.is_superuser or (user.unit is not None and user.unit.level != UnitLevel.COMMUNE)


def can_publish(user) -> bool:
    return user.has_perm("feedback.publish_feedback")


def assignable_units(user, on: datetime.date | None = None) -> UnitQuerySet:
    """Units in force today that ``user`` may assign a case to."""
    if not can_assign(user):
        return Unit.objects.none()
    on = on or timezone.localdate()
    return scoping.units_visible_to(user).in_force(on).vietnamese_order()


def communes_for_citizens(on: datetime.date | None = None) -> UnitQuerySet:
    """The communes and wards of the province in force today, for the public form."""
    from django.conf import settings

    from giamngheo.units.divisions import province_code

    return (
        Unit.objects.of_province(province_code(settings.PROVINCE_CODE))
        .filter(level=UnitLevel.COMMUNE)
        .in_force(on or timezone.localdate())
        .vietnamese_order()
    )


def active_categories() -> QuerySet[FeedbackCategory]:
    return FeedbackCategory.objects.filter(is_active=True)


def templates_for(category: FeedbackCategory) -> QuerySet[AnswerTemplate]:
    return category.answer_templates.all()


def history(feedback: Feedback, *, public: bool = False) -> list[FeedbackEvent]:
    events = feedback.events.select_related("by", "unit")
    if public:
        from .models import PUBLIC_EVENTS

        events = events.filter(kind__in=PUBLIC_EVENTS)
    return list(events)


def find_by_code(raw_code: str) -> Feedback | None:
    code = normalise_tracking_code(raw_code)
    if not code:
        return None
    return (
        Feedback.objects.select_related("category", "commune", "assigned_unit")
        .filter(tracking_code=code)
        .first()
    )


def published_answers(
    *, query: str = "", category: FeedbackCategory | None = None
) -> QuerySet[PublishedAnswer]:
    """Live public Q&A, newest first; words match with or without accents."""
    answers = PublishedAnswer.objects.filter(is_live=True).select_related("category")
    if category is not None:
        answers = answers.filter(category=category)
    for word in fold(query).split()[:8]:
        answers = answers.filter(search_text__contains=word)
    return answers


def overdue_cases(today: datetime.date | None = None) -> QuerySet[Feedback]:
    return Feedback.objects.overdue(today).select_related("assigned_unit", "category")


# --- Reports


@dataclass
class FeedbackReport:
    start: datetime.date
    end: datetime.date
    total: int = 0
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_unit: list[tuple[str, int]] = field(default_factory=list)
    by_status: list[tuple[str, int]] = field(default_factory=list)
    by_month: list[tuple[str, int]] = field(default_factory=list)
    by_channel: list[tuple[str, int]] = field(default_factory=list)
    answered: int = 0
    answered_late: int = 0
    open_overdue: int = 0
    average_days: float | None = None
    average_rating: float | None = None


def _days(value) -> float | None:
    if value is None:
        return None
    if isinstance(value, datetime.timedelta):
        return round(value.total_seconds() / 86400, 1)
    return round(float(value) / 86_400_000_000, 1)  # microseconds, as some backends return it


def feedback_report(*, user, start: datetime.date, end: datetime.date) -> FeedbackReport:
    """Counts and response times of the cases ``user`` sees, received from ``start`` to ``end``."""
    tz = timezone.get_current_timezone()
    begin = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    after = end + datetime.timedelta(days=1)
    finish = datetime.datetime.combine(after, datetime.time.min, tzinfo=tz)
    cases = feedback_visible_to(user).filter(requested_at__gte=begin, requested_at__lt=finish)
    report = FeedbackReport(start=start, end=end)
    labels = dict(FeedbackStatus.choices)

    report.by_category = [
        (row["category__name"], row["n"])
        for row in cases.values("category__name", "category__sort_order")
        .annotate(n=Count("pk"))
        .order_by("category__sort_order", "category__name")
    ]
    unassigned = str(_("Not assigned yet"))
    report.by_unit = [
        (row["assigned_unit__name"] or unassigned, row["n"])
        for row in cases.values("assigned_unit__name", "assigned_unit__sort_name")
        .annotate(n=Count("pk"))
        .order_by("assigned_unit__sort_name")
    ]
    status_counts = dict(cases.values_list("status").annotate(n=Count("pk")).order_by())
    report.by_status = [(str(label), status_counts.get(key, 0)) for key, label in labels.items()]
    report.total = sum(status_counts.values())
    months: OrderedDict[str, int] = OrderedDict()
    for row in (
        cases.annotate(month=TruncMonth("requested_at", tzinfo=tz))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    ):
        months[row["month"].strftime("%m/%Y")] = row["n"]
    report.by_month = list(months.items())
    from .models import Channel

    channel_labels = dict(Channel.choices)
    report.by_channel = [
        (str(channel_labels.get(row["channel"], row["channel"])), row["n"])
        for row in cases.values("channel").annotate(n=Count("pk")).order_by("channel")
    ]

    answered = cases.filter(first_answered_at__isnull=False)
    figures = answered.aggregate(
        n=Count("pk"),
        average=Avg(F("first_answered_at") - F("requested_at")),
        late=Count("pk", filter=Q(first_answered_at__date__gt=F("due_on"))),
    )
    report.answered = figures["n"]
    report.answered_late = figures["late"]
    report.average_days = _days(figures["average"])
    report.open_overdue = cases.overdue().count()
    rating = cases.filter(rating__isnull=False).aggregate(avg=Avg("rating"))["avg"]
    report.average_rating = round(rating, 1) if rating is not None else None
    return report


def feedback_handled(
    *,
    units: QuerySet[Unit],
    start: datetime.date,
    end: datetime.date,
    today: datetime.date | None = None,
) -> list[dict]:
    """Cases received from ``start`` to ``end`` for ``units``, by category (one query).

    A case belongs to the units it is assigned to or whose commune it is about,
    as province-wide users see them.  Per category: received, answered,
    answered by the deadline, answered after it, and still open past it on
    ``today`` (as ``Feedback.objects.overdue``).
    """
    tz = timezone.get_current_timezone()
    begin = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    finish = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    today = today or timezone.localdate()
    answered = Q(first_answered_at__isnull=False)
    late = answered & Q(due_on__isnull=False, first_answered_at__date__gt=F("due_on"))
    from .models import OPEN_STATUSES

    rows = (
        Feedback.objects.filter(Q(assigned_unit__in=units) | Q(commune__in=units))
        .filter(requested_at__gte=begin, requested_at__lt=finish)
        .values("category__name", "category__sort_order")
        .annotate(
            received=Count("pk"),
            answered=Count("pk", filter=answered),
            late=Count("pk", filter=late),
            overdue=Count("pk", filter=Q(status__in=OPEN_STATUSES, due_on__lt=today)),
        )
        .order_by("category__sort_order", "category__name")
    )
    return [
        {
            "category": row["category__name"] or _("No category"),
            "received": row["received"],
            "answered": row["answered"],
            "on_time": row["answered"] - row["late"],
            "late": row["late"],
            "overdue": row["overdue"],
        }
        for row in rows
    ]
