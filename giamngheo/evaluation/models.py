"""Supervision and evaluation of communication work in localities (giám sát, đánh giá).

Every year the province (and a district, for its communes) plans visits to
some units, scores each against a checklist of criteria, writes down what it
found and leaves recommendations, each with a responsible unit and a due date,
followed up until closed.  The checklist and the rating thresholds are data
(``Criterion``, ``RatingThreshold``) so that the programme office changes them
without a release; a visit keeps the scores, the rating and the indicator
figures it was recorded with.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from giamngheo.units.models import Unit, UnitLevel


def _date(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


def is_under(unit: Unit, organiser: Unit) -> bool:
    """True when ``unit`` is ``organiser`` or below it in the hierarchy (by code)."""
    if unit.code == organiser.code and unit.level == organiser.level:
        return True
    if organiser.level == UnitLevel.PROVINCE:
        return unit.province_code == organiser.province_code
    if organiser.level == UnitLevel.DISTRICT:
        parent = unit.parent
        return (
            parent is not None
            and parent.level == UnitLevel.DISTRICT
            and (parent.code == organiser.code)
        )
    return False


class CriterionQuerySet(models.QuerySet["Criterion"]):
    def for_year(self, year: int) -> CriterionQuerySet:
        """The active criteria a visit of ``year`` is scored against."""
        return self.filter(
            Q(is_active=True),
            Q(year_from__isnull=True) | Q(year_from__lte=year),
            Q(year_to__isnull=True) | Q(year_to__gte=year),
            Q(period__isnull=True) | Q(period__start__year__lte=year, period__end__year__gte=year),
        ).order_by("sort_order", "code")


class Criterion(models.Model):
    """One line of the supervision checklist, scored from 0 to ``max_score``."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    group = models.CharField(
        _("group"), max_length=150, blank=True, help_text=_("The heading it is listed under.")
    )
    max_score = models.DecimalField(
        _("maximum score"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("10"),
        validators=[MinValueValidator(Decimal("0.5"))],
    )
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("How much the criterion counts in the total; 1 for all is a plain sum."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    period = models.ForeignKey(
        "indicators.ProgrammePeriod",
        verbose_name=_("programme period"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Empty: every period."),
    )
    year_from = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    year_to = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)

    objects = CriterionQuerySet.as_manager()

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.year_from and self.year_to and self.year_to < self.year_from:
            raise ValidationError({"year_to": _("The last year cannot come before the first.")})


class RatingThreshold(models.Model):
    """A rating a visit earns when its score reaches ``min_percent`` of the maximum."""

    name = models.CharField(pgettext_lazy("evaluation", "rating"), max_length=60, unique=True)
    min_percent = models.DecimalField(
        _("from (per cent of the maximum score)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )

    class Meta:
        verbose_name = _("rating threshold")
        verbose_name_plural = _("rating thresholds")
        ordering = ["-min_percent"]

    def __str__(self) -> str:
        return f"{self.name} (≥ {self.min_percent:g}%)"


def rating_for(percent: Decimal) -> str:
    """The name of the highest threshold ``percent`` reaches ("" when none is set)."""
    threshold = (
        RatingThreshold.objects.filter(min_percent__lte=percent).order_by("-min_percent").first()
    )
    return threshold.name if threshold else ""


class SupervisionPlan(ClusterableModel):
    """A year's supervision plan of the province or of a district (kế hoạch giám sát)."""

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    title = models.CharField(_("title"), max_length=255)
    organiser = models.ForeignKey(
        Unit,
        verbose_name=_("organising unit"),
        on_delete=models.PROTECT,
        related_name="supervision_plans",
        help_text=_("The province, or a district supervising its communes."),
    )
    reference = models.CharField(_("decision or document number"), max_length=120, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("supervision plan")
        verbose_name_plural = _("supervision plans")
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.organiser_id and self.organiser.level == UnitLevel.COMMUNE:
            raise ValidationError(
                {"organiser": _("A supervision plan is organised by the province or a district.")}
            )


class VisitStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class SupervisionVisitQuerySet(models.QuerySet["SupervisionVisit"]):
    def visible_to(self, user) -> SupervisionVisitQuerySet:
        """A visit belongs to the visited unit, and the organiser sees it too."""
        from giamngheo.accounts.scoping import scope

        return scope(self, user, unit_field=("unit", "plan__organiser"))


class SupervisionVisit(models.Model):
    plan = ParentalKey(
        SupervisionPlan,
        verbose_name=_("supervision plan"),
        on_delete=models.CASCADE,
        related_name="visits",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit visited"),
        on_delete=models.PROTECT,
        related_name="supervision_visits",
    )
    planned_on = models.DateField(_("planned date"))
    team_leader = models.CharField(_("team leader"), max_length=150, blank=True)
    team_members = models.TextField(_("team members"), blank=True, help_text=_("One a line."))
    status = models.CharField(
        _("status"), max_length=10, choices=VisitStatus.choices, default=VisitStatus.PLANNED
    )
    # Written by services.record_visit, not by forms.
    held_on = models.DateField(_("held on"), null=True, blank=True, editable=False)
    findings = models.TextField(_("findings"), blank=True, editable=False)
    total_score = models.DecimalField(
        _("total score"), max_digits=8, decimal_places=2, null=True, editable=False
    )
    max_score = models.DecimalField(
        _("maximum score"), max_digits=8, decimal_places=2, null=True, editable=False
    )
    percent = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=1, null=True, editable=False
    )
    rating = models.CharField(
        pgettext_lazy("evaluation", "rating"), max_length=60, blank=True, editable=False
    )
    snapshot = models.JSONField(_("indicator figures"), default=list, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    recorded_at = models.DateTimeField(_("recorded at"), null=True, editable=False)

    objects = SupervisionVisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("supervision visit")
        verbose_name_plural = _("supervision visits")
        ordering = ["-planned_on", "pk"]
        permissions = [("record_supervisionvisit", _("Can record a supervision visit"))]

    def __str__(self) -> str:
        if self.unit_id and self.planned_on:
            return f"{self.unit.name} ({_date(self.held_on or self.planned_on)})"
        return str(_("supervision visit"))

    @property
    def year(self) -> int:
        return (self.held_on or self.planned_on).year

    def clean(self) -> None:
        errors: dict[str, str] = {}
        try:
            plan = self.plan
        except SupervisionPlan.DoesNotExist:
            plan = None
        if self.status == VisitStatus.HELD and not self.held_on:
            errors["status"] = _("Use “Record the visit” to mark a visit as held.")
        if self.unit_id and plan is not None and plan.organiser_id:
            if not is_under(self.unit, plan.organiser):
                errors["unit"] = _(
                    "%(unit)s is not under %(organiser)s: a plan visits its own unit or the "
                    "units below it."
                ) % {"unit": self.unit.name, "organiser": plan.organiser.name}
            day = self.held_on or self.planned_on
            if day and not self.unit.is_in_force(day) and "unit" not in errors:
                errors["unit"] = _(
                    "%(unit)s was not in force on %(date)s: choose the unit in force on the "
                    "date of the visit."
                ) % {"unit": self.unit.name, "date": _date(day)}
        if plan is not None and plan.year and self.planned_on and self.planned_on.year != plan.year:
            errors["planned_on"] = _("The visit must fall in the plan's year, %(year)d.") % {
                "year": plan.year
            }
        if errors:
            raise ValidationError(errors)


class Score(models.Model):
    visit = models.ForeignKey(
        SupervisionVisit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="scores"
    )
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2)
    # As the criterion stood when scored: the checklist may change later.
    max_score = models.DecimalField(_("maximum score"), max_digits=6, decimal_places=2)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2, default=1)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["criterion__sort_order", "criterion__code"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "criterion"], name="score_once_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score:g}/{self.max_score:g}"


class FindingKind(models.TextChoices):
    STRENGTH = "strength", _("Strength")
    SHORTCOMING = "shortcoming", _("Shortcoming")


class Finding(models.Model):
    visit = models.ForeignKey(
        SupervisionVisit,
        verbose_name=_("visit"),
        on_delete=models.CASCADE,
        related_name="finding_items",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=FindingKind.choices)
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["kind", "pk"]

    def __str__(self) -> str:
        return self.text


class RecommendationStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("recommendation", "Open")
    IN_PROGRESS = "in_progress", pgettext_lazy("recommendation", "In progress")
    CLOSED = "closed", _("Done, closed")


class RecommendationQuerySet(models.QuerySet["Recommendation"]):
    def visible_to(self, user) -> RecommendationQuerySet:
        """A recommendation belongs to its responsible unit, and the organiser sees it too."""
        from giamngheo.accounts.scoping import scope

        return scope(self, user, unit_field=("responsible_unit", "visit__plan__organiser"))

    def not_closed(self) -> RecommendationQuerySet:
        return self.exclude(status=RecommendationStatus.CLOSED)

    def overdue(self, today: datetime.date) -> RecommendationQuerySet:
        """Not closed, and the due date has passed."""
        return self.not_closed().filter(due_on__lt=today)


class Recommendation(models.Model):
    visit = models.ForeignKey(
        SupervisionVisit,
        verbose_name=_("visit"),
        on_delete=models.CASCADE,
        related_name="recommendations",
    )
    text = models.TextField(_("recommendation"))
    responsible_unit = models.ForeignKey(
        Unit,
        verbose_name=_("responsible unit"),
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    due_on = models.DateField(_("due date"), db_index=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.OPEN,
        db_index=True,
    )
    closing_note = models.TextField(_("closing note"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["due_on", "pk"]
        permissions = [("follow_up_recommendation", _("Can update the status of a recommendation"))]

    def __str__(self) -> str:
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else f"{text[:79]}…"

    def is_overdue(self, today: datetime.date) -> bool:
        return self.status != RecommendationStatus.CLOSED and self.due_on < today

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.responsible_unit_id and self.visit_id:
            visited = self.visit.unit
            unit = self.responsible_unit
            ok = (unit.code == visited.code and unit.level == visited.level) or (
                visited.level == UnitLevel.DISTRICT
                and unit.parent is not None
                and unit.parent.level == UnitLevel.DISTRICT
                and unit.parent.code == visited.code
            )
            if not ok:
                errors["responsible_unit"] = _(
                    "%(unit)s is neither the unit visited (%(visited)s) nor one of its communes."
                ) % {"unit": unit.name, "visited": visited.name}
        if self.status == RecommendationStatus.CLOSED and not self.closing_note.strip():
            errors["closing_note"] = _("Say how the recommendation was carried out to close it.")
        if (
            self.visit_id
            and self.due_on
            and self.visit.held_on
            and self.due_on < self.visit.held_on
        ):
            errors["due_on"] = _("The due date cannot come before the visit.")
        if errors:
            raise ValidationError(errors)


class RecommendationUpdate(models.Model):
    """One change of a recommendation's status, with the note and who made it."""

    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    status = models.CharField(_("status"), max_length=12, choices=RecommendationStatus.choices)
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("recommendation update")
        verbose_name_plural = _("recommendation updates")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()}: {self.note}"
