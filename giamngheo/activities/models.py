"""The register of communication activities and products (hoạt động, sản phẩm truyền thông).

Kinds are data (``ActivityKind``), seeded with the forms Circular 06/2022/TT-BTTTT
lists; staff may add more.  An ``Activity`` is one product or event of one unit
version, dated, with its reach and cost, optionally done under a planned
activity of a communication plan so that plans can be compared with what was
done.  Portal items (news, events, dialogues, contests) enter the register by
themselves: such an entry carries its ``source`` and takes its title, date,
unit and kind from it (services.sync_source).
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from giamngheo.core.text import fold
from giamngheo.plans.models import ActivityType
from giamngheo.units.models import Unit, UnitLevel


def _date(value: datetime.date) -> str:
    return value.strftime("%d/%m/%Y")


class KindGroup(models.TextChoices):
    PRODUCT = "product", _("Communication product")
    EVENT = "event", _("Communication event")


class Channel(models.TextChoices):
    PRESS = "press", _("Press")
    RADIO = "radio", _("Radio")
    TV = "tv", _("Television")
    ONLINE = "online", _("Website or portal")
    SOCIAL = "social", _("Social media")
    IN_PERSON = "in_person", _("In person")
    PRINT = "print", _("Print")
    OTHER = "other", _("Other")


class ActivityKind(models.Model):
    name = models.CharField(_("name"), max_length=150, unique=True)
    code = models.SlugField(_("code"), max_length=50, unique=True)
    group = models.CharField(_("group"), max_length=10, choices=KindGroup.choices)
    plan_type = models.CharField(
        _("activity type in plans"),
        max_length=20,
        choices=ActivityType.choices,
        blank=True,
        help_text=_(
            "The type planned activities of communication plans use for this kind, so that "
            "what was done can be compared with what was planned."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to stop offering this kind.")
    )
    search_name = models.CharField(max_length=150, editable=False, db_index=True)

    class Meta:
        verbose_name = _("activity kind")
        verbose_name_plural = _("activity kinds")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)


class Activity(models.Model):
    kind = models.ForeignKey(
        ActivityKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="activities"
    )
    title = models.CharField(_("title"), max_length=255)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="activities"
    )
    start_date = models.DateField(_("date"), db_index=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Empty for a one-day activity.")
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, blank=True)
    audience = models.CharField(
        _("audience"), max_length=255, blank=True, help_text=_("e.g. poor households, cadres")
    )
    audience_reached = models.PositiveIntegerField(
        _("people reached"),
        null=True,
        blank=True,
        help_text=_("Readers, listeners, viewers or people present, as estimated."),
    )
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    cost = models.DecimalField(
        _("cost (VND)"),
        max_digits=15,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    link = models.URLField(_("link"), max_length=500, blank=True)
    attachment = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("attachment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    planned_activity = models.ForeignKey(
        "plans.PlannedActivity",
        verbose_name=_("planned activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="done_activities",
        help_text=_("The activity of a communication plan this carries out."),
    )
    communicators = models.ManyToManyField(
        "network.Communicator",
        verbose_name=_("communicators"),
        blank=True,
        related_name="activities",
    )
    notes = models.TextField(_("notes"), blank=True)
    # The portal item this entry was made from; its title and date come from there.
    source_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, editable=False
    )
    source_id = models.PositiveIntegerField(null=True, blank=True, editable=False)
    source = GenericForeignKey("source_type", "source_id")
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("communication activity")
        verbose_name_plural = _("communication activities")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id"], name="activity_one_entry_per_source"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="activity_ends_after_it_starts",
            ),
        ]
        indexes = [models.Index(fields=["unit", "start_date"])]

    def __str__(self) -> str:
        return f"{self.title} ({_date(self.start_date)})" if self.start_date else self.title

    def save(self, *args, **kwargs) -> None:
        self.set_derived_fields()
        super().save(*args, **kwargs)

    def set_derived_fields(self) -> None:
        """Fill the accent-free search column; bulk writes call it as ``save()`` is skipped."""
        self.search_text = fold(" ".join([self.title, self.audience, self.notes]))

    @property
    def is_from_portal(self) -> bool:
        return self.source_type_id is not None

    def from_portal(self) -> bool:
        return self.is_from_portal

    from_portal.boolean = True  # type: ignore[attr-defined]
    from_portal.short_description = _("from the portal")  # type: ignore[attr-defined]

    def get_kind_group(self) -> str:
        return self.kind.get_group_display()

    @property
    def unit_code(self) -> str:
        return self.unit.code

    def clean(self) -> None:
        self.title = " ".join((self.title or "").split())
        # Imported here: the rule reads the stored register, so it imports this module.
        from .rules import ActivityRule

        if errors := ActivityRule(None, [self]).errors(self):
            raise ValidationError(errors)

    def planned_activity_error(self, unit: Unit) -> str:
        """Why the linked planned activity is not this unit's or not of this date; or ""."""
        plan = self.planned_activity.plan
        plan_code = plan.unit.code
        # A plan is a district's: its own activities and its communes' count towards it.
        in_plan_area = unit.code == plan_code or (
            unit.level == UnitLevel.COMMUNE
            and unit.parent_id is not None
            and unit.parent.level == UnitLevel.DISTRICT
            and unit.parent.code == plan_code
        )
        if not in_plan_area:
            return _(
                "This planned activity belongs to the plan of %(plan_unit)s; choose one of a plan "
                "of %(unit)s or of the district it belongs to."
            ) % {"plan_unit": plan.unit.name, "unit": unit.name}
        if self.start_date:
            start, end = plan.covered_dates()
            if not start <= self.start_date <= end:
                return _(
                    "The plan “%(plan)s” covers %(start)s to %(end)s; the activity's date "
                    "%(date)s is outside it."
                ) % {
                    "plan": plan.title,
                    "start": _date(start),
                    "end": _date(end),
                    "date": _date(self.start_date),
                }
        return ""
