"""Reading activities from Excel and checking every row; nothing here writes.

A row names its kind by name or code (accents and case ignored), its unit by
code, read against the map in force on the row's date.  Rows of units outside
the user's, and rows that repeat one another or an entry already in the
register (same unit, kind, title and date), are rejected by row.
``services.import_activities`` then writes all rows or only the valid ones.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from giamngheo.accounts import scoping
from giamngheo.core.text import fold
from giamngheo.core.xlsx import (
    CellError,
    Column,
    ParseResult,
    choice_parser,
    parse_code,
    parse_date,
    parse_text,
)
from giamngheo.units.models import Unit

from .models import Activity, ActivityKind, Channel
from .rules import ALREADY_REGISTERED, register_key, registered_keys

if TYPE_CHECKING:
    from giamngheo.accounts.models import User


def parse_count(value: Any) -> int:
    """A number of people: a whole number, 0 or more ("1.500" is read as Vietnamese write it)."""
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).replace(" ", "").replace(".", "").replace(",", "")
        try:
            number = float(text)
        except ValueError as error:
            raise CellError(_("“%(value)s” is not a number") % {"value": value}) from error
    if not number.is_integer() or number < 0:
        raise CellError(_("must be a whole number, 0 or more"))
    return int(number)


def parse_cost(value: Any) -> Decimal:
    """An amount in VND; "1.500.000" and "1 500 000" are read as Vietnamese write them."""
    if isinstance(value, int | float):
        amount = Decimal(str(value))
    else:
        text = str(value).replace(" ", "").replace(".", "").replace(",", "")
        try:
            amount = Decimal(text)
        except InvalidOperation as error:
            raise CellError(_("“%(value)s” is not an amount") % {"value": value}) from error
    if amount < 0 or amount != amount.to_integral_value():
        raise CellError(_("must be a whole amount in VND, 0 or more"))
    return amount


def parse_url(value: Any) -> str:
    text = str(value).strip()
    try:
        URLValidator()(text)
    except ValidationError as error:
        raise CellError(_("“%(value)s” is not a web address") % {"value": text}) from error
    return text


def parse_kind_text(value: Any) -> str:
    return fold(str(value))


def activity_columns() -> list[Column]:
    """The template's columns; headers are translated when called (in the user's language)."""
    return [
        Column("kind", _("Kind"), parse_kind_text, example="Tin bài"),
        Column("title", _("Title"), parse_text, example="Tuyên truyền chính sách vay vốn"),
        Column("unit_code", _("Unit code"), parse_code, example="19942"),
        Column("start_date", _("Date"), parse_date, example="15/03/2023"),
        Column("end_date", _("End date"), parse_date, required=False, example=""),
        Column(
            "channel",
            _("Channel"),
            choice_parser(Channel.choices),
            required=False,
            example=str(Channel.ONLINE.label),
        ),
        Column("audience", _("Audience"), parse_text, required=False, example="Hộ nghèo"),
        Column("audience_reached", _("People reached"), parse_count, required=False, example=500),
        Column("participants", _("Participants"), parse_count, required=False, example=""),
        Column("cost", _("Cost (VND)"), parse_cost, required=False, example=2000000),
        Column(
            "link",
            pgettext("import column", "Link"),
            parse_url,
            required=False,
            example="https://giamngheo.hue.gov.vn/",
        ),
    ]


def check_activities(parsed: ParseResult, *, by: User) -> list[tuple[int, Activity]]:
    """The rows that can be written, as unsaved activities; errors are added to ``parsed``.

    A fixed number of queries, whatever the number of rows.
    """
    columns = {column.key: column for column in activity_columns()}
    kinds: dict[str, ActivityKind] = {}
    for kind in ActivityKind.objects.filter(is_active=True):
        kinds[kind.search_name] = kind
        kinds[kind.code] = kind
    codes = {row.values["unit_code"] for row in parsed.rows if row.values.get("unit_code")}
    versions: dict[str, list[Unit]] = {}
    for unit in Unit.objects.filter(code__in=codes).order_by("valid_from"):
        versions.setdefault(unit.code, []).append(unit)
    visible = set(scoping.units_visible_to(by).filter(code__in=codes).values_list("pk", flat=True))

    checked: list[tuple[int, Activity]] = []
    first_row: dict[tuple[int, int, str, Any], int] = {}
    for row in parsed.rows:
        values = row.values
        kind = None
        if values.get("kind"):
            kind = kinds.get(values["kind"]) or kinds.get(values["kind"].replace(" ", "-"))
            if kind is None:
                parsed.add_error(
                    row.number,
                    columns["kind"],
                    _("no activity kind is called “%s”") % values["kind"],
                )
        unit = None
        code, on = values.get("unit_code"), values.get("start_date")
        if code and on:
            unit_column = columns["unit_code"]
            in_force = [u for u in versions.get(code, []) if u.is_in_force(on)]
            if code not in versions:
                parsed.add_error(row.number, unit_column, _("no unit has the code “%s”") % code)
            elif not in_force:
                parsed.add_error(
                    row.number,
                    unit_column,
                    _("unit %(code)s was not in force on %(date)s")
                    % {"code": code, "date": on.strftime("%d/%m/%Y")},
                )
            elif in_force[0].pk not in visible:
                parsed.add_error(
                    row.number, unit_column, _("unit %s is outside the units you manage") % code
                )
            else:
                unit = in_force[0]
        end = values.get("end_date")
        if on and end and end < on:
            parsed.add_error(row.number, columns["end_date"], _("is before the date"))
        if kind is None or unit is None or not values.get("title"):
            continue
        key = (unit.pk, kind.pk, fold(values["title"]), on)
        if key in first_row:
            parsed.add_error(
                row.number, columns["title"], _("the same activity as row %d") % first_row[key]
            )
            continue
        first_row[key] = row.number
        activity = Activity(
            kind=kind,
            title=values["title"],
            unit=unit,
            start_date=on,
            end_date=end,
            channel=values.get("channel") or "",
            audience=values.get("audience") or "",
            audience_reached=values.get("audience_reached"),
            participants=values.get("participants"),
            cost=values.get("cost"),
            link=values.get("link") or "",
        )
        checked.append((row.number, activity))

    # Already in the register: one query for every candidate row, as the single form asks.
    registered = registered_keys([activity for _number, activity in checked])
    for number, activity in checked:
        if register_key(activity) in registered:
            parsed.add_error(number, columns["title"], str(ALREADY_REGISTERED))
    bad = parsed.bad_rows
    return [(number, activity) for number, activity in checked if number not in bad]
