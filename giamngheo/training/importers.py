"""A course's participant list from Excel, through the shared pipeline (``core.imports``).

Each row is resolved to the unit in force on the course's start date and to a
cadre already in the registry (or none, to be created), checked by
``ParticipantRule`` (every error of a row at once), and written in one
transaction with the course's history entry.

A cadre is matched by their name folded without accents and case ("Nguyễn
Thị Hoa" = "nguyen thi hoa") and the unit in force on the course date with
the row's code: a unit row spans every map while unchanged, so the same
person keeps matching year after year, and a renamed or moved unit gets its
own cadre entries, as its turns belong to the new unit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from giamngheo.accounts import scoping
from giamngheo.core.imports import ImportReport, RowImport
from giamngheo.core.text import fold
from giamngheo.core.xlsx import CellError, Column, ParseResult, parse_code, parse_text
from giamngheo.units.models import Unit, UnitLevel

from .models import Attendance, Cadre, TrainingCourse

if TYPE_CHECKING:
    from giamngheo.accounts.models import User


def parse_level(value: Any) -> str:
    """A level by its stored value or its label, with or without accents."""
    key = fold(str(value))
    for level in UnitLevel:
        if key in {fold(level.value), fold(str(level.label))}:
            return level.value
    labels = ", ".join(str(level.label) for level in UnitLevel)
    raise CellError(
        _("“%(value)s” is not one of: %(choices)s") % {"value": value, "choices": labels}
    )


def participant_columns() -> list[Column]:
    """The template's columns; headers are translated when called (in the user's language)."""
    return [
        Column("full_name", _("Full name"), parse_text, example="Nguyễn Thị Hoa"),
        Column("unit_code", _("Unit code"), parse_code, example="19942"),
        Column(
            "position",
            _("Position"),
            parse_text,
            required=False,
            example="Công chức Văn hóa - Xã hội",
        ),
        # Optional: the unit's level is the cadre's level; when given, it is checked.
        Column(
            "level", _("Level"), parse_level, required=False, example=str(UnitLevel.COMMUNE.label)
        ),
    ]


@dataclass
class Participant:
    """One row of a participant list: a cadre of a unit, found in the registry or new."""

    full_name: str | None
    code: str | None
    unit: Unit | None  # the unit in force on the course's start date with the code
    position: str
    level: str | None
    cadre: Cadre | None  # None: a new cadre is created


@dataclass
class ParticipantReport(ImportReport):
    created_cadres: int = 0  # of the participants added, those new in the registry


class ParticipantRule:
    """Every check of a participant list's rows, for one course, in a fixed number of queries."""

    def __init__(self, by: User, course: TrainingCourse, entries: Sequence[Participant]):
        self.course = course
        codes = {entry.code for entry in entries if entry.code}
        self.visible = set(
            scoping.units_visible_to(by).filter(code__in=codes).values_list("code", flat=True)
        )
        self.on_course = set(
            Attendance.objects.filter(course=course).values_list("cadre_id", flat=True)
        )
        self.seen: dict[tuple[str, str], str] = {}

    def errors(self, entry: Participant, *, ref: str = "") -> dict[str, list[str]]:
        errors: dict[str, list[str]] = defaultdict(list)
        if entry.code and entry.unit is None:
            errors["unit"].append(
                _("unit %(code)s was not in force on %(date)s, when the course started")
                % {"code": entry.code, "date": self.course.start_date.strftime("%d/%m/%Y")}
            )
        elif entry.unit is not None and entry.code not in self.visible:
            errors["unit"].append(_("unit %s is outside the units you manage") % entry.code)
        elif entry.unit is not None and entry.level and entry.level != entry.unit.level:
            errors["level"].append(
                _("%(unit)s is a unit of the %(level)s")
                % {"unit": entry.unit.name, "level": entry.unit.get_level_display().lower()}
            )
        if entry.full_name and entry.code:
            key = (fold(entry.full_name), entry.code)
            if key in self.seen:
                errors["full_name"].append(_("the same person as %s") % self.seen[key])
            else:
                self.seen[key] = ref
                if entry.cadre is not None and entry.cadre.pk in self.on_course:
                    errors["full_name"].append(_("is already a participant of this course"))
        return dict(errors)


class ParticipantImport(RowImport):
    """A course's participants from one workbook; new cadres join the registry."""

    field_columns = {"unit": "unit_code"}
    report_class = ParticipantReport

    def __init__(self, *, by: User, course: TrainingCourse):
        super().__init__(by=by)
        self.course = course
        self.created_cadres = 0

    def columns(self) -> list[Column]:
        return participant_columns()

    def entries(self, parsed: ParseResult) -> list[Participant]:
        on = self.course.start_date
        codes = {row.values["unit_code"] for row in parsed.rows if row.values.get("unit_code")}
        in_force = {unit.code: unit for unit in Unit.objects.in_force(on).filter(code__in=codes)}
        known = set(Unit.objects.filter(code__in=codes).values_list("code", flat=True))
        names = {fold(r.values["full_name"]) for r in parsed.rows if r.values.get("full_name")}
        registry: dict[tuple[str, int], Cadre] = {}
        for cadre in Cadre.objects.filter(
            unit__in=in_force.values(), search_name__in=names
        ).order_by("-is_active", "pk"):
            registry.setdefault((cadre.search_name, cadre.unit_id), cadre)
        header = participant_columns()[1].header
        entries = []
        for row in parsed.rows:
            name, code = row.values.get("full_name"), row.values.get("unit_code")
            if code and code not in known:
                parsed.add_error(row.number, header, _("no unit has the code “%s”") % code)
                code = None  # said: the rule has nothing to add about it
            unit = in_force.get(code) if code else None
            cadre = registry.get((fold(name), unit.pk)) if name and unit else None
            entries.append(
                Participant(
                    full_name=name,
                    code=code,
                    unit=unit,
                    position=row.values.get("position") or "",
                    level=row.values.get("level"),
                    cadre=cadre,
                )
            )
        return entries

    def rule(self, entries):
        return ParticipantRule(self.by, self.course, entries)

    def store(self, entries) -> int:
        for entry in entries:
            cadre = entry.cadre
            if cadre is None:
                cadre = Cadre(
                    full_name=entry.full_name,
                    unit=entry.unit,
                    level=entry.unit.level,
                    position=entry.position,
                )
                cadre.full_clean()
                cadre.save()
                self.created_cadres += 1
            attendance = Attendance(course=self.course, cadre=cadre, attended=True)
            attendance.full_clean()
            attendance.save()
        # In the course's history, with who imported and how many.
        log(
            instance=self.course,
            action="training.import_participants",
            user=self.by,
            data={"added": len(entries), "created_cadres": self.created_cadres},
        )
        return len(entries)


def import_participants(
    *, course: TrainingCourse, upload, by: User, valid_rows_only: bool
) -> ParticipantReport:
    """Add the cadres listed in an Excel file to ``course``'s participants.

    Every row is checked first; when any row is bad nothing is written unless
    ``valid_rows_only``, and then only the good rows are.  All writes happen in
    one transaction, so a failure midway leaves the course as it was.
    """
    if not scoping.can_access(by, course, unit_field="organising_unit"):
        raise PermissionDenied
    importer = ParticipantImport(by=by, course=course)
    report = importer.run(upload, valid_rows_only=valid_rows_only)
    report.created_cadres = importer.created_cadres if report.added else 0
    return report
