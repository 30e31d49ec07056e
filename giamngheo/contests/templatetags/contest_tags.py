from __future__ import annotations

import datetime

from django import template

register = template.Library()


@register.filter
def minutes_seconds(value: datetime.timedelta | None) -> str:
    """A duration as a stopwatch shows it: 3 min 25.4 s → “3:25.4”; None → “”."""
    if value is None:
        return ""
    tenths = int(value.total_seconds() * 10)
    minutes, rest = divmod(tenths, 600)
    return f"{minutes}:{rest // 10:02d}.{rest % 10}"
