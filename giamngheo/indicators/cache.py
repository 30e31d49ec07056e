"""Cache of indicator values, invalidated by versions bumped on every write.

Deleting keys one by one would need to know every key a write affects; a
version number in the key makes the affected values stale at once.  New
records (by far the most frequent write: a radio programme, a participant)
bump only their own year, so a write to 2025 leaves 2021–2024 cached; edits,
deletions and writes without a year bump everything.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache

TIMEOUT = 60 * 60
T = TypeVar("T")


def _version(name: str) -> int:
    current = cache.get(name)
    if current is None:
        cache.add(name, 1, timeout=None)
        current = cache.get(name, 1)
    return current


def _incr(name: str) -> None:
    try:
        cache.incr(name)
    except ValueError:
        cache.set(name, 2, timeout=None)


def bump() -> None:
    """Every cached value is stale."""
    _incr("indicators:version")


def bump_year(year: int) -> None:
    _incr(f"indicators:version:{year}")


def key(year: int, *parts: Any) -> str:
    versions = (_version("indicators:version"), _version(f"indicators:version:{year}"))
    return "indicators:" + ":".join(str(part) for part in (*versions, year, *parts))


def get_or_compute(cache_key: str, compute: Callable[[], T]) -> T:
    sentinel = object()
    value = cache.get(cache_key, sentinel)
    if value is sentinel:
        value = compute()
        cache.set(cache_key, value, TIMEOUT)
    return value


def years_of(value: datetime.date) -> set[int]:
    # A date counts in its calendar year and, for weekly figures, its ISO week's year.
    return {value.year, value.isocalendar().year}


def on_save(sender, instance, created: bool = False, date_field: str | None = None, **kwargs):
    value = _date_of(instance, date_field)
    if created and value is not None:
        for year in years_of(value):
            bump_year(year)
    else:
        bump()


def on_delete(sender, instance, date_field: str | None = None, **kwargs):
    value = _date_of(instance, date_field)
    if value is None:
        bump()
    else:
        for year in years_of(value):
            bump_year(year)


def _date_of(instance, path: str | None) -> datetime.date | None:
    if not path:
        return None
    value = instance
    for name in path.split("__"):
        value = getattr(value, name, None)
        if value is None:
            return None
    return value if isinstance(value, datetime.date) else None
