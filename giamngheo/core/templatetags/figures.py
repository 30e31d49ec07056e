"""``{% load figures %}``: the filters that write numbers as ``core.figures`` does.

``{{ value|number }}`` 1.234 · ``{{ value|number:1 }}`` 1.234,5 ·
``{{ value|percent }}`` 84,4% · ``{{ value|percent:2 }}`` 3,52% ·
``{{ value|minutes }}`` 1.234 phút.  None shows "–".
"""

from __future__ import annotations

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
def minutes(value):
    if value in ("", None):
        return figures.MISSING
    return figures.minutes(int(value))
