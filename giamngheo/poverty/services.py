"""Writes of the poverty figures: the Excel import."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from giamngheo.core.xlsx import ImportFileError, RowError, read_rows

from .importers import FIELD_COLUMNS, StatisticRow, check_statistics, statistic_columns

if TYPE_CHECKING:
    from giamngheo.accounts.models import User

ADD = "poverty.add_povertystatistic"
CHANGE = "poverty.change_povertystatistic"
# The log action of a figure an import replaced (registered in wagtail_hooks).
REPLACE_ACTION = "poverty.replace"


@dataclass
class ImportReport:
    """What an import did: the rows read, the errors found, and what was written."""

    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    file_error: str = ""  # the file as a whole could not be read
    created: int = 0
    updated: int = 0

    @property
    def has_errors(self) -> bool:
        return bool(self.file_error or self.errors)

    @property
    def imported(self) -> int:
        return self.created + self.updated

    # The name the shared import page (core/row_import.html) reads.
    added = imported


def import_statistics(
    *,
    upload: UploadedFile | bytes,
    by: User,
    valid_rows_only: bool = False,
    replace_existing: bool = False,
    today: datetime.date | None = None,
) -> ImportReport:
    """Record the poverty figures listed in an Excel file.

    Every row is checked first; when any row is bad nothing is written unless
    ``valid_rows_only``, and then only the good rows are.  A figure already
    recorded for the same unit and year is updated only with
    ``replace_existing`` (else its row is an error), and each update is logged
    with the figures it replaced.  All writes happen in one transaction.
    """
    if not by.has_perm(ADD) or (replace_existing and not by.has_perm(CHANGE)):
        raise PermissionDenied
    try:
        parsed = read_rows(upload, statistic_columns())
    except ImportFileError as error:
        return ImportReport(file_error=str(error))
    rows = check_statistics(parsed, by=by, replace_existing=replace_existing, today=today)
    report = ImportReport(
        rows=len(parsed.rows), errors=sorted(parsed.errors, key=lambda error: error.row)
    )
    if (report.errors and not valid_rows_only) or not rows:
        return report
    try:
        with transaction.atomic():
            for row in rows:
                _write(row, by, report)
    except _RowFailed as failure:
        # A rule the checks above missed (or a concurrent import): keep nothing.
        return ImportReport(rows=report.rows, errors=[*report.errors, failure.error])
    return report


class _RowFailed(Exception):
    def __init__(self, error: RowError):
        super().__init__(str(error))
        self.error = error


def _write(row: StatisticRow, by: User, report: ImportReport) -> None:
    statistic = row.statistic
    columns = {column.key: column.header for column in statistic_columns()}
    try:
        statistic.full_clean()
        statistic.save()
    except ValidationError as error:
        name = next(iter(error.message_dict), "unit")
        header = columns.get(FIELD_COLUMNS.get(name, "unit_code"), columns["unit_code"])
        raise _RowFailed(RowError(row.number, header, " ".join(error.messages))) from error
    except IntegrityError as error:
        raise _RowFailed(
            RowError(row.number, columns["year"], _("figures for this unit and year exist"))
        ) from error
    if row.is_update:
        log(
            instance=statistic,
            action=REPLACE_ACTION,
            user=by,
            data={
                "before": row.before,
                "after": {
                    "households": statistic.households,
                    "poor_households": statistic.poor_households,
                    "near_poor_households": statistic.near_poor_households,
                    "source": statistic.source,
                },
            },
        )
        report.updated += 1
    else:
        log(instance=statistic, action="wagtail.create", user=by, data={"import": True})
        report.created += 1
