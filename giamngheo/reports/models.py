"""A generated report (báo cáo kết quả): what was asked, how far it got, its files."""

from __future__ import annotations

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from giamngheo.units.models import Unit, UnitLevel

from .sections import ReportPeriod


class ReportFileStorage(FileSystemStorage):
    """Generated files on disk outside MEDIA_ROOT: nothing serves the folder, the
    scoped download view does.  The location is read on each use from the setting."""

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @property
    def base_location(self):  # type: ignore[override]
        return settings.REPORTS_FILES_ROOT

    @property
    def location(self):  # type: ignore[override]
        return os.path.abspath(self.base_location)


def report_storage() -> Storage:
    """``STORAGES["reports"]`` (e.g. a private S3 bucket) if set, else the private folder."""
    if "reports" in settings.STORAGES:
        return storages["reports"]
    return ReportFileStorage()


def report_path(instance: GeneratedReport, filename: str) -> str:
    # Not guessable: the name alone gives nobody the file, but it is not a URL anyway.
    suffix = os.path.splitext(filename)[1].lower()
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class GeneratedReport(models.Model):
    class Kind(models.TextChoices):
        ANNUAL = "annual", _("Annual")
        SEMI_ANNUAL = "semi_annual", _("Semi-annual (first half)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ANNUAL)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField(
        _("number and symbol"), max_length=50, blank=True, help_text=_('e.g. "125/BC-UBND"')
    )
    # Empty: the issuing body's (``IssuingBody``), as in force on the issue date.
    recipients = models.TextField(_("recipients"), blank=True, default="")
    signer_title = models.CharField(_("signer's title"), max_length=150, blank=True)
    signer_name = models.CharField(_("signer's name"), max_length=150, blank=True)
    # The date the document bears (and whose organisation it follows); empty: the day
    # it is generated.
    issued_on = models.DateField(_("issue date"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    current_step = models.CharField(_("current step"), max_length=255, blank=True)
    error = models.TextField(_("error"), blank=True)
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True)
    xlsx = models.FileField(
        _("XLSX file"), upload_to=report_path, storage=report_storage, blank=True, max_length=200
    )
    pdf = models.FileField(
        _("PDF file"), upload_to=report_path, storage=report_storage, blank=True, max_length=200
    )

    class Meta:
        verbose_name = _("generated report")
        verbose_name_plural = _("generated reports")
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["unit", "-requested_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} – {self.unit.name}"

    @property
    def period(self) -> ReportPeriod:
        return ReportPeriod(self.year, 1 if self.kind == self.Kind.SEMI_ANNUAL else None)

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class IssuingBody(models.Model):
    """Who issues the reports of one level's units, from one date to another.

    Bodies, their names and the offices a report goes to change with the
    organisation (the Sở Lao động - Thương binh và Xã hội merged in 2025; no
    district level after 30 June 2025), so like units they are versioned: a
    report takes the row in force on its issue date.  The texts may hold
    ``{UNIT}`` (the issuing unit's name in capitals, "THÀNH PHỐ HUẾ"), ``{unit}``
    ("thành phố Huế"), ``{kind}`` ("thành phố") and ``{province}`` (the
    province's name, "thành phố Huế"), filled from the units in force that day.
    """

    level = models.CharField(_("level"), max_length=10, choices=UnitLevel.choices)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    superior_body = models.CharField(
        _("superior body"), max_length=200, blank=True, help_text=_('e.g. "UBND {UNIT}"')
    )
    name = models.TextField(
        _("issuing body"),
        help_text=_("Written out in capitals; one line of the header a line."),
    )
    symbol = models.CharField(_("document symbol"), max_length=30, help_text=_('e.g. "BC-BCĐ"'))
    place = models.CharField(
        _("place"), max_length=100, blank=True, help_text=_("Empty: the unit's own name.")
    )
    recipients = models.TextField(_("recipients"), help_text=_("One recipient a line."))
    signer_title = models.TextField(
        _("signer's title"),
        help_text=_('One or two lines, e.g. "TM. ỦY BAN NHÂN DÂN" over "CHỦ TỊCH".'),
    )
    signer_name = models.CharField(_("signer's name"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")
        ordering = ["level", "-valid_from"]

    def __str__(self) -> str:
        end = f"{self.valid_to:%d/%m/%Y}" if self.valid_to else "…"
        name = " ".join(self.name.split())
        return f"{self.get_level_display()}: {name} ({self.valid_from:%d/%m/%Y}–{end})"

    def clean(self) -> None:
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The end date is before the start date.")})
        overlapping = IssuingBody.objects.filter(level=self.level).exclude(pk=self.pk)
        overlapping = overlapping.filter(
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=self.valid_from)
        )
        if self.valid_to:
            overlapping = overlapping.filter(valid_from__lte=self.valid_to)
        if self.valid_from and overlapping.exists():
            raise ValidationError(
                {"valid_from": _("Another issuing body of this level is in force on these dates.")}
            )
