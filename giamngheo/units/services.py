"""Writes to the unit tables: importing maps and recording successions.

Each import runs in one transaction and is idempotent: a second run of the
same maps changes nothing and says so.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from .divisions import DATA_DIR, Division, UnitMap, unit_maps
from .models import Unit, UnitLevel, UnitSuccession

LEVEL_ORDER = [UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE]
ONE_DAY = datetime.timedelta(days=1)


@dataclass
class ImportReport:
    created: int = 0
    changed: int = 0
    closed: int = 0
    successions: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)
    created_pks: set[int] = field(default_factory=set, repr=False)

    @property
    def is_empty(self) -> bool:
        return not (self.created or self.changed or self.closed or self.successions)

    def summary(self) -> str:
        return _(
            "created %(created)d, changed %(changed)d, closed %(closed)d, "
            "successions %(successions)d"
        ) % {
            "created": self.created,
            "changed": self.changed,
            "closed": self.closed,
            "successions": self.successions,
        }


def _later_end(a: datetime.date | None, b: datetime.date | None) -> datetime.date | None:
    """The later of two end dates, where None means open-ended."""
    return None if a is None or b is None else max(a, b)


def _same_state(unit: Unit, division: Division, parent_code: str | None) -> bool:
    return (unit.name, unit.level, unit.kind, unit.parent_code) == (
        division.name,
        division.level,
        division.kind,
        parent_code,
    )


def _link(predecessor: Unit, successor: Unit, on: datetime.date, source: str) -> bool:
    _, created = UnitSuccession.objects.get_or_create(
        predecessor=predecessor, successor=successor, defaults={"on": on, "source": source}
    )
    return created


def _import_map(unit_map: UnitMap, divisions: list[Division], report: ImportReport) -> None:
    start = unit_map.valid_from
    province = divisions[0].province_code if divisions else None
    existing = Unit.objects.of_province(province).select_related("parent")
    latest: dict[str, Unit] = {}
    for unit in existing.filter(valid_from__lte=start).order_by("valid_from"):
        latest[unit.code] = unit  # the newest state of each code up to this map
    placed: dict[str, Unit] = {}

    ordered = sorted(divisions, key=lambda d: LEVEL_ORDER.index(d.level))
    for division in ordered:
        parent = placed.get(division.parent_code) if division.parent_code else None
        current = latest.get(division.code)
        if current is not None and _same_state(current, division, division.parent_code):
            end = _later_end(current.valid_to, unit_map.valid_to)
            if current.valid_to != end:
                current.valid_to = end
                current.save()
                # Extending a row this run created is part of creating it.
                report.changed += current.pk not in report.created_pks
            placed[division.code] = current
            continue
        if current is not None and current.valid_from == start:
            # Same map imported again with different data: update in place.
            current.name, current.level, current.kind = division.name, division.level, division.kind
            current.parent = parent
            current.source = unit_map.source
            current.save()
            report.changed += 1
            placed[division.code] = current
            continue
        unit = Unit(
            code=division.code,
            name=division.name,
            level=division.level,
            kind=division.kind,
            parent=parent,
            province_code=division.province_code,
            valid_from=start,
            valid_to=unit_map.valid_to,
            source=unit_map.source,
        )
        unit.full_clean(validate_unique=False)
        unit.save()
        report.created += 1
        report.created_pks.add(unit.pk)
        placed[division.code] = unit
        if current is not None:
            if current.valid_to is None or current.valid_to >= start:
                current.valid_to = start - ONE_DAY
                current.save()
                report.closed += 1
            report.successions += _link(current, unit, start, unit_map.source)

    # Units in force when this map begins but absent from it end the day before.
    gone = existing.in_force(start).exclude(code__in=placed.keys())
    for unit in gone:
        unit.valid_to = start - ONE_DAY
        unit.save()
        report.closed += 1


def import_units(
    *, province_code: str, maps: Iterable[UnitMap] | None = None, with_successions: bool = True
) -> ImportReport:
    """Import every map of ``province_code`` (oldest first) and the known successions."""
    report = ImportReport()
    chosen = list(maps) if maps is not None else unit_maps()
    with transaction.atomic():
        for unit_map in sorted(chosen, key=lambda m: m.valid_from):
            divisions = unit_map.divisions(province_code)
            if not divisions:
                report.notes.append(
                    _("Map %(map)s has no province with code %(code)s.")
                    % {"map": unit_map.key, "code": province_code}
                )
                continue
            _import_map(unit_map, divisions, report)
        if with_successions:
            for path in sorted((DATA_DIR / "succession").glob("*.csv")):
                result = import_successions(
                    path.read_text(encoding="utf-8"),
                    source=f"vietnamadminunits ({path.name})",
                    province_code=province_code,
                    strict=False,
                )
                report.successions += result.successions
            report.successions += derive_parent_successions(province_code=province_code)
    return report


class SuccessionImportError(Exception):
    """A succession CSV had invalid rows; nothing was written."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def import_successions(
    text: str, *, source: str, province_code: str | None = None, strict: bool = True
) -> ImportReport:
    """Record successions from CSV text with the columns ``code_old, code_new, date``.

    ``date`` is the day the new unit took over: the former unit is the one in
    force the day before, the successor the one in force that day.  With
    ``strict`` every row must resolve or nothing is written, and the error
    names the row; otherwise rows about units not in the database (other
    provinces of a national file) are skipped.
    """
    report = ImportReport()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    expected = {"code_old", "code_new", "date"}
    if reader.fieldnames is None or not expected <= {f.strip() for f in reader.fieldnames}:
        raise SuccessionImportError(
            [_("The file must have the columns code_old, code_new and date.")]
        )
    units = Unit.objects.all()
    if province_code:
        units = units.of_province(province_code)
    by_code: dict[str, list[Unit]] = {}
    for unit in units:
        by_code.setdefault(unit.code, []).append(unit)

    def in_force(code: str, on: datetime.date) -> Unit | None:
        return next((u for u in by_code.get(code, []) if u.is_in_force(on)), None)

    errors: list[str] = []
    pairs: list[tuple[Unit, Unit, datetime.date]] = []
    for number, row in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        try:
            on = datetime.date.fromisoformat(row["date"])
        except ValueError:
            errors.append(
                _("Row %(row)d: date “%(value)s” is not a date (YYYY-MM-DD).")
                % {"row": number, "value": row["date"]}
            )
            continue
        old = in_force(row["code_old"], on - ONE_DAY)
        new = in_force(row["code_new"], on)
        if old is None or new is None:
            if strict:
                missing = row["code_old"] if old is None else row["code_new"]
                when = on - ONE_DAY if old is None else on
                errors.append(
                    _("Row %(row)d: no unit with code %(code)s in force on %(date)s.")
                    % {"row": number, "code": missing, "date": when.strftime("%d/%m/%Y")}
                )
            else:
                report.skipped += 1
            continue
        if old.pk == new.pk:
            if strict:
                errors.append(_("Row %(row)d: a unit cannot succeed itself.") % {"row": number})
            continue
        pairs.append((old, new, on))
    if errors:
        raise SuccessionImportError(errors)
    with transaction.atomic():
        for old, new, on in pairs:
            report.successions += _link(old, new, on, source)
    return report


def import_successions_file(path: Path, *, source: str | None = None) -> ImportReport:
    return import_successions(path.read_text(encoding="utf-8-sig"), source=source or path.name)


def derive_parent_successions(*, province_code: str) -> int:
    """A district that ended is succeeded by whatever its communes went to.

    The 2025 reorganisation abolished districts: their figures roll forward
    through the communes they held on their last day.
    """
    created = 0
    ended = Unit.objects.of_province(province_code).filter(
        level=UnitLevel.DISTRICT, valid_to__isnull=False, successions__isnull=True
    )
    for district in ended:
        last_day = district.valid_to
        children = Unit.objects.filter(
            parent__code=district.code, level=UnitLevel.COMMUNE
        ).in_force(last_day)
        successors = Unit.objects.filter(
            precursions__predecessor__in=children, valid_from=last_day + ONE_DAY
        ).distinct()
        for successor in successors:
            created += _link(district, successor, last_day + ONE_DAY, _("derived from communes"))
    return created
