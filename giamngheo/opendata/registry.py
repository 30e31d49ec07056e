"""The open data sets, each defined once: the page, the CSV and JSON downloads and
the DCAT catalogue are all built from the same ``Dataset``.

A data set says what it is (title, description, how often it changes), what its
columns mean (the data dictionary) and how to read its rows: ``rows`` is a
generator, so a large set streams to the visitor in bounded queries instead of
being built in memory; ``modified`` computes its last update from the data.
The definitions, in their order on the page, are ``datasets.DATASETS``; this
module holds only their shape.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The licence every set is published under (the page and the catalogue say so).
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NAME = "CC BY 4.0"


class FieldType:
    """The column types of the data dictionary; JSON keeps each as its own JSON type."""

    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"
    URL = "url"

    LABELS = {
        STRING: pgettext_lazy("data type", "Text"),
        INTEGER: pgettext_lazy("data type", "Whole number"),
        NUMBER: pgettext_lazy("data type", "Number (decimal point)"),
        BOOLEAN: pgettext_lazy("data type", "Yes/no (true/false)"),
        DATE: pgettext_lazy("data type", "Date (YYYY-MM-DD)"),
        DATETIME: pgettext_lazy("data type", "Date and time (ISO 8601)"),
        URL: pgettext_lazy("data type", "Web address"),
    }


class Frequency:
    """How often a set changes, with the Dublin Core frequency term DCAT uses."""

    CONTINUOUS = "continuous"
    WEEKLY = "weekly"
    ANNUAL = "annual"
    IRREGULAR = "irregular"

    LABELS = {
        CONTINUOUS: _("Continuously: computed from the records at each download"),
        WEEKLY: _("Every week"),
        ANNUAL: _("Every year"),
        IRREGULAR: _("When it changes"),
    }

    @staticmethod
    def uri(code: str) -> str:
        return f"http://purl.org/cld/freq/{code}"


@dataclass(frozen=True)
class Field:
    name: str  # the CSV header and the JSON key: stable, never translated
    type: str  # a FieldType
    meaning: Any  # a lazy translation

    @property
    def type_label(self) -> Any:
        return FieldType.LABELS[self.type]


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: Any
    description: Any
    frequency: str
    fields: tuple[Field, ...]
    # rows(request) yields one tuple per row, in the order of ``fields``.
    rows: Callable[[HttpRequest], Iterator[tuple]]
    # The last day or moment the data changed, or None while the set is empty.
    modified: Callable[[], datetime.date | datetime.datetime | None]
    keywords: tuple[str, ...] = ()

    @property
    def frequency_label(self) -> Any:
        return Frequency.LABELS[self.frequency]

    @property
    def field_names(self) -> list[str]:
        return [field.name for field in self.fields]


def as_date(value: datetime.date | datetime.datetime | None) -> datetime.date | None:
    """The day of a last-update value (a timestamp read in the site's time zone)."""
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value
