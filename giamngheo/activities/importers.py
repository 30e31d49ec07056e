"""Activities from Excel, through the shared import pipeline (``core.imports``).

A row names its kind by name or code (accents and case ignored), its unit by
code, read against the map in force on the row's date; each row becomes an
``Activity`` checked by the activity's one rule (``rules.ActivityRule``), as the
record form checks it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from giamngheo.core.imports import ImportReport, RowImport
from giamngheo.core.text import fold
from giamngheo.core.xlsx import (
    CellError,
    Column,
    ParseResult,
    choice_parser,
    parse_code,
    parse_count,
    parse_date,
    parse_text,
    whole_number,
)
from giamngheo.units.models import Unit

from .models import Activity, ActivityKind, Channel
from .rules import ActivityRule

if TYPE_CHECKING:
    from giamngheo.accounts.models import User


def parse_cost(value: Any) -> Decimal:
    """An amount in VND: a whole number by the one rule ("1.500.000", "1 500 000")."""
    amount = whole_number(value)
    if amount < 0:
        raise CellError(_("must be a whole amount in VND, 0 or more"))
    return Decimal(amount)


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


class ActivityImport(RowImport):
    """Activities from one workbook, checked by the activity's one rule."""

    field_columns = {"unit": "unit_code", "start_date": "start_date", "end_date": "end_date"}

    def columns(self) -> list[Column]:
        return activity_columns()

    def entries(self, parsed: ParseResult) -> list[Activity]:
        headers = {column.key: column.header for column in activity_columns()}
        kinds: dict[str, ActivityKind] = {}
        for kind in ActivityKind.objects.filter(is_active=True):
            kinds[kind.search_name] = kind
            kinds[kind.code] = kind
        codes = {row.values["unit_code"] for row in parsed.rows if row.values.get("unit_code")}
        versions: dict[str, list[Unit]] = {}
        for unit in Unit.objects.filter(code__in=codes).order_by("valid_from"):
            versions.setdefault(unit.code, []).append(unit)
        entries = []
        for row in parsed.rows:
            values = row.values
            kind = None
            if values.get("kind"):
                kind = kinds.get(values["kind"]) or kinds.get(values["kind"].replace(" ", "-"))
                if kind is None:
                    parsed.add_error(
                        row.number,
                        headers["kind"],
                        _("no activity kind is called “%s”") % values["kind"],
                    )
            code, on = values.get("unit_code"), values.get("start_date")
            if code and code not in versions:
                parsed.add_error(
                    row.number, headers["unit_code"], _("no unit has the code “%s”") % code
                )
            known = versions.get(code, [])
            # The version in force on the date; without one, the latest, which the rule refuses.
            latest = known[-1] if known else None
            unit = next((u for u in known if on and u.is_in_force(on)), latest)
            entries.append(
                Activity(
                    kind=kind,
                    title=" ".join((values.get("title") or "").split()),
                    unit=unit,
                    start_date=on,
                    end_date=values.get("end_date"),
                    channel=values.get("channel") or "",
                    audience=values.get("audience") or "",
                    audience_reached=values.get("audience_reached"),
                    participants=values.get("participants"),
                    cost=values.get("cost"),
                    link=values.get("link") or "",
                )
            )
        return entries

    def rule(self, entries):
        return ActivityRule(self.by, entries)

    def store(self, entries) -> int:
        for activity in entries:
            # The rule has run (``clean``); the fields' own checks and the constraints remain.
            activity.clean_fields()
            activity.validate_constraints()
            activity.save()
        return len(entries)


def import_activities(*, upload, by: User, valid_rows_only: bool = False) -> ImportReport:
    """Add the activities listed in an Excel file to the register.

    Every row is checked first; when any row is bad nothing is written unless
    ``valid_rows_only``, and then only the good rows are, in one transaction.
    """
    return ActivityImport(by=by).run(upload, valid_rows_only=valid_rows_only)
