"""Vietnamese phone numbers, as participants type them and as we store them.

Stored form: the national form with its leading 0 and digits only
(``0912345678``), so that one number typed as ``+84 912 345 678``,
``84912345678`` or ``0912.345.678`` is one registration. Accepted: mobile
numbers (10 digits, 03x, 05x, 07x, 08x, 09x since the 2018 renumbering) and
fixed lines (11 digits, 02x area codes).
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s.\-()/]")
_MOBILE = re.compile(r"^0[35789]\d{8}$")
_FIXED_LINE = re.compile(r"^02\d{9}$")
INVALID_MESSAGE = _(
    "Enter a Vietnamese phone number: 10 digits starting with 03, 05, 07, 08 or 09 "
    "(e.g. 0912 345 678), or a fixed line starting with 02."
)


def normalise_phone(raw: str) -> str:
    """The stored form of ``raw``; ``ValidationError`` when it is no Vietnamese number."""
    digits = _SEPARATORS.sub("", raw or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("0084"):
        digits = "0" + digits[4:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if not (_MOBILE.match(digits) or _FIXED_LINE.match(digits)):
        raise ValidationError(INVALID_MESSAGE, code="phone")
    return digits


def validate_phone(value: str) -> None:
    """Model validator: the value must already be in its stored form."""
    if normalise_phone(value) != value:
        raise ValidationError(INVALID_MESSAGE, code="phone")


def display_phone(value: str) -> str:
    """``0912345678`` → ``0912 345 678`` (fixed lines: ``0234 3822 123``)."""
    if len(value) == 10:
        return f"{value[:4]} {value[4:7]} {value[7:]}"
    if len(value) == 11:
        return f"{value[:4]} {value[4:8]} {value[8:]}"
    return value
