"""The arguments of a request: the POST body, query arguments, dates and numbers.

Every malformed argument becomes an ``ApiError`` (400) naming it, so a view
never meets a value it cannot use.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import HttpRequest, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from .render import ApiError

MAX_DAYS = 90


def body(request: HttpRequest) -> QueryDict:
    """The POST body, or a spec error when it cannot be read."""
    try:
        return request.POST
    # Too big, too many fields, a broken multipart body, a dropped connection.
    except (SuspiciousOperation, MultiPartParserError, BadRequest, OSError):
        raise ApiError(400, _("The request body could not be read.")) from None


def param(request: HttpRequest, name: str) -> str:
    """An argument from the query string, else (on a POST) from the body; "" when absent."""
    value = request.GET.get(name, "")
    if request.method == "POST" and not value:
        value = body(request).get(name, "")
    return value.strip()


def moment(raw: str, name: str, *, end: bool) -> datetime.datetime | None:
    """A w3 date-time (2026-01-01T00:00:00Z, with an offset, or a bare date)."""
    if not raw:
        return None
    try:
        value = parse_datetime(raw)
        if value is None:
            day = parse_date(raw)
            if day is not None:
                value = datetime.datetime.combine(
                    day, datetime.time.max if end else datetime.time.min
                )
    except ValueError:
        value = None
    if value is None:
        raise ApiError(
            400, _("%(name)s: use the w3 format, e.g. 2026-01-01T00:00:00Z.") % {"name": name}
        )
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def period(request: HttpRequest) -> tuple[datetime.datetime, datetime.datetime]:
    """start_date to end_date: the last 90 days by default, never more than 90 days."""
    start = moment(param(request, "start_date"), "start_date", end=False)
    end = moment(param(request, "end_date"), "end_date", end=True)
    span = datetime.timedelta(days=MAX_DAYS)
    if start is None and end is None:
        end = timezone.now()
    try:
        if start is None:
            start = end - span
        if end is None:
            end = start + span
    except OverflowError:  # year 1 or 9999
        raise ApiError(400, _("start_date or end_date is out of range.")) from None
    if end < start:
        raise ApiError(400, _("end_date comes before start_date."))
    if end - start > span:
        raise ApiError(400, _("start_date to end_date may not span more than 90 days."))
    return start, end


def comma_list(raw: str) -> list[str]:
    """The spec's "comma delimited" values, without blanks."""
    return [part.strip() for part in raw.split(",") if part.strip()]


def whole_number(request: HttpRequest, name: str, default: int, highest: int) -> int:
    """page or page_size (the spec's common pagination extension), from 1 to ``highest``."""
    raw = param(request, name)
    if not raw:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= highest:
        raise ApiError(
            400,
            _("%(name)s: a whole number from 1 to %(highest)s.")
            % {"name": name, "highest": highest},
        )
    return int(raw)
