"""Reading the communicator registry from Excel and checking every row; nothing here writes.

A row's unit code is read against the map in force on the import day (``today``);
a person already in the registry (same name without accents, same unit code), or
twice in the file, is refused by row.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from giamngheo.accounts import scoping
from giamngheo.core.text import fold
from giamngheo.core.xlsx import (
    CellError,
    Column,
    ParseResult,
    choice_parser,
    parse_code,
    parse_text,
)
from giamngheo.units.models import Unit

from .models import Communicator, CommunicatorRole

if TYPE_CHECKING:
    from giamngheo.accounts.models import User


def parse_email(value) -> str:
    text = str(value).strip()
    try:
        validate_email(text)
    except ValidationError as error:
        raise CellError(_("“%(value)s” is not an e-mail address") % {"value": text}) from error
    return text


def communicator_columns() -> list[Column]:
    return [
        Column("full_name", _("Full name"), parse_text, example="Lê Thị Hồng"),
        Column("unit_code", _("Unit code"), parse_code, example="19942"),
        Column(
            "role",
            _("Role"),
            choice_parser(CommunicatorRole.choices),
            example=str(CommunicatorRole.PROPAGANDIST.label),
        ),
        Column("organisation", _("Organisation"), parse_text, required=False, example="Hội Phụ nữ"),
        Column("fields_of_work", _("Fields of work"), parse_text, required=False, example=""),
        Column("phone", _("Phone"), parse_code, required=False, example="0912345678"),
        Column("email", _("E-mail"), parse_email, required=False, example=""),
    ]


def check_communicators(
    parsed: ParseResult, *, by: User, today: datetime.date
) -> list[tuple[int, Communicator]]:
    """The rows that can be written, as unsaved communicators; errors are added to ``parsed``."""
    columns = {column.key: column for column in communicator_columns()}
    codes = {row.values["unit_code"] for row in parsed.rows if row.values.get("unit_code")}
    in_force = {u.code: u for u in Unit.objects.in_force(today).filter(code__in=codes)}
    known = set(Unit.objects.filter(code__in=codes).values_list("code", flat=True))
    visible = set(scoping.units_visible_to(by).filter(code__in=codes).values_list("pk", flat=True))
    registered = set(
        Communicator.objects.filter(unit__code__in=codes).values_list("search_name", "unit__code")
    )
    first_row: dict[tuple[str, str], int] = {}
    checked: list[tuple[int, Communicator]] = []
    for row in parsed.rows:
        values = row.values
        code, name = values.get("unit_code"), values.get("full_name")
        unit = None
        if code:
            if code not in known:
                parsed.add_error(
                    row.number, columns["unit_code"], _("no unit has the code “%s”") % code
                )
            elif code not in in_force:
                parsed.add_error(
                    row.number,
                    columns["unit_code"],
                    _("unit %(code)s was not in force on %(date)s")
                    % {"code": code, "date": today.strftime("%d/%m/%Y")},
                )
            elif in_force[code].pk not in visible:
                parsed.add_error(
                    row.number,
                    columns["unit_code"],
                    _("unit %s is outside the units you manage") % code,
                )
            else:
                unit = in_force[code]
        if not (name and code):
            continue
        key = (fold(name), code)
        if key in first_row:
            parsed.add_error(
                row.number, columns["full_name"], _("the same person as row %d") % first_row[key]
            )
            continue
        first_row[key] = row.number
        if key in registered:
            parsed.add_error(
                row.number, columns["full_name"], _("is already in the registry of this unit")
            )
            continue
        if unit is None or not values.get("role"):
            continue
        checked.append(
            (
                row.number,
                Communicator(
                    full_name=name,
                    unit=unit,
                    role=values["role"],
                    organisation=values.get("organisation") or "",
                    fields_of_work=values.get("fields_of_work") or "",
                    phone=values.get("phone") or "",
                    email=values.get("email") or "",
                    start_date=today,
                ),
            )
        )
    bad = parsed.bad_rows
    return [(number, person) for number, person in checked if number not in bad]
