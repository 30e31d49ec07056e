"""Writes of the network: the registry's import from Excel, all or nothing."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from giamngheo.core.imports import ImportReport
from giamngheo.core.xlsx import ImportFileError, RowError, read_rows

from .importers import check_communicators, communicator_columns

if TYPE_CHECKING:
    from giamngheo.accounts.models import User


class _RowFailed(Exception):
    def __init__(self, error: RowError):
        super().__init__(str(error))
        self.error = error


def import_communicators(
    *,
    upload: UploadedFile | bytes,
    by: User,
    today: datetime.date,
    valid_rows_only: bool = False,
) -> ImportReport:
    """Add the communicators listed in an Excel file; nothing when a row is bad, unless asked."""
    try:
        parsed = read_rows(upload, communicator_columns())
    except ImportFileError as error:
        return ImportReport(file_error=str(error), valid_rows_only=valid_rows_only)
    rows = check_communicators(parsed, by=by, today=today)
    report = ImportReport(
        rows=len(parsed.rows),
        errors=sorted(parsed.errors, key=lambda e: e.row),
        valid_rows_only=valid_rows_only,
    )
    if (report.errors and not valid_rows_only) or not rows:
        return report
    try:
        with transaction.atomic():
            for number, person in rows:
                try:
                    person.full_clean()
                except ValidationError as error:
                    raise _RowFailed(
                        RowError(number, _("Full name"), " ".join(error.messages))
                    ) from error
                person.save()
                report.added += 1
    except _RowFailed as failure:
        return ImportReport(
            rows=report.rows,
            errors=[*report.errors, failure.error],
            valid_rows_only=valid_rows_only,
        )
    return report
