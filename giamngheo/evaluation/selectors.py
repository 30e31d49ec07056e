"""Reads of the evaluation app: what lists, the report and the reminders call."""

from __future__ import annotations

import datetime

from django.db.models import Q

from giamngheo.accounts.scoping import scope
from giamngheo.units.models import UnitQuerySet

from .models import (
    Recommendation,
    RecommendationQuerySet,
    RecommendationStatus,
    SupervisionVisit,
    SupervisionVisitQuerySet,
    VisitStatus,
)


def visits_held(
    *, start: datetime.date, end: datetime.date, units: UnitQuerySet | None = None
) -> SupervisionVisitQuerySet:
    """Visits held between ``start`` and ``end`` to ``units`` (None: any), with their unit
    and organiser loaded."""
    visits = SupervisionVisit.objects.filter(
        status=VisitStatus.HELD, held_on__gte=start, held_on__lte=end
    )
    if units is not None:
        visits = visits.filter(unit__in=units)
    return visits.select_related("unit", "plan__organiser").order_by("held_on", "unit__code")


def recommendations_of(visits: SupervisionVisitQuerySet) -> RecommendationQuerySet:
    return (
        Recommendation.objects.filter(visit__in=visits)
        .select_related("responsible_unit", "visit__unit")
        .order_by("due_on", "pk")
    )


def status_on(recommendation: Recommendation, day: datetime.date) -> str:
    """The recommendation's state as of ``day``: closed only if it was closed by then."""
    if recommendation.status == RecommendationStatus.CLOSED and (
        recommendation.closed_on is not None and recommendation.closed_on <= day
    ):
        return "closed"
    return "overdue" if recommendation.due_on < day else "open"


def overdue_recommendations(today: datetime.date) -> RecommendationQuerySet:
    return (
        Recommendation.objects.overdue(today)
        .filter(visit__status=VisitStatus.HELD)
        .select_related("responsible_unit", "visit__unit", "visit__plan__organiser")
        .order_by("due_on", "pk")
    )


def open_filter(day: datetime.date) -> Q:
    """Recommendations not closed as of ``day``."""
    return ~Q(status=RecommendationStatus.CLOSED) | Q(closed_on__gt=day)


def recommendations_to_follow_up(user) -> RecommendationQuerySet:
    """Recommendations of held visits addressed to ``user``'s units and not closed, the
    nearest due date first (what the admin home asks a commune or district to report on)."""
    not_closed = Recommendation.objects.not_closed().filter(visit__status=VisitStatus.HELD)
    return (
        scope(not_closed, user, unit_field="responsible_unit")
        .select_related("responsible_unit", "visit__unit")
        .order_by("due_on", "pk")
    )
