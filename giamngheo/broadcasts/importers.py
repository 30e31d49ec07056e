"""Excel import of many communes' radio logs at once.

Each row is a ``Programme`` checked by the same rule as the single form and the
week grid (``services.ProgrammeRule``), through the shared pipeline in
``core.imports``: every error of every row is listed, and a file with errors
imports nothing unless the user ticked "valid rows only".
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from giamngheo.core import xlsx
from giamngheo.core.imports import ImportReport, RowImport
from giamngheo.units.models import Unit, UnitLevel

from .models import BroadcastSource
from .services import Programme, ProgrammeRule, store_programmes


def columns() -> list[xlsx.Column]:
    return [
        xlsx.Column("code", _("Commune code"), xlsx.parse_code, example="19942"),
        xlsx.Column("on", _("Broadcast date"), xlsx.parse_date, example="05/06/2023"),
        xlsx.Column("title", _("Title"), xlsx.parse_text, example="Chính sách hỗ trợ hộ nghèo"),
        xlsx.Column("minutes", _("Minutes"), xlsx.parse_positive_int, example=15),
        xlsx.Column(
            "source",
            _("Source"),
            xlsx.choice_parser(BroadcastSource.choices),
            required=False,
            example=str(BroadcastSource.OWN.label),
        ),
    ]


class RadioImport(RowImport):
    """Many communes' programmes from one workbook, checked by the programme's one rule."""

    field_columns = {"commune": "code"}

    def columns(self) -> list[xlsx.Column]:
        return columns()

    def entries(self, parsed: xlsx.ParseResult) -> list[Programme]:
        codes = {row.values["code"] for row in parsed.rows if row.values.get("code")}
        versions: dict[str, list[Unit]] = {}
        for unit in Unit.objects.filter(level=UnitLevel.COMMUNE, code__in=codes).order_by(
            "-valid_from"
        ):
            versions.setdefault(unit.code, []).append(unit)
        header = columns()[0].header
        entries = []
        for row in parsed.rows:
            values = row.values
            code, on = values.get("code"), values.get("on")
            known = versions.get(code, [])
            if code and not known:
                parsed.add_error(row.number, header, _("no commune has the code %s") % code)
            # The version in force on the date; without a readable date, the latest one.
            unit = next((u for u in known if on and u.is_in_force(on)), None)
            entries.append(
                Programme(
                    commune=unit or (known[0] if known else None),
                    on=on,
                    title=values.get("title"),
                    minutes=values.get("minutes"),
                    source=values.get("source") or BroadcastSource.OWN,
                )
            )
        return entries

    def rule(self, entries):
        return ProgrammeRule(self.by, entries)

    def store(self, entries) -> int:
        return len(store_programmes(entries, by=self.by))


def import_broadcasts(*, upload, by, valid_rows_only: bool = False) -> ImportReport:
    """Check every row of ``upload``; import all, or only the valid rows if asked."""
    return RadioImport(by=by).run(upload, valid_rows_only=valid_rows_only)
