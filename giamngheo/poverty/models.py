"""Poverty figures (số liệu hộ nghèo, cận nghèo): yearly aggregates per unit.

One row holds what a unit's decision approved for a year: how many
households it has and how many of them are poor or near-poor.  Never a
household record.  Rates are computed from the counts, never stored.

A row points at the *version* of the unit in force during its year (units
are versioned), but a unit keeps its code across versions, so a year has at
most one figure per unit code: ``unit_code`` copies the code to let the
database hold that rule.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, RevisionMixin, WorkflowMixin

from giamngheo.core.approval import ApprovalStatus, approval_status_of, with_approval_status
from giamngheo.units.models import Unit

# The earliest year a figure may be entered for; later years up to this one.
FIRST_YEAR = 2000


def rate(part: int | None, whole: int | None) -> float | None:
    """``part`` as a percentage of ``whole``; None when either is unknown or ``whole`` is 0."""
    if part is None or not whole:
        return None
    return 100 * part / whole


class PovertyStatisticQuerySet(models.QuerySet["PovertyStatistic"]):
    def for_year(self, year: int) -> PovertyStatisticQuerySet:
        return self.filter(year=year)

    def approved(self) -> PovertyStatisticQuerySet:
        """The figures the province approved: what the portal, dashboards and reports count."""
        return self.filter(live=True)

    def with_status(self) -> PovertyStatisticQuerySet:
        return with_approval_status(self)


class PovertyStatistic(WorkflowMixin, DraftStateMixin, RevisionMixin, models.Model):
    """A unit's figures for a year; public and counted only once the province approved them.

    The row holds the approved (live) values; a figure entered or changed since
    waits in a revision until approved (``core.approval``), so a typo never
    reaches the portal and the history of every version is kept.
    """

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="poverty_statistics"
    )
    unit_code = models.CharField(_("unit code"), max_length=10, editable=False, db_index=True)
    year = models.PositiveSmallIntegerField(_("year"))
    households = models.PositiveIntegerField(_("households"))
    poor_households = models.PositiveIntegerField(_("poor households"))
    near_poor_households = models.PositiveIntegerField(_("near-poor households"))
    poverty_standard = models.CharField(
        _("poverty standard"),
        max_length=200,
        blank=True,
        help_text=_("The standard applied, e.g. “Chuẩn nghèo đa chiều giai đoạn 2022–2025”."),
    )
    source = models.CharField(
        _("source document"),
        max_length=255,
        blank=True,
        help_text=_(
            "Number and date of the decision that approved the figures, "
            "e.g. “Quyết định số 123/QĐ-UBND ngày 20/12/2023”."
        ),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PovertyStatisticQuerySet.as_manager()

    class Meta:
        verbose_name = _("poverty figure")
        verbose_name_plural = _("poverty figures")
        ordering = ["-year", "unit__sort_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit_code", "year"], name="poverty_statistic_unit_code_year"
            ),
        ]
        # Declared so the roles can be given them on a fresh database (see plans).
        permissions = [("publish_povertystatistic", "Can publish poverty figure")]

    def __str__(self) -> str:
        name = self.unit.name if self.unit_id else "?"
        return f"{name} – {self.year}"

    def save(self, *args, **kwargs) -> None:
        self.unit_code = self.unit.code
        super().save(*args, **kwargs)

    def get_approval_status(self) -> str:
        return approval_status_of(self)

    def get_approval_status_display(self) -> str:
        return str(ApprovalStatus(self.get_approval_status()).label)

    get_approval_status_display.short_description = _("status")  # type: ignore[attr-defined]

    @property
    def poor_rate(self) -> float | None:
        return rate(self.poor_households, self.households)

    @property
    def near_poor_rate(self) -> float | None:
        return rate(self.near_poor_households, self.households)

    # Exports keep numbers: the rates rounded to two decimals, not formatted.
    @property
    def poor_rate_rounded(self) -> float | None:
        return None if self.poor_rate is None else round(self.poor_rate, 2)

    @property
    def near_poor_rate_rounded(self) -> float | None:
        return None if self.near_poor_rate is None else round(self.near_poor_rate, 2)

    def count_errors(self) -> dict[str, str]:
        """The rules between the three counts; no query, so imports check every row cheaply."""
        errors: dict[str, str] = {}
        households, poor, near_poor = (
            self.households,
            self.poor_households,
            self.near_poor_households,
        )
        if households is not None and households <= 0:
            errors["households"] = _("The number of households must be above 0.")
        if None in (households, poor, near_poor) or households <= 0:
            return errors
        if poor > households:
            errors["poor_households"] = _(
                "Poor households (%(poor)d) cannot outnumber "
                "the unit's households (%(households)d)."
            ) % {"poor": poor, "households": households}
        elif poor + near_poor > households:
            errors["near_poor_households"] = _(
                "Poor and near-poor households together (%(sum)d) cannot outnumber "
                "the unit's households (%(households)d)."
            ) % {"sum": poor + near_poor, "households": households}
        return errors

    def clean(self) -> None:
        if self.unit_id:
            self.unit_code = self.unit.code
        # Imported here: the rule reads the stored figures, so it imports this module.
        from .rules import FigureRule

        if errors := FigureRule(None, [self]).errors(self):
            raise ValidationError(errors)


def is_in_force_during(unit: Unit, year: int) -> bool:
    """True when ``unit`` was in force on at least one day of ``year``."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return unit.valid_from <= end and (unit.valid_to is None or unit.valid_to >= start)
