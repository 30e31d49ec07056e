"""The filters every list of the API shares: date range, unit, programme period."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Schema
from ninja.errors import HttpError
from pydantic import Field

from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.units.divisions import province_code as as_province_code

from .paging import DEFAULT_LIMIT, MAX_LIMIT


def province() -> str:
    return as_province_code(settings.PROVINCE_CODE)


class Listing(Schema):
    """Query parameters of a list: the page, then what to keep."""

    cursor: str | None = Field(None, max_length=2000, description="next_cursor of the page before")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="items per page")
    since: datetime.date | None = Field(None, description="on or after this date (YYYY-MM-DD)")
    until: datetime.date | None = Field(None, description="on or before this date (YYYY-MM-DD)")
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
