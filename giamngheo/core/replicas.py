"""Reads that may go to a PostgreSQL streaming replica (``DATABASE_REPLICA_URL``).

Why: the dashboards, the annual report, the public results page and the data
API's reads are the heavy, read-only work; a second machine can serve them while
the primary takes every write. Only those addresses read from the replica, and
only for GET and HEAD. A replica lags the primary by a moment, so:

- every write goes to the primary (``db_for_write``), and so does every read
  inside a transaction on the primary (a service that reads what it just wrote);
- a browser or app that has just written (any POST, PUT, PATCH or DELETE) carries
  a short-lived cookie, and reads from the primary until it expires, so it sees
  its own write at once (``REPLICA_AFTER_WRITE_SECONDS``);
- migrations run on the primary only; the replica receives them by replication.

Without ``DATABASE_REPLICA_URL`` nothing here is installed (settings/base.py).
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import connections

REPLICA = "replica"
WROTE_COOKIE = "gn_wrote"
SAFE_METHODS = ("GET", "HEAD")
_read_from_replica: ContextVar[bool] = ContextVar("read_from_replica", default=False)


def may_read_from_replica(request) -> bool:
    """True for a GET or HEAD of a replica address by a client that has not just written."""
    return (
        request.method in SAFE_METHODS
        and request.path.startswith(tuple(settings.REPLICA_READ_PATHS))
        and WROTE_COOKIE not in request.COOKIES
    )


class ReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _read_from_replica.set(may_read_from_replica(request))
        try:
            response = self.get_response(request)
        finally:
            _read_from_replica.reset(token)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                WROTE_COOKIE,
                "1",
                max_age=settings.REPLICA_AFTER_WRITE_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response


class ReplicaRouter:
    """Reads to the replica while a replica address is served; everything else primary."""

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        if _read_from_replica.get() and not connections["default"].in_atomic_block:
            return REPLICA
        return None

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the same rows on both

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db != REPLICA
