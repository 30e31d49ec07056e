"""Reading a course's participant list from Excel and checking every row.

Nothing here writes: ``check_participants`` resolves each row to the unit in
force on the course's start date and to a cadre already in the registry (or
none, to be created), and records every bad row with its number and reason.
``services.import_participants`` then writes all rows, or only the valid ones.

A cadre is matched by their name folded without accents and case ("Nguyễn
Thị Hoa" = "nguyen thi hoa") and the unit in force on the course date with
the row's code: a unit row spans every map while unchanged, so the same
person keeps matching year after year, and a renamed or moved unit gets its
own cadre entries, as its turns belong to the new unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from giamngheo.accounts import scoping
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
class ParticipantRow:
    number: int
    full_name: str
    unit: Unit
    position: str
    cadre: Cadre | None  # None: a new cadre is created


def check_participants(
    parsed: ParseResult, *, course: TrainingCourse, by: User
) -> list[ParticipantRow]:
    """The rows that can be written; errors are added to ``parsed``. A fixed number of queries."""
    columns = {column.key: column for column in participant_columns()}
    on = course.start_date
    codes = {row.values["unit_code"] for row in parsed.rows if row.values.get("unit_code")}
    in_force = {unit.code: unit for unit in Unit.objects.in_force(on).filter(code__in=codes)}
    known = set(Unit.objects.filter(code__in=codes).values_list("code", flat=True))
    visible = set(
        scoping.units_visible_to(by).filter(code__in=codes).values_list("code", flat=True)
    )
    names = {fold(row.values["full_name"]) for row in parsed.rows if row.values.get("full_name")}
    registry: dict[tuple[str, int], Cadre] = {}
    for cadre in Cadre.objects.filter(unit__in=in_force.values(), search_name__in=names).order_by(
        "-is_active", "pk"
    ):
        registry.setdefault((cadre.search_name, cadre.unit_id), cadre)
    on_course = set(Attendance.objects.filter(course=course).values_list("cadre_id", flat=True))

    checked: list[ParticipantRow] = []
    first_row: dict[tuple[str, str], int] = {}
    for row in parsed.rows:
        name, code = row.values.get("full_name"), row.values.get("unit_code")
        unit = None
        if code:
            unit_column = columns["unit_code"]
            if code not in known:
                parsed.add_error(row.number, unit_column, _("no unit has the code “%s”") % code)
            elif code not in in_force:
                parsed.add_error(
                    row.number,
                    unit_column,
                    _("unit %(code)s was not in force on %(date)s, when the course started")
                    % {"code": code, "date": on.strftime("%d/%m/%Y")},
                )
            elif code not in visible:
                parsed.add_error(
                    row.number, unit_column, _("unit %s is outside the units you manage") % code
                )
            else:
                unit = in_force[code]
        level = row.values.get("level")
        if unit is not None and level and level != unit.level:
            parsed.add_error(
                row.number,
                columns["level"],
                _("%(unit)s is a unit of the %(level)s")
                % {"unit": unit.name, "level": unit.get_level_display().lower()},
            )
        if not (name and code):
            continue
        key = (fold(name), code)
        if key in first_row:
            parsed.add_error(
                row.number,
                columns["full_name"],
                _("the same person as row %d") % first_row[key],
            )
            continue
        first_row[key] = row.number
        if unit is None:
            continue
        cadre = registry.get((key[0], unit.pk))
        if cadre is not None and cadre.pk in on_course:
            parsed.add_error(
                row.number, columns["full_name"], _("is already a participant of this course")
            )
        checked.append(
            ParticipantRow(row.number, name, unit, row.values.get("position") or "", cadre)
        )
    bad = parsed.bad_rows
    return [row for row in checked if row.number not in bad]
