"""The network of communicators (tuyên truyền viên, báo cáo viên).

A communicator belongs to one version of a unit, like a cadre; a commune is
*covered* when it has at least one active communicator (see selectors).  A
communicator may be a cadre of the training registry: the link shows the
trainings they attended without entering them twice.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from giamngheo.core.text import fold, person_sort_string
from giamngheo.units.models import Unit


class CommunicatorRole(models.TextChoices):
    PROPAGANDIST = "propagandist", _("Propagandist")
    REPORTER = "reporter", _("Reporter")
    BOTH = "both", _("Propagandist and reporter")


class Communicator(models.Model):
    full_name = models.CharField(_("full name"), max_length=150)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="communicators"
    )
    role = models.CharField(_("role"), max_length=20, choices=CommunicatorRole.choices)
    organisation = models.CharField(
        _("organisation"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Hội Liên hiệp Phụ nữ xã, Đoàn Thanh niên, Mặt trận Tổ quốc"),
    )
    fields_of_work = models.CharField(
        _("fields of work"),
        max_length=255,
        blank=True,
        help_text=_("Comma-separated, e.g. credit policy, vocational training, health insurance"),
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick when the person leaves the network.")
    )
    cadre = models.ForeignKey(
        "training.Cadre",
        verbose_name=_("cadre in the training registry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="communicators",
        help_text=_("Link the person's entry in the cadre registry to show their trainings."),
    )
    start_date = models.DateField(_("in the network since"), null=True, blank=True)
    search_name = models.CharField(max_length=150, editable=False, db_index=True)
    sort_name = models.CharField(max_length=400, editable=False, db_index=True)

    class Meta:
        verbose_name = _("communicator")
        verbose_name_plural = _("communicators")
        ordering = ["sort_name", "pk"]
        indexes = [models.Index(fields=["unit", "is_active"])]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.unit.name})" if self.unit_id else self.full_name

    def save(self, *args, **kwargs) -> None:
        self.set_derived_fields()
        super().save(*args, **kwargs)

    def set_derived_fields(self) -> None:
        """Fill the search and sort columns; bulk writes call it as ``save()`` is skipped."""
        self.search_name = fold(self.full_name)
        self.sort_name = person_sort_string(self.full_name)

    @property
    def unit_code(self) -> str:
        return self.unit.code

    def is_trained(self) -> bool:
        return self.cadre_id is not None

    is_trained.boolean = True  # type: ignore[attr-defined]
    is_trained.short_description = _("linked to the cadre registry")  # type: ignore[attr-defined]

    def clean(self) -> None:
        self.full_name = " ".join((self.full_name or "").split())
        if self.cadre_id and self.unit_id and self.cadre.unit.code != self.unit.code:
            raise ValidationError(
                {
                    "cadre": _(
                        "%(name)s is registered as a cadre of %(unit)s; choose a cadre of the "
                        "communicator's own unit."
                    )
                    % {"name": self.cadre.full_name, "unit": self.cadre.unit.name}
                }
            )
