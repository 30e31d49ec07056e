"""Commune radio programmes (chương trình phát thanh của đài truyền thanh xã).

A commune logs each programme it broadcast; the week's log (``WeeklyLog``)
records when the commune reported the week, so that reporting discipline can
be measured as DHIS2 measures data sets: on time when entered within a set
number of days after the week ends, locked after a longer period unless a
district officer reopens it.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from giamngheo.units.models import UnitLevel

AUDIO_EXTENSIONS = ["mp3", "ogg", "oga", "m4a", "wav"]
MAX_AUDIO_BYTES = 30 * 1024 * 1024


def monday_of(day: datetime.date) -> datetime.date:
    """The Monday that starts ``day``'s ISO week."""
    return day - datetime.timedelta(days=day.weekday())


def validate_audio_size(upload) -> None:
    if upload.size > MAX_AUDIO_BYTES:
        raise ValidationError(_("The audio file is larger than 30 MB."))


@register_setting(icon="time")
class RadioReportingSettings(BaseGenericSetting):
    """How long communes have to report a week of radio, and when it locks."""

    on_time_days = models.PositiveSmallIntegerField(
        _("days to report on time"),
        default=3,
        help_text=_("A week counts as reported on time when entered this many days after it ends."),
    )
    lock_days = models.PositiveSmallIntegerField(
        _("days before a week locks"),
        default=14,
        help_text=_(
            "After this many days a week's log can only be changed if a district reopens it."
        ),
    )
    reopen_days = models.PositiveSmallIntegerField(_("days a reopened week stays open"), default=7)

    panels = [FieldPanel("on_time_days"), FieldPanel("lock_days"), FieldPanel("reopen_days")]

    class Meta:
        verbose_name = _("commune radio reporting")

    def clean(self) -> None:
        if self.lock_days < self.on_time_days:
            raise ValidationError(
                {"lock_days": _("A week cannot lock before its on-time deadline.")}
            )


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
    # Monday of the ISO week, stored so weekly counts are one indexed GROUP BY.
    week_start = models.DateField(_("week"), editable=False)
    title = models.CharField(_("title"), max_length=255)
    minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    source = models.CharField(
        _("source"), max_length=20, choices=BroadcastSource.choices, default=BroadcastSource.OWN
    )
    audio = models.FileField(
        _("audio file"),
        upload_to="radio/%Y/%m/",
        blank=True,
        validators=[FileExtensionValidator(AUDIO_EXTENSIONS), validate_audio_size],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
    )
    created_at = models.DateTimeField(_("entered at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("radio programme")
        verbose_name_plural = _("radio programmes")
        ordering = ["-on", "commune__sort_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minutes__gt=0), name="broadcast_minutes_positive"
            ),
            models.UniqueConstraint(
                fields=["commune", "on", "title"], name="broadcast_unique_per_day_title"
            ),
        ]
        # (commune, week) serves a province's heat-map; (week, commune) the national
        # weekly compliance, read from the index alone (bench/RESULTS.md).
        indexes = [
            models.Index(fields=["commune", "week_start"]),
            models.Index(fields=["week_start", "commune"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.on:%d/%m/%Y})"

    def save(self, *args, **kwargs) -> None:
        self.week_start = monday_of(self.on)
        super().save(*args, **kwargs)

    # No clean(): every check of a programme is services.ProgrammeRule, asked by every
    # entry route, so that a programme gets one verdict whichever way it comes in.


class WeeklyLog(models.Model):
    """A commune's report for one ISO week: when it was first entered, and reopenings."""

    commune = models.ForeignKey(
        "units.Unit",
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="radio_weeks",
    )
    week_start = models.DateField(_("week (Monday)"))
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now)
    # The local day of reported_at, so timeliness is one date comparison in SQL.
    reported_on = models.DateField(_("reported on"), default=timezone.localdate)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    no_programme = models.BooleanField(
        _("no programme this week"),
        default=False,
        help_text=_("The commune reports that it broadcast nothing this week."),
    )
    reopened_until = models.DateTimeField(_("reopened until"), null=True, blank=True)

    class Meta:
        verbose_name = _("weekly radio log")
        verbose_name_plural = _("weekly radio logs")
        ordering = ["-week_start"]
        constraints = [
            models.UniqueConstraint(fields=["commune", "week_start"], name="weekly_log_unique")
        ]

    def __str__(self) -> str:
        return f"{self.commune}, {self.week_start:%d/%m/%Y}"

    @property
    def week_end(self) -> datetime.date:
        return self.week_start + datetime.timedelta(days=6)


class WeekReopening(models.Model):
    """A district officer reopened a locked week; the reason is kept."""

    log = models.ForeignKey(
        WeeklyLog,
        verbose_name=_("commune and week"),
        on_delete=models.CASCADE,
        related_name="reopenings",
    )
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("reopened week")
        verbose_name_plural = _("reopened weeks")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.log}: {self.reason[:40]}"


class RadioWeekCounts(models.Model):
    """Programmes per ISO week of one commune in one ISO year: a rollup of ``Broadcast``.

    Byte ``i`` of ``counts`` is the number of programmes of week ``i + 1`` (at most
    255).  Written by ``rollup.refresh`` in the same transaction as the programmes
    (``services.store_programmes``, and the signals for single saves and deletes),
    so the national indicator reads 10,000 rows a year instead of 600,000 and is
    never behind the log (bench/RESULTS.md).
    """

    commune = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()  # the ISO year of the weeks
    counts = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["commune", "year"], name="radio_week_counts_unique")
        ]
        indexes = [models.Index(fields=["year", "commune"])]

    def __str__(self) -> str:
        return f"{self.commune_id}, {self.year}"
