"""Numbers as an official writes them, the one way every page, PDF and export does.

In Vietnamese: 1.234 (dot for thousands, always, from 1.000 up), 1.234,5
(comma for decimals), 84,4% and 80% (at most one decimal, no space before the
sign).  The separators come from the active language's formats
(``giamngheo/formats/vi``), so an English admin reads 1,234.5; the annual
report renders under its own language.

Rounding is half up, as people round (2,25 → 2,3; Python's and Django's
Decimal rounding would give 2,2), and a value that rounds to zero never
shows a sign: no "-0,0".

The XLSX side keeps numbers as numbers: ``xlsx_format`` gives the Excel
number format that shows a cell as these functions write it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.formats import number_format

MISSING = "–"  # what a cell without a figure shows
PERCENT_DECIMALS = 1

# Excel number formats (Excel shows them with the reader's own separators).
XLSX_INTEGER = "#,##0"
XLSX_DECIMAL = "#,##0.0"
XLSX_PERCENT = "0.0%"
XLSX_DATE = "dd/mm/yyyy"


def rounded(value: float | int | Decimal, decimals: int = 0) -> Decimal:
    """``value`` rounded half up to ``decimals`` places; zero without a sign."""
    try:
        number = Decimal(str(value))
    except InvalidOperation as error:
        raise ValueError(f"not a number: {value!r}") from error
    result = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return result.copy_abs() if result.is_zero() else result


def decimals_needed(value: float | int | Decimal, most: int) -> int:
    """The decimals ``value`` shows, up to ``most``: 3 → 0, 2.5 → 1, 2.04 (most 1) → 0,
    Decimal("3.00") → 2."""
    if isinstance(value, int):
        return 0
    if isinstance(value, Decimal):
        # A Decimal keeps the places it was given: a rate stored as 3.00 shows "3,00".
        places = value.as_tuple().exponent
        if isinstance(places, int) and places < 0:
            return min(most, -places)
    exponent = rounded(value, most).normalize().as_tuple().exponent
    return max(0, -int(exponent)) if isinstance(exponent, int) else 0


def number(value: float | int | Decimal | None, decimals: int | None = None) -> str:
    """1.234 or 1.234,5. ``decimals``: exactly that many; None: one when the value has a
    fraction to show, none otherwise. None gives "–"."""
    if value is None:
        return MISSING
    places = decimals_needed(value, 1) if decimals is None else decimals
    return number_format(rounded(value, places), places, force_grouping=True)


def percent(value: float | int | Decimal | None, decimals: int | None = None) -> str:
    """A share given as 0–100: "84,4%", "80%" (one decimal when there is one, as
    ``number``); ``decimals`` fixes the places ("3,50%" for poverty rates). None: "–"."""
    if value is None:
        return MISSING
    return f"{number(value, decimals)}%"


def points(value: float | int | Decimal | None, decimals: int = 2) -> str:
    """A change in percentage points, signed: "+0,25", "−0,52", "0,00"."""
    if value is None:
        return MISSING
    shown = rounded(value, decimals)
    sign = "+" if shown > 0 else ("−" if shown < 0 else "")
    return f"{sign}{number(abs(shown), decimals)}"


def share_of(part: float | int, whole: float | int) -> float | None:
    """``part`` as a percentage of ``whole``, rounded as shown; None when ``whole`` is 0."""
    if not whole:
        return None
    return float(rounded(100 * part / whole, PERCENT_DECIMALS))


def is_number(value: object) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def share_columns(headers: Sequence[object], rows: Sequence[Sequence[object]]) -> dict[int, int]:
    """The columns headed "… (%)" (0-based) and the decimals their shares show.

    Such a column holds shares as 0–100 (a spreadsheet holds them as fractions
    in a percent format).  Its decimals are the most its values were rounded to,
    at least one, at most two (poverty rates keep two), the same down the column.
    Other columns show each number with the decimals it has, up to two.
    """
    shares: dict[int, int] = {}
    for i, header in enumerate(headers):
        if str(header).rstrip().endswith("(%)"):
            values = [row[i] for row in rows if i < len(row) and is_number(row[i])]
            decimals = [decimals_needed(value, 2) for value in values]  # type: ignore[arg-type]
            shares[i] = max([PERCENT_DECIMALS, *decimals])
    return shares


def xlsx_format(value: object, *, share: bool = False, decimals: int | None = None) -> str | None:
    """The Excel number format of a cell holding ``value`` (None: leave the cell as is).

    ``share``: the value is a 0–1 fraction shown as a percentage with ``decimals``
    (one by default) places."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    if share:
        places = PERCENT_DECIMALS if decimals is None else decimals
        return "0." + "0" * places + "%" if places else "0%"
    places = decimals_needed(value, 1) if decimals is None else decimals
    return XLSX_INTEGER if places == 0 else "#,##0." + "0" * places
