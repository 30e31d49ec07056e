"""Administrative units, versioned over time.

A ``Unit`` row is one state of a unit: while its code, name, level, kind and
parent code stay the same, one row spans every map it appears in.  When any
of them changes (Huyện Phong Điền becomes Thị xã Phong Điền; a ward moves
from its district straight under the city on 1 July 2025) the row is closed
and a new one opens, linked to it by a ``UnitSuccession``.  Mergers are
successions too, so figures of a period can be rolled forward to the map in
force today.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from giamngheo.core.text import collation_string, fold


class UnitLevel(models.TextChoices):
    PROVINCE = "province", _("Province level")
    DISTRICT = "district", _("District level")
    COMMUNE = "commune", _("Commune level")


class UnitQuerySet(models.QuerySet["Unit"]):
    def in_force(self, on: datetime.date) -> UnitQuerySet:
        """Units in force on date ``on``."""
        return self.filter(valid_from__lte=on).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )

    def in_period(self, start: datetime.date, end: datetime.date) -> UnitQuerySet:
        """Units in force on at least one day between ``start`` and ``end``."""
        return self.filter(valid_from__lte=end).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=start)
        )

    def of_province(self, province_code: str) -> UnitQuerySet:
        return self.filter(province_code=province_code)

    def search(self, query: str) -> UnitQuerySet:
        """Match the code or the name, with or without Vietnamese accents."""
        folded = fold(query)
        if not folded:
            return self
        return self.filter(Q(search_name__contains=folded) | Q(code=query.strip()))

    def vietnamese_order(self) -> UnitQuerySet:
        return self.order_by("sort_name", "code", "valid_from")


class Unit(models.Model):
    code = models.CharField(
        _("code"), max_length=10, db_index=True, help_text=_("National statistics code")
    )
    name = models.CharField(_("name"), max_length=150)
    level = models.CharField(_("level"), max_length=10, choices=UnitLevel.choices)
    kind = models.CharField(
        _("kind"), max_length=40, blank=True, help_text=_("e.g. huyện, thị xã, phường, xã")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    province_code = models.CharField(_("province code"), max_length=10, db_index=True)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=120, blank=True)
    # Derived columns: accent-free name for search, Vietnamese alphabetical order.
    search_name = models.CharField(max_length=150, blank=True, editable=False, db_index=True)
    sort_name = models.CharField(max_length=400, blank=True, editable=False, db_index=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["sort_name", "code", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="unit_code_valid_from"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_to_after_valid_from",
            ),
        ]
        indexes = [models.Index(fields=["province_code", "level", "valid_from", "valid_to"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_name = fold(self.name)
        self.sort_name = collation_string(self.name)
        super().save(*args, **kwargs)

    def is_in_force(self, on: datetime.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or self.valid_to >= on)

    def predecessors_display(self) -> str:
        return ", ".join(
            f"{u.name} ({u.code})" for u in Unit.objects.filter(successions__successor=self)
        )

    predecessors_display.short_description = _("former units")  # type: ignore[attr-defined]

    def successors_display(self) -> str:
        return ", ".join(
            f"{u.name} ({u.code})" for u in Unit.objects.filter(precursions__predecessor=self)
        )

    successors_display.short_description = _("successor units")  # type: ignore[attr-defined]

    @property
    def parent_code(self) -> str | None:
        return self.parent.code if self.parent_id else None


class UnitSuccession(models.Model):
    """``predecessor`` was replaced, in whole or in part, by ``successor`` on ``on``."""

    predecessor = models.ForeignKey(
        Unit, verbose_name=_("former unit"), on_delete=models.CASCADE, related_name="successions"
    )
    successor = models.ForeignKey(
        Unit, verbose_name=_("successor unit"), on_delete=models.CASCADE, related_name="precursions"
    )
    on = models.DateField(_("date"))
    source = models.CharField(_("source"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("unit succession")
        verbose_name_plural = _("unit successions")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="unit_succession_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor}"
