"""Logs and error reports of a production deployment (docs/operations.md, issue 14 §2).

Logs: text or one JSON object per line (LOG_FORMAT), every line of a request
carrying its id: nginx's ``$request_id`` passed as ``X-Request-ID`` (sent back
to the visitor, who can quote it), or a new one without a proxy.

Errors go to Sentry or a Sentry-compatible server (GlitchTip…) when SENTRY_DSN
is set, without personal data: no cookies, form fields, query strings, frame
variables, client addresses, and no tracking code from the address of a
citizen's case (a tracking code opens the case).
"""

from __future__ import annotations

import re
from typing import Any

TRACKING_PATH = re.compile(r"(/phan-anh/tra-cuu/)[^/]+")
FILTERED = "[Filtered]"


def logging_config(*, level: str, log_format: str) -> dict[str, Any]:
    formatter = {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    }[log_format]
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "log_request_id.filters.RequestIDFilter"}},
        "formatters": {"default": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": "default",
            }
        },
        "root": {"handlers": ["console"], "level": level},
    }


def scrub(event: dict[str, Any], hint: dict[str, Any] | None = None) -> dict[str, Any]:
    """What leaves the server: the error, where it happened, never who it was about."""
    request = event.get("request") or {}
    for key in ("data", "cookies", "query_string", "env"):
        if key in request:
            request[key] = FILTERED
    if "url" in request:
        request["url"] = TRACKING_PATH.sub(rf"\g<1>{FILTERED}", request["url"])
    headers = request.get("headers") or {}
    for name in list(headers):
        if name.lower() in {"cookie", "authorization", "x-forwarded-for", "x-real-ip", "referer"}:
            headers[name] = FILTERED
    if "transaction" in event:
        event["transaction"] = TRACKING_PATH.sub(rf"\g<1>{FILTERED}", event["transaction"])
    user = event.get("user")
    if user:
        event["user"] = {"id": user["id"]} if "id" in user else {}
    return event


def init_sentry(*, dsn: str, environment: str, traces_sample_rate: float, release: str) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
        before_send=scrub,
        before_send_transaction=scrub,
    )
