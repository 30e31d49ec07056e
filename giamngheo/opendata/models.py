"""Exchange with DHIS2-style indicator systems: the mapping from our indicators and
unit codes to the receiving system's ids (data that province staff keep in the
admin), and the values the province receives from such a system.

The mapping is by unit *code*, not by unit row: units are versioned, and every
version of a unit keeps its national statistics code.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from giamngheo.indicators.models import Indicator
from giamngheo.units.models import Unit

# A DHIS2 identifier: a UID (11 letters and digits) or a code; no spaces.
dhis2_id = RegexValidator(
    r"^[A-Za-z0-9_.\-]{1,50}$",
    _("Enter the identifier as the receiving system shows it: letters, digits, “_”, “.”, “-”."),
)


class PeriodType(models.TextChoices):
    YEARLY = "yearly", _("Yearly (e.g. 2026)")
    WEEKLY = "weekly", _("Weekly, ISO weeks (e.g. 2026W5)")


class DataElementMapping(models.Model):
    """One of our indicators as a data element of the receiving system."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="dhis2_elements",
    )
    period_type = models.CharField(
        _("period type"),
        max_length=10,
        choices=PeriodType.choices,
        default=PeriodType.YEARLY,
        help_text=_("Weekly values exist only for the commune radio indicator."),
    )
    data_element = models.CharField(
        _("data element id"),
        max_length=50,
        validators=[dhis2_id],
        help_text=_("The data element's identifier (UID) in the receiving system."),
    )
    category_option_combo = models.CharField(
        _("category option combo id"),
        max_length=50,
        blank=True,
        validators=[dhis2_id],
        help_text=_("Empty: the receiving system's default."),
    )

    class Meta:
        verbose_name = _("DHIS2 data element mapping")
        verbose_name_plural = _("DHIS2 data element mappings")
        ordering = ["indicator__sort_order", "indicator__code", "period_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_type"], name="dhis2_element_one_per_indicator_period"
            ),
            models.UniqueConstraint(
                fields=["data_element", "category_option_combo"], name="dhis2_element_unique_id"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} → {self.data_element}"

    def clean(self) -> None:
        if (
            self.period_type == PeriodType.WEEKLY
            and self.indicator_id
            and self.indicator.rule != Indicator.Rule.RADIO_COMPLIANCE
        ):
            raise ValidationError(
                {"period_type": _("Only the commune radio indicator has weekly values.")}
            )


class OrgUnitMapping(models.Model):
    """One of our units (by its code) as an organisation unit of the receiving system."""

    unit_code = models.CharField(
        _("unit code"),
        max_length=10,
        unique=True,
        help_text=_("National statistics code of our unit, e.g. 46 for the province."),
    )
    org_unit = models.CharField(
        _("organisation unit id"),
        max_length=50,
        unique=True,
        validators=[dhis2_id],
        help_text=_("The organisation unit's identifier (UID) in the receiving system."),
    )

    class Meta:
        verbose_name = _("DHIS2 organisation unit mapping")
        verbose_name_plural = _("DHIS2 organisation unit mappings")
        ordering = ["unit_code"]

    def __str__(self) -> str:
        return f"{self.unit_name()} ({self.unit_code}) → {self.org_unit}"

    def unit_name(self) -> str:
        unit = Unit.objects.filter(code=self.unit_code).order_by("-valid_from").first()
        return unit.name if unit else "?"

    unit_name.short_description = _("unit")  # type: ignore[attr-defined]

    def clean(self) -> None:
        self.unit_code = (self.unit_code or "").strip()
        if self.unit_code and not Unit.objects.filter(code=self.unit_code).exists():
            raise ValidationError(
                {
                    "unit_code": _("No administrative unit has the code “%(code)s”.")
                    % {"code": self.unit_code}
                }
            )


class ReceivedBatch(models.Model):
    """One data value set the province received, as imported."""

    source = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("Who sent the values, e.g. “DHIS2 of the Ministry”."),
    )
    file_name = models.CharField(_("file"), max_length=255, blank=True)
    received_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    value_count = models.PositiveIntegerField(_("values"), default=0)

    class Meta:
        verbose_name = _("received data value set")
        verbose_name_plural = _("received data value sets")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.source} ({self.received_at:%d/%m/%Y %H:%M})"


class ReceivedValue(models.Model):
    """A value received for one of our indicators, unit and period.

    The same data element, period, organisation unit and combos received again
    replace the value (DHIS2's own create-and-update), keeping the latest source.
    """

    batch = models.ForeignKey(
        ReceivedBatch,
        verbose_name=_("received in"),
        on_delete=models.CASCADE,
        related_name="values",
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="+"
    )
    unit_code = models.CharField(_("unit code"), max_length=10, db_index=True)
    period = models.CharField(_("period (DHIS2)"), max_length=20)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    comment = models.TextField(pgettext_lazy("received value", "comment"), blank=True)
    data_element = models.CharField(_("data element id"), max_length=50)
    org_unit = models.CharField(_("organisation unit id"), max_length=50)
    category_option_combo = models.CharField(
        _("category option combo id"), max_length=50, blank=True
    )
    attribute_option_combo = models.CharField(
        _("attribute option combo id"), max_length=50, blank=True
    )

    class Meta:
        verbose_name = _("received value")
        verbose_name_plural = _("received values")
        # Values enter only through the import (services.receive_data_value_set).
        permissions = [("import_receivedvalue", _("Can import received values"))]
        ordering = ["-period_start", "indicator__sort_order", "unit_code"]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "data_element",
                    "period",
                    "org_unit",
                    "category_option_combo",
                    "attribute_option_combo",
                ],
                name="dhis2_received_value_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} · {self.unit_code} · {self.period}: {self.value}"

    def source(self) -> str:
        return self.batch.source

    source.short_description = _("source")  # type: ignore[attr-defined]
