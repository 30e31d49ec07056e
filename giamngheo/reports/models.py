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

DEFAULT_RECIPIENTS = "- Ban Chỉ đạo các CTMTQG tỉnh;\n- Sở Lao động - TB&XH;\n- Lưu: VT."


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
    recipients = models.TextField(_("recipients"), blank=True, default=DEFAULT_RECIPIENTS)
    signer_title = models.CharField(_("signer's title"), max_length=150, blank=True)
    signer_name = models.CharField(_("signer's name"), max_length=150, blank=True)
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

    def clean(self) -> None:
        if self.unit_id and self.unit.level == UnitLevel.COMMUNE and self._year_has_districts():
            raise ValidationError(
                {"unit": _("A report is made for the province or a district-level unit.")}
            )

    def _year_has_districts(self) -> bool:
        """Whether the year's map (on its reference day) has districts: then they report
        for their communes; on the two-level map a commune reports to the province."""
        import datetime

        from giamngheo.indicators.rules import reference_day
        from giamngheo.units.models import Unit
        from giamngheo.units.selectors import has_district_level

        province = self.unit.province_code
        year = self.year or self.unit.valid_from.year
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        day = reference_day(Unit.objects.of_province(province), start, end)
        return has_district_level(province_code=province, on=day)

    @property
    def period(self) -> ReportPeriod:
        return ReportPeriod(self.year, 1 if self.kind == self.Kind.SEMI_ANNUAL else None)

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
