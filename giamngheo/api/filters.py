"""The filters every list of the API shares: date range, unit, programme period."""

from __future__ import annotations

import datetime
import re
from typing import Annotated

from django.conf import settings
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Schema
from ninja.errors import HttpError
from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.units.divisions import province_code as as_province_code

from .paging import DEFAULT_LIMIT, MAX_LIMIT


def _iso_date(value: object) -> object:
    """Only YYYY-MM-DD: pydantic would read ``0`` as 1 January 1970 (a Unix time)."""
    if isinstance(value, str) and not ISO_DATE.fullmatch(value):
        raise PydanticCustomError("date_parsing", "Enter a date as YYYY-MM-DD.")
    if isinstance(value, int | float):
        raise PydanticCustomError("date_parsing", "Enter a date as YYYY-MM-DD.")
    return value


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date)]


def province() -> str:
    return as_province_code(settings.PROVINCE_CODE)


class Listing(Schema):
    """Query parameters of a list: the page, then what to keep."""

    cursor: str | None = Field(None, max_length=2000, description="next_cursor of the page before")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="items per page")
    since: IsoDate | None = Field(None, description="on or after this date (YYYY-MM-DD)")
    until: IsoDate | None = Field(None, description="on or before this date (YYYY-MM-DD)")
    unit: str | None = Field(
        None,
        max_length=10,
        pattern=r"^\d{2,5}$",
        description="statistics code of a unit: its records and those of its communes",
    )
    period: int | None = Field(None, ge=1, description="id of a programme period (/periods)")


ListingQuery = Query[Listing]  # type: ignore[misc]


def dates(listing: Listing) -> tuple[datetime.date | None, datetime.date | None]:
    """The date range asked: ``since``/``until`` within the period's, if one is named."""
    since, until = listing.since, listing.until
    if listing.period is not None:
        period = get_object_or_404(ProgrammePeriod, pk=listing.period)
        since = max(filter(None, (since, period.start)))
        until = min(filter(None, (until, period.end)))
    if since and until and until < since:
        raise HttpError(400, _("“until” is before “since”."))
    return since, until


def in_dates(queryset: QuerySet, field: str, listing: Listing) -> QuerySet:
    since, until = dates(listing)
    if since:
        queryset = queryset.filter(**{f"{field}__gte": since})
    if until:
        queryset = queryset.filter(**{f"{field}__lte": until})
    return queryset


def in_unit(queryset: QuerySet, field: str, code: str | None) -> QuerySet:
    """Records of the unit with ``code`` (any version) and of the communes under it."""
    if not code or code == province():
        return queryset
    return queryset.filter(Q(**{f"{field}__code": code}) | Q(**{f"{field}__parent__code": code}))
