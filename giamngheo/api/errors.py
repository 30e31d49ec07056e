"""Exception handlers of the data API: whatever goes wrong answers a problem, never a 500.

Pydantic's messages are English; the Vietnamese comes from the error's type,
so a client reads the same words as the site's forms.
"""

from __future__ import annotations

import logging
from typing import Any

import pydantic
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError

from .problems import FieldErrors, problem

logger = logging.getLogger(__name__)

# Locations that are not a field the client named.
HIDDEN_LOCATIONS = {"query", "path", "header", "cookie", "body", "form", "payload"}


def _pydantic_message(error: dict[str, Any]) -> Any:
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind.startswith("int_") or kind == "int_from_float":
        return _("Enter a whole number.")
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Enter a date as YYYY-MM-DD.")
    if kind == "string_too_long":
        return lambda: _("At most %(max)s characters.") % {"max": ctx.get("max_length")}
    if kind in ("greater_than_equal", "greater_than"):
        return lambda: (
            _("Enter a number of at least %(min)s.") % {"min": ctx.get("ge", ctx.get("gt"))}
        )
    if kind in ("less_than_equal", "less_than"):
        return lambda: (
            _("Enter a number of at most %(max)s.") % {"max": ctx.get("le", ctx.get("lt"))}
        )
    if kind in ("json_invalid", "model_attributes_type", "dict_type", "model_type"):
        return _("The body is not valid JSON of the documented shape.")
    if kind == "list_type":
        return _("Send a list.")
    if kind == "enum" or kind == "literal_error":
        return _("Choose one of the documented values.")
    return _("This value is not valid.")


def field_name(location: Any) -> str:
    """``["body", "payload", "programmes", 0, "minutes"]`` → ``programmes.0.minutes``."""
    parts = [str(part) for part in location]
    while parts and parts[0] in HIDDEN_LOCATIONS:
        parts.pop(0)
    return ".".join(parts) or "body"


def on_validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [(field_name(e.get("loc", ())), _pydantic_message(e)) for e in exc.errors]
    return problem(422, _("Some fields are not valid: see errors."), errors)


def on_django_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    """A service refused the data; its messages (already translated) name the fields."""
    if hasattr(exc, "error_dict"):
        errors = [
            (field, message) for field, messages in exc.message_dict.items() for message in messages
        ]
    else:
        errors = [("body", message) for message in exc.messages]
    return problem(422, _("Some fields are not valid: see errors."), errors)


def on_field_errors(request: HttpRequest, exc: FieldErrors) -> HttpResponse:
    errors = [(field, pair) for field, pairs in exc.errors.items() for pair in pairs]
    return problem(422, _("Some fields are not valid: see errors."), errors)


def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 401:
        return problem(401, _("Send the key in the X-API-Key header; ask province staff for one."))
    if exc.status_code == 429:
        return problem(429, _("Too many requests with this key. Try again later."))
    return problem(exc.status_code, exc.message)


def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(404, _("Nothing is published at this address."))


def on_forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(403, _("This key may not act on that unit."))


def on_bad_value(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A value that passed its type but not its meaning; its text may hold internals."""
    logger.warning("Data API refused a value on %s", request.path, exc_info=exc)
    return problem(400, _("A parameter is not valid: see the documentation of this address."))


def on_anything(request: HttpRequest, exc: Exception) -> HttpResponse:
    # The last resort: logged with its traceback for the operator, a problem for the client.
    logger.exception("Data API error on %s", request.path)
    return problem(500, _("The server could not answer; the error was logged."))


def install(api: NinjaAPI) -> None:
    api.add_exception_handler(NinjaValidationError, on_validation)
    api.add_exception_handler(DjangoValidationError, on_django_validation)
    api.add_exception_handler(FieldErrors, on_field_errors)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(PermissionDenied, on_forbidden)
    # Our own answer failing its schema is our bug, not the client's (a ValueError too).
    api.add_exception_handler(pydantic.ValidationError, on_anything)
    api.add_exception_handler(ValueError, on_bad_value)
    api.add_exception_handler(Exception, on_anything)
