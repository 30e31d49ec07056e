"""Point Django at a benchmark database, never the dev or the test one.

The bench scripts set ``DATABASE_URL`` themselves, from ``--db``, so that a
DATABASE_URL left in the shell (the dev or test database) is never filled
with millions of rows by mistake.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
URLS = {
    "postgres": "postgres://postgres@127.0.0.1:5432/giamngheo_bench",
    "sqlite": f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}",
}
SQLITE_PATH = ROOT / "var" / "bench.sqlite3"


def setup(db: str) -> None:
    """Configure and start Django on the benchmark database ``db`` (postgres or sqlite)."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "giamngheo.settings.dev"
    os.environ["DATABASE_URL"] = URLS[db]
    os.environ["DEBUG"] = "false"  # no query log: time the queries, not Django's bookkeeping
    import django

    django.setup()


def pending_migrations() -> list[str]:
    """The app's migrations not yet applied to the database ``setup()`` opened."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]
