"""The migrated test database, built once per run and copied into each worker's.

Migrating this project takes about half a minute of CPU. With pytest-xdist every
worker used to migrate its own test database and import Huế's units into it. Now
the first worker builds one database with the migrations, their rows and the units
(on PostgreSQL a template database named after the test database; on SQLite a file
in the run's temporary directory) while the others wait, and each worker's test
database starts as a copy of it (``CREATE DATABASE ... TEMPLATE``, or SQLite's
backup into the in-memory database). Django's migrate then finds nothing to do.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, transaction

ROOT = Path(__file__).resolve().parent.parent
SKIPPED_TABLES = {"django_migrations", "sqlite_sequence"}
UNIT_TABLES = ["units_unit", "units_unitsuccession"]
# The run's directory shared by its workers, once this worker's database is a copy of
# the migrated one (tests/snapshots.py keeps the demo data sets there).
SHARED: Path | None = None
# True once a demo copy brought its content types' ids, which a rollback takes away.
FOREIGN_CONTENT_TYPES = False


@contextmanager
def run_lock(path: Path) -> Iterator[None]:
    """One worker at a time (the lock file lives in the run's shared directory)."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def base_test_name(worker: str) -> str:
    """The test database's name without pytest-xdist's ``_gw0`` suffix."""
    name = connection.creation._get_test_db_name()
    suffix = f"_{worker}"
    return name[: -len(suffix)] if name.endswith(suffix) else name


@contextmanager
def test_name(name: str) -> Iterator[None]:
    """Django's test database settings pointing at ``name`` for a while."""
    test = connection.settings_dict["TEST"]
    saved = (test.get("NAME"), test.get("TEMPLATE"), connection.settings_dict["NAME"])
    test["NAME"], test["TEMPLATE"] = name, None
    try:
        yield
    finally:
        connection.close()
        test["NAME"], test["TEMPLATE"], original = saved
        connection.settings_dict["NAME"] = settings.DATABASES["default"]["NAME"] = original


def build(name: str, fill: Callable[[], None], shared: Path) -> None:
    """A migrated database called ``name`` (dropped first if an earlier run left it)."""
    with test_name(name):
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        fill()
        if connection.vendor == "postgresql":
            dump_postgresql(UNIT_TABLES, shared / "migrated-units")


def every_table() -> list[str]:
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
        if connection.vendor == "sqlite":
            # Wagtail's full-text index (a virtual table and its own tables) is kept
            # by triggers on wagtailsearch_indexentry; written directly, it is corrupt
            # ("database disk image is malformed").
            cursor.execute("PRAGMA table_list")
            derived = {name for _, name, kind, *_ in cursor.fetchall() if kind != "table"}
            names = [name for name in names if name not in derived]
    return [name for name in names if name not in SKIPPED_TABLES]


def dump_postgresql(tables: list[str], folder: Path) -> None:
    """Each table's rows in PostgreSQL's binary COPY format, one file each."""
    folder.mkdir(parents=True, exist_ok=True)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in tables:
            sql = f"COPY {quote(table)} TO STDOUT (FORMAT binary)"
            with cursor.cursor.copy(sql) as copy, (folder / f"{table}.bin").open("wb") as out:
                for block in copy:
                    out.write(block)


def copy_rows(folder: Path, sqlite_file: Path, tables: list[str]) -> None:
    """Replace the rows of ``tables`` with those kept in ``folder`` (PostgreSQL)
    or ``sqlite_file``. Foreign keys are checked at commit, when the rows are whole."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        deletes = [f"DELETE FROM {quote(table)}" for table in tables]
        if connection.vendor == "postgresql":
            # DELETE, not TRUNCATE: TRUNCATE gives each of 200 tables new files (seconds);
            # one round trip for all of them.
            cursor.execute(";".join(deletes))
            for table in tables:
                data = (folder / f"{table}.bin").read_bytes()
                sql = f"COPY {quote(table)} FROM STDIN (FORMAT binary)"
                with cursor.cursor.copy(sql) as copy:
                    copy.write(data)
            models = apps.get_models(include_auto_created=True)
            models = [model for model in models if model._meta.db_table in tables]
            cursor.execute(";".join(connection.ops.sequence_reset_sql(no_style(), models)))
            return
        for delete in deletes:  # SQLite runs one statement at a time
            cursor.execute(delete)
        source = sqlite3.connect(sqlite_file)
        try:
            for table in tables:
                rows = source.execute(f"SELECT * FROM {quote(table)}").fetchall()
                if rows:
                    marks = ", ".join("?" * len(rows[0]))
                    cursor.executemany(f"INSERT INTO {quote(table)} VALUES ({marks})", rows)
        finally:
            source.close()


def restore_units() -> bool:
    """Put back the migrated database's units after a transactional test emptied them
    (a copy of two tables instead of import_units); False where that cannot be done."""
    if SHARED is None:
        return False
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in UNIT_TABLES:
            cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")
            if cursor.fetchone():
                return False  # some units are there: import_units adds what is missing
    migrated = json.loads((SHARED / "migrated.ready").read_text())
    with transaction.atomic():
        copy_rows(SHARED / "migrated-units", Path(migrated["name"]), UNIT_TABLES)
    return True


class MigratedTemplate:
    """Builds the migrated database once per run and points a worker's test database at it."""

    def __init__(self, shared: Path, worker: str):
        self.shared = shared
        self.worker = worker
        self.vendor = connection.vendor
        if self.vendor == "sqlite":
            self.name = str(shared / "migrated.sqlite3")
        else:
            self.name = base_test_name(worker) + "_migrated"
        self._memory: sqlite3.Connection | None = None

    def prepare(self, fill: Callable[[], None]) -> None:
        global SHARED
        with run_lock(self.shared / "migrated.lock"):
            ready = self.shared / "migrated.ready"
            if not ready.exists():
                build(self.name, fill, self.shared)
                url = os.environ.get("DATABASE_URL", "")
                ready.write_text(json.dumps({"name": self.name, "url": url}))
        SHARED = self.shared
        if self.vendor == "postgresql":
            connection.settings_dict["TEST"]["TEMPLATE"] = self.name
        elif self.vendor == "sqlite":
            self._fill_memory_database()

    def _fill_memory_database(self) -> None:
        # Django's in-memory test database is shared-cache: it lives while one
        # connection holds it, so this one keeps the copy until the session ends.
        memory = connection.creation._get_test_db_name()
        if not connection.creation.is_in_memory_db(memory):
            raise RuntimeError("expected SQLite's in-memory test database")
        self._memory = sqlite3.connect(memory, uri=True)
        source = sqlite3.connect(self.name)
        try:
            source.backup(self._memory)
        finally:
            source.close()

    def close(self) -> None:
        if self._memory is not None:
            self._memory.close()
