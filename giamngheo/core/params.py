"""Values from a query string, read so that no text a visitor types can cause a 500."""

from __future__ import annotations

# Years a filter can mean: dates outside these (year 0, 10000, thirty digits) cannot
# be built, so such a year is treated as no filter rather than passed to the database.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def parse_year(value: object) -> int | None:
    """A year from a query parameter, or None for anything else ("abc", "²", "99999…")."""
    try:
        year = int(str(value).strip())
    except ValueError:
        return None
    return year if FIRST_YEAR <= year <= LAST_YEAR else None
