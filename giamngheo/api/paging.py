"""Cursor pagination and conditional answers of the API's lists.

A cursor is opaque to clients: the sort key of the last item sent, signed
so that an edited cursor is refused instead of being read as a filter. Keyset
paging stays fast at any depth (no OFFSET) and does not skip or repeat items
when records are added between two pages.

Every list answers with an ``ETag`` (the digest of its body) and, where its
records carry a change time, ``Last-Modified``; ``If-None-Match`` and
``If-Modified-Since`` get a 304 without the body.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from django.core import signing
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from ninja.errors import HttpError
from pydantic import BaseModel, ConfigDict

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
_SALT = "giamngheo.api.cursor"


def _encode(values: Sequence[Any]) -> str:
    return signing.dumps([_plain(v) for v in values], salt=_SALT, compress=True)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


def _decode(cursor: str, size: int) -> list[Any]:
    try:
        values = signing.loads(cursor, salt=_SALT)
    except signing.BadSignature as error:
        raise HttpError(
            400, _("The cursor is not one this API gave: start again without it.")
        ) from error
    if not isinstance(values, list) or len(values) != size:
        raise HttpError(400, _("The cursor is not one this API gave: start again without it."))
    return values


def _after(ordering: Sequence[str], values: Sequence[Any]) -> Q:
    """Rows that come after ``values`` in ``ordering`` (a lexicographic keyset condition)."""
    condition = Q()
    for index, field in enumerate(ordering):
        name = field.lstrip("-")
        lookup = "lt" if field.startswith("-") else "gt"
        step = Q(**{f"{name}__{lookup}": values[index]})
        for earlier, value in zip(ordering[:index], values[:index], strict=True):
            step &= Q(**{earlier.lstrip("-"): value})
        condition |= step
    return condition


def page(
    queryset: QuerySet, *, ordering: Sequence[str], cursor: str | None, limit: int
) -> tuple[list[Model], str | None]:
    """One page of ``queryset`` and the cursor of the next, or None at the end.

    ``ordering`` must end with a unique field (the primary key) so the key is total.
    """
    queryset = queryset.order_by(*ordering)
    if cursor:
        queryset = queryset.filter(_after(ordering, _decode(cursor, len(ordering))))
    items = list(queryset[: limit + 1])
    if len(items) <= limit:
        return items, None
    items = items[:limit]
    last = items[-1]
    return items, _encode([_attribute(last, field.lstrip("-")) for field in ordering])


def _attribute(instance: Model, path: str) -> Any:
    value: Any = instance
    for part in path.split("__"):
        value = getattr(value, part)
    return value


def answer(
    request: HttpRequest,
    schema: type[BaseModel],
    data: Any,
    *,
    last_modified: datetime.datetime | None = None,
    max_age: int = 60,
    private: bool = False,
) -> HttpResponse:
    """``data`` dumped through ``schema``, or 304 when the client's copy is current."""
    body = schema.model_validate(data).model_dump_json().encode()
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    # Whole seconds, as HTTP dates carry them, so the date sent back compares equal.
    lm = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=lm)
    if response is None:
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(lm)
    if private:
        # A key's own data: never kept by a shared cache; revalidated with the ETag.
        patch_cache_control(response, private=True, no_cache=True)
        response["Vary"] = "X-API-Key"
    else:
        patch_cache_control(response, public=True, max_age=max_age)
    return response


def latest(items: Iterable[Any], attribute: str) -> datetime.datetime | None:
    """The latest change time among ``items`` (dates count as their midnight, UTC)."""
    moments = []
    for item in items:
        value = getattr(item, attribute, None)
        if isinstance(value, datetime.datetime):
            moments.append(value)
        elif isinstance(value, datetime.date):
            moments.append(datetime.datetime.combine(value, datetime.time(), datetime.UTC))
    return max(moments) if moments else None


class Out(BaseModel):
    """An answer's schema: plain pydantic, read from attributes or dicts.

    Not ninja's ``Schema``, whose resolver of dotted aliases (through Django's
    template variables) cost most of a list's time in bench_api.py; the rows
    are built as dicts by each endpoint instead.
    """

    model_config = ConfigDict(from_attributes=True)


def page_of(item: type[BaseModel], name: str) -> type[BaseModel]:
    """The schema of one page of ``item``: the items and the next page's cursor."""
    return type(
        name,
        (Out,),
        {
            "__annotations__": {"items": list[item], "next_cursor": str | None},  # type: ignore[valid-type]
            "__doc__": f"One page of {item.__name__}; next_cursor is null on the last page.",
        },
    )
