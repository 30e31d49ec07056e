"""What every write of the API shares: units by code, checks in both languages, 201s."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Schema

from giamngheo.units.models import Unit

from .paging import answer


def unit_version(
    versions: dict[str, list[Unit]], code: str, on: datetime.date | None
) -> Unit | None:
    """The version of the unit with ``code`` in force on ``on``, else its latest."""
    candidates = versions.get(code, [])
    in_force = [u for u in candidates if on is not None and u.is_in_force(on)]
    return (in_force or candidates[-1:] or [None])[0]


def unit_versions(codes: set[str], **filters: str) -> dict[str, list[Unit]]:
    found: dict[str, list[Unit]] = {}
    for unit in Unit.objects.filter(code__in=codes, **filters).order_by("valid_from"):
        found.setdefault(unit.code, []).append(unit)
    return found


def in_both_languages(
    check: Callable[[], dict[str, list[str]]],
) -> dict[str, list[tuple[str, str]]]:
    """Run a check in Vietnamese, and again in English if it found anything: pairs by field."""
    with translation.override("vi"):
        vi = check()
    if not vi:
        return {}
    with translation.override("en"):
        en = check()
    return {
        field: list(zip(messages, en.get(field, messages), strict=False))
        for field, messages in vi.items()
    }


def answer_created(request: HttpRequest, schema: type[Schema], data: object) -> HttpResponse:
    response = answer(request, schema, data, private=True)
    response.status_code = 201
    return response
