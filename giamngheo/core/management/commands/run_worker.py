"""``db_worker`` with a heartbeat: what deploy/systemd/giamngheo-worker.service runs.

django-tasks' database worker keeps no record of itself; /readyz needs to know
that one is alive. A thread writes the time into the shared cache every few
seconds while the worker runs: a worker busy with a long report still beats, one
that died stops (the queue's age, also in /readyz, catches a stuck one).
"""

import contextlib
import threading
import time

from django.core.cache import cache
from django_tasks_db.management.commands import db_worker

from giamngheo.core.health import HEARTBEAT_KEY

BEAT_SECONDS = 5


def beat(stop: threading.Event) -> None:
    while not stop.is_set():
        # A cache outage must not stop the worker (/readyz reports the cache itself).
        with contextlib.suppress(Exception):
            cache.set(HEARTBEAT_KEY, time.time(), timeout=3600)
        stop.wait(BEAT_SECONDS)


class Command(db_worker.Command):
    help = "Run the database task worker, writing a heartbeat for /readyz."

    def handle(self, *args, **options):
        stop = threading.Event()
        threading.Thread(target=beat, args=(stop,), daemon=True, name="heartbeat").start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
