"""/healthz answers while the process lives; /readyz says what a load balancer must know."""

import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from giamngheo.core.health import HEARTBEAT_KEY

pytestmark = pytest.mark.django_db

WORKER = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_healthz_answers_without_asking_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_ready_when_every_check_passes(client):
    response = client.get("/readyz", HTTP_ACCEPT="*/*")
    assert response.status_code == 200
    checks = response.json()
    assert set(checks.values()) == {"OK"}
    assert any(name.startswith("Migrations") for name in checks)


def test_readyz_is_503_without_a_worker_heartbeat(client, settings):
    settings.TASKS = WORKER
    cache.delete(HEARTBEAT_KEY)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "no task worker heartbeat" in response.json()["TaskWorker()"]
    cache.set(HEARTBEAT_KEY, time.time())
    assert client.get("/readyz").status_code == 200
    cache.delete(HEARTBEAT_KEY)


def test_readyz_is_503_when_a_task_waits_too_long(client, settings):
    settings.TASKS = WORKER
    settings.HEALTH_QUEUE_MAX_AGE_SECONDS = 60
    cache.set(HEARTBEAT_KEY, time.time())
    task = DBTaskResult.objects.create(
        task_path="giamngheo.reports.tasks.generate_report",
        args_kwargs={"args": [1], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=0,
    )
    # enqueued_at is set on creation: five minutes ago, as if no worker had taken it.
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - timezone.timedelta(minutes=5)
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "oldest queued task waits for 3" in response.json()["TaskWorker()"]
    cache.delete(HEARTBEAT_KEY)


def test_readyz_is_503_when_the_upload_disk_is_nearly_full(client, settings):
    settings.HEALTH_MIN_FREE_DISK_MB = 10**12
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "MEDIA_ROOT: " in response.json()["FreeDisk()"]


def test_readyz_is_503_with_unapplied_migrations(client):
    from giamngheo.core.health import Migrations

    Migrations._all_applied = False
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM django_migrations WHERE app = 'feedback' AND name = '0002_seed_categories'"
        )
    response = client.get("/readyz")
    assert response.status_code == 503
    assert "1 migrations not applied" in response.json()["Migrations()"]
