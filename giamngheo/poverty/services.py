"""Writes of the poverty figures: the Excel import."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Workflow

from giamngheo.accounts.roles import role_group
from giamngheo.core import approval
from giamngheo.core.xlsx import ImportFileError, RowError, read_rows

from .importers import FIELD_COLUMNS, StatisticRow, check_statistics, statistic_columns
from .models import PovertyStatistic

if TYPE_CHECKING:
    from giamngheo.accounts.models import User

ADD = "poverty.add_povertystatistic"
CHANGE = "poverty.change_povertystatistic"
# Province staff approve figures; what they enter themselves is approved as entered.
PUBLISH = "poverty.publish_povertystatistic"
# The log action of a figure an import replaced (registered in wagtail_hooks).
REPLACE_ACTION = "poverty.replace"
# Data, in Vietnamese like the role names: shown as such in the workflow admin.
WORKFLOW_NAME = "Duyệt số liệu hộ nghèo, cận nghèo"
TASK_NAME = "Cán bộ tỉnh duyệt số liệu hộ nghèo"


def ensure_poverty_workflow() -> Workflow:
    """Figures a commune or district enters are approved by province staff; idempotent."""
    return approval.ensure_approval_workflow(
        model=PovertyStatistic,
        workflow_name=WORKFLOW_NAME,
        task_name=TASK_NAME,
        groups=[role_group("province_staff")],
    )


def ensure_poverty_workflow_after_migrate(sender: Any, **kwargs: Any) -> None:
    # The poverty app migrates after accounts, whose handler has created the role groups.
    ensure_poverty_workflow()


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
    submit: bool = False,
    today: datetime.date | None = None,
) -> ImportReport:
    """Record the poverty figures listed in an Excel file.

    Every row is checked first; when any row is bad nothing is written unless
    ``valid_rows_only``, and then only the good rows are.  A figure already
    recorded for the same unit and year is updated only with
    ``replace_existing`` (else its row is an error), and each update is logged
    with the figures it replaced.  All writes happen in one transaction.

    Figures are approved before they count (``core.approval``): each row becomes
    a draft revision, sent for approval with ``submit``; province staff's own
    figures are approved as they are entered. An approved figure an import
    changes keeps its approved values in public until the change is approved.
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
                _write(row, by, report, submit=submit)
    except _RowFailed as failure:
        # A rule the checks above missed (or a concurrent import): keep nothing.
        return ImportReport(rows=report.rows, errors=[*report.errors, failure.error])
    return report


@transaction.atomic
def record_figures(*, statistic: PovertyStatistic, by: User, submit: bool = False) -> None:
    """Store a unit's figures for a year as a revision awaiting approval.

    A figure not yet approved is saved as it is; an approved one keeps its approved
    values in the row (what the public sees) and the new ones wait in the revision.
    """
    statistic.full_clean()
    if statistic.pk is None:
        statistic.live = False
        statistic.has_unpublished_changes = True
    if not statistic.live:
        statistic.save()
    revision = statistic.save_revision(user=by, clean=False)
    if by.has_perm(PUBLISH):
        revision.publish(user=by)
    elif submit:
        approval.submit(instance=statistic, by=by)


class _RowFailed(Exception):
    def __init__(self, error: RowError):
        super().__init__(str(error))
        self.error = error


def _write(row: StatisticRow, by: User, report: ImportReport, *, submit: bool) -> None:
    statistic = row.statistic
    columns = {column.key: column.header for column in statistic_columns()}
    if statistic.pk and statistic.workflow_in_progress:
        raise _RowFailed(
            RowError(
                row.number,
                columns["year"],
                _("these figures are awaiting approval: wait for the province's decision"),
            )
        )
    try:
        record_figures(statistic=statistic, by=by, submit=submit)
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
