"""Programme periods, indicators and their targets: policy as data.

The seed's three promises (plans in every district-level unit, weekly commune
radio, 100 cadre-turns trained a year) are rows here, not constants: the
2026–2030 programme or another province sets other numbers.  How a value is
computed is one of the rules in ``rules.py``; its thresholds are the target's
``parameters``.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammePeriod(models.Model):
    """A programme's years.  A *draft* period carries targets seeded by the
    platform (the 2026–2030 period starts with 2021–2025's) that province
    staff have not confirmed yet: dashboards compute it and say it is a draft."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft: targets to confirm")
        CONFIRMED = "confirmed", _("Confirmed")

    name = models.CharField(_("name"), max_length=100, unique=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.CONFIRMED,
        help_text=_(
            "Draft: the targets were copied from the previous period and wait for "
            "the province to confirm them."
        ),
    )

    class Meta:
        verbose_name = _("programme period")
        verbose_name_plural = _("programme periods")
        ordering = ["start"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The period must end after it starts.")})

    @property
    def years(self) -> list[int]:
        return list(range(self.start.year, self.end.year + 1))

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end

    @classmethod
    def containing(cls, day: datetime.date) -> ProgrammePeriod | None:
        return cls.objects.filter(start__lte=day, end__gte=day).first()


class Indicator(models.Model):
    class Rule(models.TextChoices):
        PLAN_COVERAGE = "plan_coverage", _("Plan coverage of district-level units")
        RADIO_COMPLIANCE = "radio_compliance", _("Weekly commune radio compliance")
        TRAINING_TURNS = "training_turns", _("Cadre-turns trained")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=50)
    rule = models.CharField(_("computed by"), max_length=40, choices=Rule.choices)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class Target(models.Model):
    """The value an indicator must reach in a period, or in one year of it."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="targets"
    )
    period = models.ForeignKey(
        ProgrammePeriod, verbose_name=_("period"), on_delete=models.CASCADE, related_name="targets"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("Empty: every year of the period.")
    )
    value = models.DecimalField(_("target value"), max_digits=10, decimal_places=2)
    parameters = models.JSONField(
        _("parameters"),
        default=dict,
        blank=True,
        help_text=_('Thresholds of the rule, e.g. {"min_per_week": 1}.'),
    )

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["indicator__sort_order", "period__start", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period", "year"], name="target_unique_per_year"
            ),
        ]

    def __str__(self) -> str:
        when = self.year or self.period
        return f"{self.indicator} ({when}): {self.value}"

    def clean(self) -> None:
        if self.year and self.period_id and self.year not in self.period.years:
            raise ValidationError({"year": _("The year is outside the period.")})
