"""The one pipeline of a row-by-row Excel import.

Read the file (``core.xlsx``), turn every row into the record's *entry* (the
same object the record's form, week grid, API and demo loader hand to its
rule), ask the record's rule for every problem of every row, then write the
good entries through the record's service in one transaction — all of them,
or none while a row is wrong unless the user ticked "valid rows only".

A row shows all its errors at once: a cell that could not be read and the
rule's verdicts on the other cells, never only the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .xlsx import Column, ImportFileError, ParseResult, RowError, read_rows

Errors = dict[str, list[str]]


class Rule(Protocol):
    """A record kind's checks, loaded once for a batch of entries."""

    def errors(self, entry: Any, *, ref: str = "") -> Errors: ...


@dataclass
class ImportReport:
    """What an import did: rows read, every error found, and how many records were added."""

    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    file_error: str = ""  # the file as a whole could not be read
    added: int = 0  # records written, ``updated`` of them replacing stored ones
    updated: int = 0
    valid_rows_only: bool = False  # what the user ticked, so the page's words match it

    @property
    def created(self) -> int:
        return self.added - self.updated

    @property
    def has_errors(self) -> bool:
        return bool(self.file_error or self.errors)

    @property
    def bad_rows(self) -> int:
        return len({error.row for error in self.errors})


class RowImport:
    """One kind of record read from Excel. A subclass gives its columns and three steps."""

    #: the entry's field → the column the user reads it in (when the names differ)
    field_columns: dict[str, str] = {}
    #: what ``run`` answers: an import with more to say subclasses ``ImportReport``
    report_class: type[ImportReport] = ImportReport

    def __init__(self, *, by):
        self.by = by
        self.updated = 0  # of the records ``store`` wrote, those replacing stored ones

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def entries(self, parsed: ParseResult) -> list[Any]:
        """One entry per parsed row, in order; may add errors (a code no unit has)."""
        raise NotImplementedError

    def rule(self, entries: Sequence[Any]) -> Rule:
        raise NotImplementedError

    def store(self, entries: Sequence[Any]) -> int:
        """Write the entries (inside the import's transaction); the number added."""
        raise NotImplementedError

    def run(self, upload, *, valid_rows_only: bool = False) -> ImportReport:
        columns = self.columns()
        try:
            parsed = read_rows(upload, columns)
        except ImportFileError as error:
            return self.report_class(file_error=str(error), valid_rows_only=valid_rows_only)
        headers = {column.key: column for column in columns}
        entries = self.entries(parsed)
        rule = self.rule(entries)
        unreadable: dict[int, set[str]] = {}  # row → columns whose cell could not be read
        for error in parsed.errors:
            unreadable.setdefault(error.row, set()).add(error.column)
        for row, entry in zip(parsed.rows, entries, strict=True):
            already = unreadable.get(row.number, set())
            for name, messages in rule.errors(entry, ref=_("row %d") % row.number).items():
                column = headers.get(self.field_columns.get(name, name))
                header = column.header if column else name
                if header in already:
                    continue  # the cell itself was unreadable: that error says it
                for message in messages:
                    parsed.add_error(row.number, header, message)
        report = self.report_class(
            rows=len(parsed.rows),
            errors=sorted(parsed.errors, key=lambda error: error.row),
            valid_rows_only=valid_rows_only,
        )
        bad = {error.row for error in report.errors}
        good = [e for row, e in zip(parsed.rows, entries, strict=True) if row.number not in bad]
        if (report.errors and not valid_rows_only) or not good:
            return report
        try:
            with transaction.atomic():
                report.added = self.store(good)
                report.updated = self.updated
        except ValidationError as error:
            # A rule the checks above could not see: keep nothing.
            report.added = report.updated = 0
            report.file_error = " ".join(error.messages)
        except IntegrityError:
            # The same records written meanwhile by someone else (a second upload).
            report.added = report.updated = 0
            report.file_error = _("Some rows were saved by someone else meanwhile: upload again.")
        return report
