"""Communication plans (kế hoạch truyền thông) of the units the map asks them of.

The seed asks every district, town and city for a plan covering the whole
programme period and one for every year; on the two-level map (Huế from 1 July
2025) every commune and ward submits its own plan straight to the province,
and the province has one too.  A plan is a Wagtail snippet with
drafts, revisions, locking and a workflow: a district officer drafts and
submits it, province staff approve it or send it back with a comment.  The
live (published) version is the approved plan; every revision is kept.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)

from giamngheo.core.approval import ApprovalStatus, approval_status_of, with_approval_status
from giamngheo.core.text import fold
from giamngheo.units.models import UnitLevel


class ActivityType(models.TextChoices):
    """The kinds of communication work the seed lists."""

    NEWS = "news", _("News or article")
    REPORT = "report", _("Report (phóng sự)")
    COLUMN = "column", _("Special page or column")
    PUBLICATION = "publication", _("Publication")
    RADIO = "radio", _("Radio programme")
    TV = "tv", _("TV programme")
    EVENT = "event", _("Communication event")
    SEMINAR = "seminar", _("Seminar or conference")
    DIALOGUE = "dialogue", _("Policy dialogue")
    CONTEST = "contest", _("Contest")
    PERFORMANCE = "performance", _("Staged performance")
    TRAINING = "training", _("Training")
    OTHER = "other", _("Other")


# The types whose planned quantity counts copies (2.000 leaflets are one publication),
# not activities: the register records each publication once and has no copies to
# compare, so "planned vs done" counts such a planned activity as one activity.
COUNTED_IN_COPIES = frozenset({ActivityType.PUBLICATION})


class CommunicationPlanQuerySet(models.QuerySet["CommunicationPlan"]):
    def with_status(self) -> CommunicationPlanQuerySet:
        """Annotate ``approval_status`` in the same query (``core.approval``)."""
        return with_approval_status(self)

    def for_status(self, status: str) -> CommunicationPlanQuerySet:
        return self.with_status().filter(approval_status=status)


class CommunicationPlan(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel
):
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="communication_plans",
        help_text=_(
            "While the map has districts: a district-level unit. On the two-level map "
            "(from 1 July 2025): a commune or ward, or the province for its own plan."
        ),
    )
    period = models.ForeignKey(
        "indicators.ProgrammePeriod",
        verbose_name=_("programme period"),
        on_delete=models.PROTECT,
        related_name="communication_plans",
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        help_text=_("Empty: the plan for the whole period. Otherwise the year of an annual plan."),
    )
    title = models.CharField(_("title"), max_length=255)
    objectives = models.TextField(_("objectives"))
    attachment = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The signed plan as PDF or DOCX."),
    )
    # Folded title: search ignores accents, as everywhere in the project.
    search_title = models.CharField(max_length=255, blank=True, editable=False, db_index=True)

    objects = CommunicationPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("communication plan")
        verbose_name_plural = _("communication plans")
        ordering = ["period__start", "unit__sort_name", "year"]
        # Declared here, not left to wagtail.snippets' post_migrate handler, so
        # they exist when the roles are synced on a fresh database (accounts
        # migrates before wagtailsnippets and refers to them).
        permissions = [
            ("publish_communicationplan", "Can publish communication plan"),
            ("lock_communicationplan", "Can lock communication plan"),
            ("unlock_communicationplan", "Can unlock communication plan"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period", "year"],
                name="plan_unique_annual",
                violation_error_message=_("This unit already has a plan for this period and year."),
            ),
            # NULLs are distinct in a unique index: the period plan needs its own.
            models.UniqueConstraint(
                fields=["unit", "period"],
                condition=Q(year__isnull=True),
                name="plan_unique_period",
                violation_error_message=_("This unit already has a plan for the whole period."),
            ),
        ]
        indexes = [models.Index(fields=["period", "year", "live"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.search_title = fold(self.title)
        super().save(*args, **kwargs)

    @property
    def is_period_plan(self) -> bool:
        return self.year is None

    def get_approval_status(self) -> str:
        return approval_status_of(self)

    def get_approval_status_display(self) -> str:
        return str(ApprovalStatus(self.get_approval_status()).label)

    get_approval_status_display.short_description = _("status")  # type: ignore[attr-defined]

    def period_or_year(self) -> str:
        return str(self.year) if self.year is not None else str(_("Whole period"))

    period_or_year.short_description = _("year")  # type: ignore[attr-defined]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, object] = {}
        period = self.period if self.period_id else None
        if period is not None and self.year is not None and self.year not in period.years:
            errors["year"] = _("The year is outside the period %(period)s.") % {"period": period}
        if self.unit_id and period is not None and "year" not in errors:
            if message := self._level_error():
                errors["unit"] = message
            else:
                start, end = self.covered_dates()
                ended = self.unit.valid_to is not None and self.unit.valid_to < start
                if self.unit.valid_from > end or ended:
                    errors["unit"] = _(
                        "This unit was not in force during the plan's period or year: "
                        "choose the unit of the map in force then."
                    )
        if errors:
            raise ValidationError(errors)

    def _level_error(self) -> str | None:
        """The level a plan is asked of comes from the map on the coverage's reference day.

        The same day the plan indicator counts (``indicators.rules.reference_day``):
        districts while they exist; on the two-level map a commune or ward
        submits its own plan to the province, and the province has one too.
        """
        from giamngheo.indicators.rules import reference_day
        from giamngheo.units.models import Unit
        from giamngheo.units.selectors import has_district_level

        province = self.unit.province_code
        day = reference_day(Unit.objects.of_province(province), *self.covered_dates())
        if has_district_level(province_code=province, on=day):
            if self.unit.level != UnitLevel.DISTRICT:
                return _("Choose a district-level unit (district, town or city).")
        elif self.unit.level == UnitLevel.DISTRICT:
            return _(
                "No district exists on the map of this period or year: "
                "choose a commune or ward, or the province."
            )
        return None

    def covered_dates(self) -> tuple[datetime.date, datetime.date]:
        """The first and last day the plan covers: the period, or its year within it."""
        if self.year is None:
            return self.period.start, self.period.end
        return (
            max(self.period.start, datetime.date(self.year, 1, 1)),
            min(self.period.end, datetime.date(self.year, 12, 31)),
        )


class PlannedActivity(Orderable):
    plan = ParentalKey(
        CommunicationPlan,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("plan"),
    )
    activity_type = models.CharField(
        _("activity type"), max_length=20, choices=ActivityType.choices
    )
    channel = models.CharField(
        _("channel"), max_length=255, blank=True, help_text=_("e.g. district radio, Zalo page")
    )
    audience = models.CharField(
        _("audience"), max_length=255, blank=True, help_text=_("e.g. poor households, cadres")
    )
    quantity = models.PositiveIntegerField(_("quantity"), validators=[MinValueValidator(1)])
    timing = models.CharField(
        _("timing"), max_length=100, blank=True, help_text=_('e.g. "Quý II", "tháng 10"')
    )
    budget = models.DecimalField(
        _("budget (VND)"),
        max_digits=15,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    class Meta(Orderable.Meta):
        verbose_name = _("planned activity")
        verbose_name_plural = _("planned activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="planned_activity_quantity_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_activity_type_display()} × {self.quantity}"

    @property
    def activity_count(self) -> int:
        """How many register entries carry it out in full: one for a publication."""
        return 1 if self.activity_type in COUNTED_IN_COPIES else self.quantity

    @property
    def copies(self) -> int | None:
        """The copies planned, for a type counted in copies; else None."""
        return self.quantity if self.activity_type in COUNTED_IN_COPIES else None
