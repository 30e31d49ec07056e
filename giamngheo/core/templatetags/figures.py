"""``{% load figures %}``: the filters that write numbers as ``core.figures`` does.

``{{ value|number }}`` 1.234 · ``{{ value|number:1 }}`` 1.234,5 ·
``{{ value|percent }}`` 84,4% · ``{{ value|percent:2 }}`` 3,52% ·
``{{ value|cell }}`` a report table's cell.  None shows "–".
"""

from __future__ import annotations

import datetime

from django import template

from giamngheo.core import figures

register = template.Library()


@register.filter
def number(value, decimals=None):
    if value in ("", None):
        return figures.MISSING
    return figures.number(value, None if decimals is None else int(decimals))


@register.filter
def percent(value, decimals=None):
    if value in ("", None):
        return figures.MISSING
    return figures.percent(value, None if decimals is None else int(decimals))


@register.filter
def cell(value):
    """A table cell of a ``reports.sections.Table`` as the PDF writes it: numbers with
    their thousands and decimals, dates dd/mm/yyyy, nothing as "–"."""
    if value is None:
        return figures.MISSING
    if figures.is_number(value):
        return figures.number(value, figures.decimals_needed(value, 2))
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return value
