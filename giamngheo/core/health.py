"""/healthz and /readyz, for load balancers and monitoring (docs/operations.md).

/healthz says the process answers (no database, no cache: a load balancer that
restarts on it must not restart every server when PostgreSQL is down). /readyz
runs django-health-check's database and cache checks and ours (migrations, task
worker, free disk), answers 200 or 503 with a JSON object of check → "OK" or
what is wrong, and is never cached.
"""

from __future__ import annotations

import dataclasses
import datetime
import inspect
import logging
import shutil
import time
from pathlib import Path

from asgiref.sync import async_to_sync
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django_tasks_db.models import DBTaskResult
from health_check.base import HealthCheck
from health_check.checks import Cache, Database
from health_check.exceptions import HealthCheckException, ServiceUnavailable

logger = logging.getLogger(__name__)

# The task worker (core/management/commands/run_worker.py) writes the time here.
HEARTBEAT_KEY = "giamngheo:worker:heartbeat"
DATABASE_TASKS = "django_tasks_db.DatabaseBackend"


def healthz(request: HttpRequest) -> HttpResponse:
    response = HttpResponse("ok\n", content_type="text/plain")
    add_never_cache_headers(response)
    return response


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration of the code is applied to the database."""

    _all_applied = False  # once true in a process, the code cannot gain migrations

    def run(self) -> None:
        if Migrations._all_applied:
            return
        loader = MigrationLoader(connections[DEFAULT_DB_ALIAS])
        missing = set(loader.graph.nodes) - set(loader.applied_migrations)
        if missing:
            raise ServiceUnavailable(f"{len(missing)} migrations not applied")
        Migrations._all_applied = True


def uses_task_worker() -> bool:
    return settings.TASKS["default"]["BACKEND"] == DATABASE_TASKS


@dataclasses.dataclass
class TaskWorker(HealthCheck):
    """A worker wrote its heartbeat lately, and no task waits too long in the queue."""

    def run(self) -> None:
        if not uses_task_worker():
            return  # tasks run in the request (development, tests)
        beat = cache.get(HEARTBEAT_KEY)
        silence = settings.HEALTH_WORKER_SILENCE_SECONDS
        if beat is None or time.time() - beat > silence:
            raise ServiceUnavailable(f"no task worker heartbeat for {silence} s")
        oldest = (
            DBTaskResult.objects.ready()
            .order_by("enqueued_at")
            .values_list("enqueued_at", flat=True)
            .first()
        )
        limit = datetime.timedelta(seconds=settings.HEALTH_QUEUE_MAX_AGE_SECONDS)
        if oldest is not None and timezone.now() - oldest > limit:
            age = int((timezone.now() - oldest).total_seconds())
            raise ServiceUnavailable(f"oldest queued task waits for {age} s")


@dataclasses.dataclass
class FreeDisk(HealthCheck):
    """Room left for uploads, feedback attachments and generated reports."""

    def run(self) -> None:
        needed = settings.HEALTH_MIN_FREE_DISK_MB * 1024 * 1024
        for name in ("MEDIA_ROOT", "FEEDBACK_FILES_ROOT", "REPORTS_FILES_ROOT"):
            folder = settings_path(name)
            free = shutil.disk_usage(folder).free
            if free < needed:
                raise ServiceUnavailable(f"{name}: {free // (1024 * 1024)} MB free")


def settings_path(name: str) -> Path:
    """The folder, or its nearest existing parent (folders appear at the first upload)."""
    path = Path(getattr(settings, name))
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


CHECKS = (Database(), Cache(), Migrations(), TaskWorker(), FreeDisk())


def run_check(check: HealthCheck) -> str:
    """A check's verdict: "OK" or what is wrong (never an internal error's details)."""
    try:
        if inspect.iscoroutinefunction(check.run):
            async_to_sync(check.run)()
        else:
            check.run()
    except HealthCheckException as error:
        logger.warning("Readiness check %r failed: %s", check, error)
        return str(error)
    except Exception:
        logger.exception("Readiness check %r raised", check)
        return "unknown error"
    return "OK"


def readyz(request: HttpRequest) -> JsonResponse:
    """200 when every check passes, else 503 (what load balancers read as "not me")."""
    # In the request's thread, one after the other: the library's view runs them in
    # threads of their own, whose database connections would not see a test's data.
    results = {repr(check): run_check(check) for check in CHECKS}
    ok = all(result == "OK" for result in results.values())
    response = JsonResponse(results, status=200 if ok else 503)
    add_never_cache_headers(response)
    return response
