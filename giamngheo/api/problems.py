"""Every error of the data API in one shape: RFC 9457 problem details.

``application/problem+json`` with ``type``, ``title``, ``status``, ``detail``
and ``errors`` (one per field, naming it). The texts are Vietnamese, the
site's first language, with the English beside them (``title_en``,
``detail_en``) for developers outside the country: each message is rendered
once in each language, so a client never has to choose with Accept-Language.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Schema

CONTENT_TYPE = "application/problem+json"
# The problem types; each is documented on the docs page under this anchor.
TYPE_BASE = "/api/v1/docs#problem-"

Message = Any  # a lazy string, or a callable that renders one in the active language


class FieldProblem(Schema):
    field: str
    detail: str
    detail_en: str


class Problem(Schema):
    type: str
    title: str
    title_en: str
    status: int
    detail: str
    detail_en: str
    errors: list[FieldProblem] = []


TITLES = {
    400: _("Bad request"),
    401: _("API key required"),
    403: _("Not allowed"),
    404: _("Not found"),
    405: _("Method not allowed"),
    422: _("Invalid data"),
    429: _("Too many requests"),
    500: _("Server error"),
}
SLUGS = {
    400: "bad-request",
    401: "unauthorised",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    422: "invalid",
    429: "too-many-requests",
    500: "server-error",
}


class FieldErrors(Exception):
    """A service refused the data: per field, each message in Vietnamese and English."""

    def __init__(self, errors: dict[str, list[tuple[str, str]]]):
        super().__init__(errors)
        self.errors = errors


def in_both(message: Message) -> tuple[str, str]:
    """``message`` rendered in Vietnamese, then in English (a pair is already both)."""
    if isinstance(message, tuple):
        return message
    render: Callable[[], str] = message if callable(message) else (lambda: str(message))
    with translation.override("vi"):
        vi = render()
    with translation.override("en"):
        en = render()
    return vi, en


def problem_body(
    status: int, detail: Message, errors: list[tuple[str, Message]] | None = None
) -> dict[str, Any]:
    title, title_en = in_both(TITLES.get(status, TITLES[400]))
    detail_vi, detail_en = in_both(detail)
    return {
        "type": TYPE_BASE + SLUGS.get(status, "bad-request"),
        "title": title,
        "title_en": title_en,
        "status": status,
        "detail": detail_vi,
        "detail_en": detail_en,
        "errors": [
            dict(zip(("field", "detail", "detail_en"), (field, *in_both(message)), strict=True))
            for field, message in errors or []
        ],
    }


def problem(
    status: int, detail: Message, errors: list[tuple[str, Message]] | None = None
) -> HttpResponse:
    response = HttpResponse(
        json.dumps(problem_body(status, detail, errors), ensure_ascii=False),
        status=status,
        content_type=CONTENT_TYPE,
    )
    response["Cache-Control"] = "no-store"
    return response
