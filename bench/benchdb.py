"""Point Django at a benchmark database, never the dev or the test one.

The bench scripts set ``DATABASE_URL`` themselves, from ``--db``, so that a
DATABASE_URL left in the shell (the dev or test database) is never filled
with millions of rows by mistake.  The benchmark databases' own names come
from ``BENCH_DATABASE_URL`` (PostgreSQL) and ``BENCH_SQLITE_PATH``, and the
cache's from ``BENCH_CACHE_URL`` (default: the process's own memory), so two
people (or two benches) on one machine each use their own and never collide.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/giamngheo_bench"
)
SQLITE_PATH = Path(os.environ.get("BENCH_SQLITE_PATH", ROOT / "var" / "bench.sqlite3"))
URLS = {"postgres": POSTGRES_URL, "sqlite": f"sqlite:///{SQLITE_PATH}"}


def postgres_name() -> str:
    """The PostgreSQL benchmark database's name (the last part of its URL)."""
    return POSTGRES_URL.rsplit("/", 1)[1].split("?", 1)[0]


def setup(db: str) -> None:
    """Configure and start Django on the benchmark database ``db`` (postgres or sqlite)."""
    setup_url(URLS[db])


def ensure_postgres_database(url: str) -> None:
    """Create the PostgreSQL database of ``url`` if it is not there (SQLite makes its file)."""
    if not url.startswith("postgres"):
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')


def setup_url(url: str) -> None:
    """Configure and start Django on the database at ``url``."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "giamngheo.settings.dev"
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "false"  # no query log: time the queries, not Django's bookkeeping
    # A process-local cache unless told otherwise: nothing shared to collide on.
    os.environ["CACHE_URL"] = os.environ.get("BENCH_CACHE_URL", "locmemcache://")
    import django

    django.setup()


def pending_migrations() -> list[str]:
    """The app's migrations not yet applied to the database ``setup()`` opened."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def load_average() -> str:
    return "/".join(f"{n:.2f}" for n in os.getloadavg())
