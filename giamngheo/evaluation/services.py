"""Writes of the evaluation app: recording a visit, following up its recommendations."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    Criterion,
    Finding,
    FindingKind,
    Recommendation,
    RecommendationStatus,
    RecommendationUpdate,
    Score,
    SupervisionVisit,
    VisitStatus,
    rating_for,
)
from .snapshot import indicator_snapshot

if TYPE_CHECKING:
    from giamngheo.accounts.models import User
    from giamngheo.units.models import Unit

RECORD_PERMISSION = "evaluation.record_supervisionvisit"
FOLLOW_UP_PERMISSION = "evaluation.follow_up_recommendation"


@dataclass
class RecommendationInput:
    text: str
    responsible_unit: Unit
    due_on: datetime.date


def can_record(user: User, visit: SupervisionVisit) -> bool:
    """The organiser's staff record a visit (the visited unit only reads it)."""
    from giamngheo.accounts.scoping import units_visible_to

    return (
        user.has_perm(RECORD_PERMISSION)
        and units_visible_to(user).filter(pk=visit.plan.organiser_id).exists()
    )


def can_follow_up(user: User, recommendation: Recommendation) -> bool:
    return (
        user.has_perm(FOLLOW_UP_PERMISSION)
        and Recommendation.objects.visible_to(user).filter(pk=recommendation.pk).exists()
    )


def _scores(criteria: list[Criterion], scores: Mapping[Any, Any]) -> list[Score]:
    """One Score per criterion; every error names its criterion."""
    by_code = {(c.code if isinstance(c, Criterion) else str(c)): v for c, v in scores.items()}
    errors: dict[str, list[str]] = {}
    rows = []
    for criterion in criteria:
        raw = by_code.get(criterion.code)
        if raw is None or raw == "":
            errors[f"score_{criterion.code}"] = [
                _("%(criterion)s: enter a score from 0 to %(max)s.")
                % {"criterion": criterion.name, "max": f"{criterion.max_score:g}"}
            ]
            continue
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            value = Decimal("-1")
        if not value.is_finite() or value < 0 or value > criterion.max_score:
            errors[f"score_{criterion.code}"] = [
                _("%(criterion)s: the score must be between 0 and %(max)s.")
                % {"criterion": criterion.name, "max": f"{criterion.max_score:g}"}
            ]
            continue
        rows.append(
            Score(
                criterion=criterion,
                score=value,
                max_score=criterion.max_score,
                weight=criterion.weight,
            )
        )
    unknown = set(by_code) - {c.code for c in criteria}
    if unknown:
        errors["scores"] = [
            _("These criteria are not on the checklist of the visit's year: %(codes)s.")
            % {"codes": ", ".join(sorted(unknown))}
        ]
    if errors:
        raise ValidationError(errors)
    return rows


def _total(rows: list[Score]) -> tuple[Decimal, Decimal, Decimal]:
    total = sum((row.score * row.weight for row in rows), Decimal(0))
    maximum = sum((row.max_score * row.weight for row in rows), Decimal(0))
    percent = (100 * total / maximum).quantize(Decimal("0.1")) if maximum else Decimal(0)
    cents = Decimal("0.01")
    return total.quantize(cents), maximum.quantize(cents), percent


def record_visit(
    *,
    visit: SupervisionVisit,
    held_on: datetime.date,
    findings: str,
    scores: Mapping[Any, Any],
    recommendations: Sequence[RecommendationInput | Mapping[str, Any]],
    by: User,
    strengths: Sequence[str] = (),
    shortcomings: Sequence[str] = (),
    today: datetime.date | None = None,
) -> SupervisionVisit:
    """Record a planned visit as held: scores, findings, recommendations and the
    indicator figures of the visited unit as they stand now, frozen on the visit.

    ``scores`` maps each criterion (or its code) active in the visit's year to
    a number from 0 to its maximum.  Everything is checked before anything is
    written, in one transaction: an error leaves the visit as it was.
    """
    if not can_record(by, visit):
        raise PermissionDenied
    if visit.status == VisitStatus.HELD:
        raise ValidationError(_("This visit has already been recorded."))
    if visit.status == VisitStatus.CANCELLED:
        raise ValidationError(_("A cancelled visit cannot be recorded."))
    today = today or timezone.localdate()
    if held_on > today:
        raise ValidationError({"held_on": _("The visit cannot be recorded before it is held.")})
    criteria = list(Criterion.objects.for_year(held_on.year))
    if not criteria:
        raise ValidationError(
            _("No criterion is active for %(year)d: set up the checklist first.")
            % {"year": held_on.year}
        )
    rows = _scores(criteria, scores)
    total, maximum, percent = _total(rows)
    with transaction.atomic():
        visit = SupervisionVisit.objects.select_for_update().get(pk=visit.pk)
        visit.status = VisitStatus.HELD
        visit.held_on = held_on
        visit.findings = (findings or "").strip()
        visit.total_score, visit.max_score, visit.percent = total, maximum, percent
        visit.rating = rating_for(percent)
        visit.recorded_by = by
        visit.recorded_at = timezone.now()
        visit.full_clean()
        visit.snapshot = indicator_snapshot(unit=visit.unit, year=held_on.year, today=held_on)
        visit.save()
        for row in rows:
            row.visit = visit
            row.full_clean()
        Score.objects.bulk_create(rows)
        for kind, texts in (
            (FindingKind.STRENGTH, strengths),
            (FindingKind.SHORTCOMING, shortcomings),
        ):
            for text in texts:
                if text.strip():
                    finding = Finding(visit=visit, kind=kind, text=text.strip())
                    finding.full_clean()
                    finding.save()
        errors: dict[str, list[str]] = {}
        for number, item in enumerate(recommendations, start=1):
            data = item if isinstance(item, Mapping) else item.__dict__
            recommendation = Recommendation(
                visit=visit,
                text=(data.get("text") or "").strip(),
                responsible_unit=data.get("responsible_unit"),
                due_on=data.get("due_on"),
            )
            try:
                recommendation.full_clean()
            except ValidationError as error:
                errors[f"recommendation_{number}"] = [
                    _("Recommendation %(number)d: %(message)s")
                    % {"number": number, "message": " ".join(error.messages)}
                ]
                continue
            recommendation.save()
            RecommendationUpdate.objects.create(
                recommendation=recommendation, status=recommendation.status, note="", by=by
            )
        if errors:
            raise ValidationError(errors)
    return visit


def update_recommendation(
    *,
    recommendation: Recommendation,
    status: str,
    note: str,
    by: User,
    today: datetime.date | None = None,
) -> Recommendation:
    """Move a recommendation to ``status`` with a note, kept in its history.

    The responsible unit's officers (and the organiser) follow it up; closing
    requires a note saying how it was carried out.
    """
    if not can_follow_up(by, recommendation):
        raise PermissionDenied
    if status not in RecommendationStatus.values:
        raise ValidationError({"status": _("Choose a valid status.")})
    note = (note or "").strip()
    if status == RecommendationStatus.CLOSED and not note:
        raise ValidationError(
            {"note": _("Say how the recommendation was carried out to close it.")}
        )
    today = today or timezone.localdate()
    with transaction.atomic():
        recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        recommendation.status = status
        if status == RecommendationStatus.CLOSED:
            recommendation.closing_note = note
            recommendation.closed_on = today
        else:
            recommendation.closing_note = ""
            recommendation.closed_on = None
        recommendation.full_clean()
        recommendation.save()
        RecommendationUpdate.objects.create(
            recommendation=recommendation, status=status, note=note, by=by
        )
    return recommendation
