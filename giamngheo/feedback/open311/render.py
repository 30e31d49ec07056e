"""The two formats of GeoReport v2: XML (required by the spec) and JSON.

A response is built once as plain data and written in either format. JSON
follows the spec's "Spark convention" mapping of the XML: a repeated element
becomes an array, a missing value is ``null`` (an empty element in XML),
booleans are ``true``/``false`` in both.
"""

from __future__ import annotations

import datetime
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils import timezone

FORMATS = {
    "xml": "text/xml; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'
# Characters XML 1.0 cannot carry at all, even escaped; a citizen's text may hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Many:
    """A repeated element: ``<services><service>…</service>…</services>`` or a JSON array."""

    item: str
    items: list[Any]


def w3_datetime(value: datetime.datetime | None) -> str | None:
    """ISO 8601 with the offset, as the spec asks: 2026-01-15T09:30:00+07:00."""
    if value is None:
        return None
    return timezone.localtime(value).isoformat(timespec="seconds")


def _scalar(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.datetime):
        return w3_datetime(value)
    return value


def to_json(value: Any) -> Any:
    if isinstance(value, Many):
        return [to_json(item) for item in value.items]
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    return _scalar(value)


def _text(value: Any) -> str | None:
    value = _scalar(value)
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _fill(element: ET.Element, value: Any) -> None:
    if isinstance(value, Many):
        for item in value.items:
            _fill(ET.SubElement(element, value.item), item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _fill(ET.SubElement(element, key), item)
    else:
        element.text = _text(value)


def to_xml(root: str, value: Any) -> str:
    element = ET.Element(root)
    _fill(element, value)
    return XML_DECLARATION + ET.tostring(element, encoding="unicode")


def respond(fmt: str, root: str, value: Any, *, status: int = 200) -> HttpResponse:
    """``value`` under the XML element ``root`` (JSON has no root), in ``fmt``."""
    if fmt == "json":
        body = json.dumps(to_json(value), ensure_ascii=False)
    else:
        fmt = "xml"
        body = to_xml(root, value)
    return HttpResponse(body.encode(), status=status, content_type=FORMATS[fmt])


def errors(fmt: str, status: int, messages: list[str]) -> HttpResponse:
    """The spec's error list; the code of each error is the HTTP status."""
    items = [{"code": status, "description": message} for message in messages]
    return respond(fmt, "errors", Many("error", items), status=status)


class ApiError(Exception):
    """An error the client gets in the spec's format, with its HTTP status."""

    def __init__(self, status: int, *messages: str) -> None:
        super().__init__(*messages)
        self.status = status
        self.messages = [str(message) for message in messages]
