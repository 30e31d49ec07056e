"""Commune radio programmes (chương trình phát thanh của đài truyền thanh xã).

The first record kept per unit: a commune logs each programme it broadcast.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from giamngheo.units.models import UnitLevel


class BroadcastSource(models.TextChoices):
    OWN = "own", _("Own production")
    PROVINCE = "province", _("Material from the province")


class Broadcast(models.Model):
    commune = models.ForeignKey(
        "units.Unit",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="broadcasts",
        limit_choices_to={"level": UnitLevel.COMMUNE},
    )
    on = models.DateField(_("broadcast date"))
    title = models.CharField(_("title"), max_length=255)
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    source = models.CharField(
        _("source"), max_length=20, choices=BroadcastSource.choices, default=BroadcastSource.OWN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
    )
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("radio programme")
        verbose_name_plural = _("radio programmes")
        ordering = ["-on", "commune__sort_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minutes__gt=0), name="broadcast_minutes_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.on:%d/%m/%Y})"

    def clean(self) -> None:
        if self.commune_id and self.on and not self.commune.is_in_force(self.on):
            raise ValidationError(
                {"on": _("The commune did not exist on this date under this name.")}
            )
        if self.minutes is not None and self.minutes > 24 * 60:
            raise ValidationError({"minutes": _("A programme cannot last more than a day.")})
