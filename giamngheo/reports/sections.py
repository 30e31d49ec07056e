"""What a domain app hands the annual report: one ``Section`` of tables.

The report (báo cáo kết quả thực hiện công tác truyền thông) is built from
sections, each written by the app that owns the records, in its
``report.py``::

    def section(*, period: ReportPeriod, scope: Scope) -> Section: ...

``reports`` lists those functions in ``SECTION_BUILDERS`` (reports/builder.py)
and renders every section the same way: one formatted XLSX sheet, and one
numbered part of the PDF with its tables and, when given, a bar chart.  A
section only reads (through its app's selectors, within ``scope``) and never
formats: numbers stay numbers, dates stay dates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from giamngheo.indicators.rules import Scope

__all__ = ["Chart", "ReportPeriod", "Scope", "Section", "Table", "plain"]


@dataclass(frozen=True)
class ReportPeriod:
    """A report's time span: a whole year, or its first half (semi-annual report)."""

    year: int
    half: int | None = None  # None: the whole year; 1: January–June

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)

    @property
    def end(self) -> datetime.date:
        if self.half == 1:
            return datetime.date(self.year, 6, 30)
        return datetime.date(self.year, 12, 31)

    @property
    def is_half_year(self) -> bool:
        return self.half == 1

    def __str__(self) -> str:
        if self.is_half_year:
            return _("first half of %(year)d") % {"year": self.year}
        return _("year %(year)d") % {"year": self.year}

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    # A last row in bold ("Total", sums...), or None.
    totals: list[Any] | None = None
    # Shown when ``rows`` is empty, e.g. "No activity recorded."
    empty_text: str = ""


@dataclass
class Chart:
    """A bar chart: one bar group per label, one bar per series."""

    title: str
    labels: list[str]
    series: dict[str, list[float]]  # series name -> one value per label


@dataclass
class Section:
    key: str  # a slug: "activities", "poverty"…; names the XLSX sheet with ``title``
    title: str
    tables: list[Table] = field(default_factory=list)
    # Sentences of the report's narrative, before the tables ("In 2023, 1.234 …").
    paragraphs: list[str] = field(default_factory=list)
    chart: Chart | None = None


def plain(value: Any) -> Any:
    """A cell as the renderers take it: a Decimal (money from a model field) as an int
    or a float, anything else unchanged."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
