"""Writes of the training app that touch several records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from giamngheo.accounts import scoping
from giamngheo.core.xlsx import ImportFileError, RowError, read_rows

from .importers import ParticipantRow, check_participants, participant_columns
from .models import Attendance, Cadre, TrainingCourse

if TYPE_CHECKING:
    from giamngheo.accounts.models import User


@dataclass
class ImportReport:
    """What an import did: the rows read, the errors found, and what was written."""

    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    file_error: str = ""  # the file as a whole could not be read
    added: int = 0  # participants added to the course
    created_cadres: int = 0  # of whom new in the registry

    @property
    def has_errors(self) -> bool:
        return bool(self.file_error or self.errors)

    @property
    def bad_rows(self) -> int:
        return len({error.row for error in self.errors})


def import_participants(
    *, course: TrainingCourse, upload: UploadedFile | bytes, by: User, valid_rows_only: bool
) -> ImportReport:
    """Add the cadres listed in an Excel file to ``course``'s participants.

    Every row is checked first; when any row is bad nothing is written unless
    ``valid_rows_only``, and then only the good rows are.  All writes happen in
    one transaction, so a failure midway leaves the course as it was.
    """
    if not scoping.can_access(by, course, unit_field="organising_unit"):
        raise PermissionDenied
    try:
        parsed = read_rows(upload, participant_columns())
    except ImportFileError as error:
        return ImportReport(file_error=str(error))
    rows = check_participants(parsed, course=course, by=by)
    report = ImportReport(
        rows=len(parsed.rows), errors=sorted(parsed.errors, key=lambda error: error.row)
    )
    if (report.errors and not valid_rows_only) or not rows:
        return report
    try:
        with transaction.atomic():
            for row in rows:
                _add_participant(course, row, report)
            # In the course's history, with who imported and how many.
            log(
                instance=course,
                action="training.import_participants",
                user=by,
                data={"added": report.added, "created_cadres": report.created_cadres},
            )
    except _RowFailed as failure:
        # A rule the checks above missed (or a concurrent import): keep nothing.
        return ImportReport(rows=report.rows, errors=[*report.errors, failure.error])
    return report


class _RowFailed(Exception):
    def __init__(self, error: RowError):
        super().__init__(str(error))
        self.error = error


def _add_participant(course: TrainingCourse, row: ParticipantRow, report: ImportReport) -> None:
    try:
        cadre = row.cadre
        if cadre is None:
            cadre = Cadre(
                full_name=row.full_name, unit=row.unit, level=row.unit.level, position=row.position
            )
            cadre.full_clean()
            cadre.save()
            report.created_cadres += 1
        attendance = Attendance(course=course, cadre=cadre, attended=True)
        attendance.full_clean()
        attendance.save()
    except ValidationError as error:
        raise _RowFailed(RowError(row.number, _("Full name"), " ".join(error.messages))) from error
    except IntegrityError as error:
        raise _RowFailed(
            RowError(row.number, _("Full name"), _("is already a participant of this course"))
        ) from error
    report.added += 1
