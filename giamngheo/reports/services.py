"""Writes of the annual report: asking for one, and generating it (the task's work)."""

from __future__ import annotations

import logging
import re

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from giamngheo.accounts import scoping
from giamngheo.units.models import Unit

from . import builder
from .document import report_document
from .models import DEFAULT_RECIPIENTS, GeneratedReport
from .pdf import write_pdf
from .xlsx import write_workbook

logger = logging.getLogger(__name__)
# Share of the progress bar the sections take; the XLSX and the PDF share the rest.
SECTIONS_SHARE = 80
GENERATE = "reports.add_generatedreport"


def reportable_units(user):
    """The units ``user`` may make a report for: the province or district-level units
    in their scope; on the two-level map (no district) its communes and wards too,
    which report straight to the province.  Communes of a map with districts make
    none: the district reports for them."""
    from django.db.models import Q

    from giamngheo.units.models import UnitLevel
    from giamngheo.units.selectors import two_level_or_district

    return scoping.units_visible_to(user).filter(
        Q(level=UnitLevel.PROVINCE) | two_level_or_district()
    )


def request_report(
    *,
    kind: str,
    year: int,
    unit: Unit,
    by,
    number: str = "",
    recipients: str = "",
    signer_title: str = "",
    signer_name: str = "",
) -> GeneratedReport:
    """Record the request and enqueue its generation; the unit must be in ``by``'s scope."""
    if not by.has_perm(GENERATE):
        raise PermissionDenied
    if not reportable_units(by).filter(pk=unit.pk).exists():
        raise ValidationError({"unit": _("This unit is outside your units.")})
    report = GeneratedReport(
        kind=kind,
        year=year,
        unit=unit,
        number=number.strip(),
        recipients=recipients.strip() or DEFAULT_RECIPIENTS,
        signer_title=signer_title.strip(),
        signer_name=signer_name.strip(),
        requested_by=by,
    )
    report.full_clean()
    report.save()
    from .tasks import generate_report

    # The immediate backend (tests, `make run`) generates right here; a worker does in production.
    generate_report.enqueue(report.pk)
    report.refresh_from_db()
    return report


def _set(report: GeneratedReport, **fields) -> None:
    for name, value in fields.items():
        setattr(report, name, value)
    GeneratedReport.objects.filter(pk=report.pk).update(**fields)


def _part_name(path: str) -> str:
    config = apps.get_containing_app_config(path)
    return str(config.verbose_name) if config else path


def _file_name(report: GeneratedReport, extension: str) -> str:
    unit = slugify(re.sub(r"[đĐ]", "d", report.unit.name)) or report.unit.code
    return f"bao-cao-{report.year}-{unit}.{extension}"


def generate(report: GeneratedReport, *, builders: list[str] | None = None) -> GeneratedReport:
    """Build every section in turn, updating the progress, then write the XLSX and PDF.

    A failure leaves the report ``failed`` with a message naming the part.
    """
    paths = list(builder.SECTION_BUILDERS if builders is None else builders)
    _set(report, status=GeneratedReport.Status.RUNNING, progress=0, error="", current_step="")
    step = ""
    try:
        scope = builder.report_scope(report.unit)
        sections = []
        for done, path in enumerate(paths):
            step = _("Part %(number)d: %(name)s") % {"number": done + 1, "name": _part_name(path)}
            _set(report, current_step=step)
            sections.append(builder.import_string(path)(period=report.period, scope=scope))
            _set(report, progress=round(SECTIONS_SHARE * (done + 1) / max(1, len(paths))))
        report.generated_at = timezone.now()
        document = report_document(report)
        step = _("Writing the XLSX file")
        _set(report, current_step=step)
        xlsx = write_workbook(document=document, sections=sections)
        _set(report, progress=SECTIONS_SHARE + 5)
        step = _("Writing the PDF file")
        _set(report, current_step=step)
        pdf = write_pdf(document=document, sections=sections)
        report.xlsx.save(_file_name(report, "xlsx"), ContentFile(xlsx), save=False)
        report.pdf.save(_file_name(report, "pdf"), ContentFile(pdf), save=False)
        _set(
            report,
            xlsx=report.xlsx.name,
            pdf=report.pdf.name,
            generated_at=report.generated_at,
            status=GeneratedReport.Status.DONE,
            progress=100,
            current_step="",
        )
    except Exception as error:
        logger.exception("Report %s failed at %s", report.pk, step)
        _set(
            report,
            status=GeneratedReport.Status.FAILED,
            error=_("%(step)s could not be made: %(error)s") % {"step": step, "error": error},
        )
    return report


def generate_by_id(report_id: int, *, language: str) -> GeneratedReport | None:
    report = GeneratedReport.objects.select_related("unit").filter(pk=report_id).first()
    if report is None:
        return None
    with translation.override(language):
        return generate(report)
