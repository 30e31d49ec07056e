"""Receiving a DHIS2 data value set: the one validation and write of received values,
called by the admin's import page and by ``manage.py dhis2_import`` alike.

Every value is checked before anything is written; one bad value rejects the whole
set with a Vietnamese message per value, naming its position and ids, and nothing
is kept. A value received again for the same data element, period, organisation
unit and combos replaces the earlier one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from giamngheo.core.xlsx import MAX_ROWS

from .dhis2 import PeriodError, period_bounds
from .models import DataElementMapping, OrgUnitMapping, ReceivedBatch, ReceivedValue

MAX_BYTES = 20 * 1024 * 1024
UPDATED_FIELDS = [
    "batch",
    "indicator",
    "unit_code",
    "period_start",
    "period_end",
    "value",
    "comment",
]


class DataValueSetError(ValidationError):
    """The set was rejected; ``messages`` says why, one line per problem."""


@dataclass
class _Lookup:
    elements: dict[str, list[DataElementMapping]]
    org_units: dict[str, str]  # org unit id → our unit code

    @classmethod
    def load(cls) -> _Lookup:
        elements: dict[str, list[DataElementMapping]] = {}
        for mapping in DataElementMapping.objects.select_related("indicator"):
            elements.setdefault(mapping.data_element, []).append(mapping)
        org_units = dict(OrgUnitMapping.objects.values_list("org_unit", "unit_code"))
        return cls(elements, org_units)

    def element(self, data_element: str, combo: str) -> DataElementMapping | None:
        for mapping in self.elements.get(data_element, []):
            if mapping.category_option_combo in ("", combo):
                return mapping
        return None


def parse_payload(payload: bytes | str | dict) -> dict[str, Any]:
    if isinstance(payload, dict):
        return payload
    if isinstance(payload, bytes):
        if len(payload) > MAX_BYTES:
            raise DataValueSetError(_("The file is larger than 20 MB; split it."))
        try:
            payload = payload.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DataValueSetError(_("The file is not UTF-8 text.")) from error
    try:
        data = json.loads(payload)
    except json.JSONDecodeError as error:
        raise DataValueSetError(
            _("The file is not valid JSON (line %(line)d, column %(column)d).")
            % {"line": error.lineno, "column": error.colno}
        ) from error
    if not isinstance(data, dict) or not isinstance(data.get("dataValues"), list):
        raise DataValueSetError(
            _("The file is not a DHIS2 data value set: it needs a “dataValues” list.")
        )
    return data


def _text(raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return str(raw)
    return str(raw).strip() if isinstance(raw, str) else ""


def _check(
    number: int, raw: Any, defaults: dict[str, str], lookup: _Lookup
) -> tuple[ReceivedValue | None, list[str]]:
    if not isinstance(raw, dict):
        return None, [
            _("Value %(n)d: not an object with dataElement, period, orgUnit, value.")
            % {"n": number}
        ]
    item = {key: _text(raw.get(key)) for key in ("dataElement", "period", "orgUnit", "value")}
    for key in ("period", "orgUnit"):
        item[key] = item[key] or defaults.get(key, "")
    combo = _text(raw.get("categoryOptionCombo"))
    attribute = _text(raw.get("attributeOptionCombo")) or defaults.get("attributeOptionCombo", "")
    where = _("Value %(n)d (dataElement “%(element)s”, period “%(period)s”, orgUnit “%(org)s”)") % {
        "n": number,
        "element": item["dataElement"],
        "period": item["period"],
        "org": item["orgUnit"],
    }
    errors = [
        _("%(where)s: “%(field)s” is missing.") % {"where": where, "field": key}
        for key, text in item.items()
        if not text
    ]
    if errors:
        return None, errors
    mapping = lookup.element(item["dataElement"], combo)
    if mapping is None:
        errors.append(
            _(
                "%(where)s: no indicator is mapped to this data element; "
                "add it under DHIS2 data element mappings."
            )
            % {"where": where}
        )
    unit_code = lookup.org_units.get(item["orgUnit"])
    if unit_code is None:
        errors.append(
            _(
                "%(where)s: no unit is mapped to this organisation unit; "
                "add it under DHIS2 organisation unit mappings."
            )
            % {"where": where}
        )
    try:
        start, end = period_bounds(item["period"])
    except PeriodError as error:
        errors.append(f"{where}: {error}")
    try:
        value = Decimal(item["value"].replace(",", "."))
        if not value.is_finite() or abs(value) >= Decimal(10) ** 14:
            raise InvalidOperation
    except InvalidOperation:
        errors.append(
            _("%(where)s: the value “%(value)s” is not a number.")
            % {"where": where, "value": item["value"]}
        )
    if errors or mapping is None or unit_code is None:
        return None, errors
    return (
        ReceivedValue(
            indicator=mapping.indicator,
            unit_code=unit_code,
            period=item["period"],
            period_start=start,
            period_end=end,
            value=value,
            comment=_text(raw.get("comment"))[:2000],
            data_element=item["dataElement"],
            org_unit=item["orgUnit"],
            category_option_combo=combo,
            attribute_option_combo=attribute,
        ),
        [],
    )


def receive_data_value_set(
    *, payload: bytes | str | dict, source: str, file_name: str = "", by: Any = None
) -> ReceivedBatch:
    """Check every value of a DHIS2 data value set, then keep them all, or none.

    Raises ``DataValueSetError`` with every problem found. Returns the batch.
    """
    source = " ".join((source or "").split())
    if not source:
        raise DataValueSetError(_("Say where the values come from (source)."))
    data = parse_payload(payload)
    raw_values = data["dataValues"]
    if not raw_values:
        raise DataValueSetError(_("The data value set has no values."))
    if len(raw_values) > MAX_ROWS:
        raise DataValueSetError(
            _("The set has more than %(max)d values; split it.") % {"max": MAX_ROWS}
        )
    defaults = {key: _text(data.get(key)) for key in ("period", "orgUnit", "attributeOptionCombo")}
    lookup = _Lookup.load()
    values: list[ReceivedValue] = []
    errors: list[str] = []
    seen: dict[tuple, int] = {}
    for number, raw in enumerate(raw_values, start=1):
        value, problems = _check(number, raw, defaults, lookup)
        errors.extend(problems)
        if value is None:
            continue
        key = (
            value.data_element,
            value.period,
            value.org_unit,
            value.category_option_combo,
            value.attribute_option_combo,
        )
        if key in seen:
            errors.append(
                _(
                    "Value %(n)d repeats value %(first)d "
                    "(same data element, period and organisation unit)."
                )
                % {"n": number, "first": seen[key]}
            )
            continue
        seen[key] = number
        values.append(value)
    if errors:
        raise DataValueSetError(errors)
    with transaction.atomic():
        batch = ReceivedBatch(source=source[:200], file_name=file_name[:255], received_by=by)
        batch.value_count = len(values)
        batch.full_clean()
        batch.save()
        for value in values:
            value.batch = batch
        ReceivedValue.objects.bulk_create(
            values,
            batch_size=1000,
            update_conflicts=True,
            unique_fields=[
                "data_element",
                "period",
                "org_unit",
                "category_option_combo",
                "attribute_option_combo",
            ],
            update_fields=UPDATED_FIELDS,
        )
    return batch
