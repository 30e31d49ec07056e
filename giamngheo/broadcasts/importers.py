"""Excel import of many communes' radio logs at once.

Parse every row, validate each (columns, commune codes, dates, duplicates,
scope, locked weeks), then write all rows in one transaction — or, when the
user chose so, only the valid ones.  A file with errors imports nothing by
default.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from giamngheo.accounts import scoping
from giamngheo.core import xlsx
from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.units.models import UnitLevel

from .models import Broadcast, BroadcastSource, WeeklyLog, monday_of
from .selectors import week_locked_for


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


@dataclass
class ImportReport:
    rows: int = 0
    imported: int = 0
    errors: list[xlsx.RowError] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)


def import_broadcasts(*, upload, by, valid_rows_only: bool = False) -> ImportReport:
    """Validate every row of ``upload``; import all, or only the valid rows if asked.

    Raises ``xlsx.ImportFileError`` when the file itself is unreadable.
    """
    parsed = xlsx.read_rows(upload, columns())
    headers = {column.key: column.header for column in columns()}
    visible = scoping.units_visible_to(by).filter(level=UnitLevel.COMMUNE)
    codes = {row.values.get("code") for row in parsed.rows if row.values.get("code")}
    units_by_code: dict[str, list] = {}
    for unit in visible.filter(code__in=codes):
        units_by_code.setdefault(unit.code, []).append(unit)
    periods = list(ProgrammePeriod.objects.all())
    today = timezone.localdate()

    seen: dict[tuple, int] = {}
    candidates = []
    for row in parsed.rows:
        values = row.values
        if row.number in parsed.bad_rows:
            continue
        code, on = values["code"], values["on"]
        if on > today:
            parsed.add_error(row.number, headers["on"], _("the date is in the future"))
            continue
        if not any(period.contains(on) for period in periods):
            parsed.add_error(
                row.number, headers["on"], _("the date is outside every programme period")
            )
            continue
        unit = next((u for u in units_by_code.get(code, []) if u.is_in_force(on)), None)
        if unit is None:
            message = (
                _("no commune with code %(code)s in force on %(date)s among your communes")
                if code not in units_by_code
                else _("commune %(code)s did not exist under this code on %(date)s")
            )
            parsed.add_error(
                row.number,
                headers["code"],
                message % {"code": code, "date": on.strftime("%d/%m/%Y")},
            )
            continue
        key = (unit.pk, on, values["title"].lower())
        if key in seen:
            parsed.add_error(
                row.number,
                headers["title"],
                _("same commune, date and title as row %(row)d") % {"row": seen[key]},
            )
            continue
        seen[key] = row.number
        candidates.append((row, unit))

    existing = set(
        Broadcast.objects.filter(
            commune__in={unit.pk for _row, unit in candidates},
            on__in={row.values["on"] for row, _unit in candidates},
        ).values_list("commune_id", "on", "title")
    )
    existing = {(c, d, t.lower()) for c, d, t in existing}
    to_create = []
    for row, unit in candidates:
        values = row.values
        if (unit.pk, values["on"], values["title"].lower()) in existing:
            parsed.add_error(row.number, headers["title"], _("already logged"))
            continue
        if week_locked_for(by, commune=unit, week_start=monday_of(values["on"])):
            parsed.add_error(row.number, headers["on"], _("the week's log is locked"))
            continue
        to_create.append(
            Broadcast(
                commune=unit,
                on=values["on"],
                week_start=monday_of(values["on"]),
                title=values["title"][:255],
                minutes=values["minutes"],
                source=values.get("source") or BroadcastSource.OWN,
                created_by=by,
            )
        )

    report = ImportReport(rows=len(parsed.rows), errors=sorted(parsed.errors, key=lambda e: e.row))
    if report.has_errors and not valid_rows_only:
        return report
    with transaction.atomic():
        Broadcast.objects.bulk_create(to_create)
        weeks = {(b.commune_id, b.week_start) for b in to_create}
        known = set(
            WeeklyLog.objects.filter(
                commune_id__in={c for c, _w in weeks}, week_start__in={w for _c, w in weeks}
            ).values_list("commune_id", "week_start")
        )
        WeeklyLog.objects.bulk_create(
            [WeeklyLog(commune_id=c, week_start=w, reported_by=by) for c, w in weeks - known]
        )
        from giamngheo.indicators.cache import bump

        bump()  # bulk_create sends no signals
    report.imported = len(to_create)
    return report
