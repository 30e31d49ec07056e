"""Dumping and restoring the database, one engine at a time.

PostgreSQL: ``pg_dump`` in custom format inside a repeatable-read snapshot that
the row counts share, and ``pg_restore`` in one transaction. SQLite: the online
backup API, both ways (it copies a consistent database while others write).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import psycopg
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.recorder import MigrationRecorder


class DatabaseError(Exception):
    """A dump or restore tool failed; the message carries its own words."""


def engine(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor not in ("postgresql", "sqlite"):
        raise DatabaseError(f"backups support PostgreSQL and SQLite, not {connection.vendor}")
    return connection.vendor


def dump_name(vendor: str) -> str:
    return "database/postgresql.dump" if vendor == "postgresql" else "database/sqlite3.db"


def dump(connection: BaseDatabaseWrapper, target: Path) -> dict[str, int]:
    """Write the database to ``target``; the row count of every table at that moment."""
    if engine(connection) == "postgresql":
        return _pg_dump(connection, target)
    return _sqlite_dump(connection, target)


def restore(connection: BaseDatabaseWrapper, source: Path) -> None:
    """Replace the database's whole content with the dump at ``source``."""
    if engine(connection) == "postgresql":
        _pg_restore(connection, source)
    else:
        _sqlite_restore(connection, source)


def row_counts(connection: BaseDatabaseWrapper) -> dict[str, int]:
    """Table name → number of rows, for every table of the database."""
    with connection.cursor() as cursor:
        return _count(cursor, connection.introspection.table_names(cursor))


def has_tables(connection: BaseDatabaseWrapper) -> bool:
    with connection.cursor() as cursor:
        return bool(connection.introspection.table_names(cursor))


def applied_migrations(connection: BaseDatabaseWrapper) -> list[str]:
    """``app.name`` of every applied migration (empty on an empty database)."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def wipe(connection: BaseDatabaseWrapper) -> None:
    """Drop every table (PostgreSQL: the whole ``public`` schema, extensions included)."""
    if engine(connection) == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
        connection.close()
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys = OFF")
        cursor.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')")
        objects = [
            (name, kind) for name, kind in cursor.fetchall() if not name.startswith("sqlite_")
        ]
        for name, kind in objects:
            # A virtual table (full-text index) drops its shadow tables with it.
            cursor.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
        cursor.execute("PRAGMA foreign_keys = ON")


def _count(cursor, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


# --- PostgreSQL


def _pg_env(connection: BaseDatabaseWrapper) -> dict[str, str]:
    """libpq's environment for the connection's settings (no password on a command line)."""
    settings = connection.settings_dict
    options = settings.get("OPTIONS", {})
    env = {**os.environ, "PGDATABASE": settings["NAME"]}
    for variable, value in (
        ("PGHOST", settings.get("HOST")),
        ("PGPORT", settings.get("PORT")),
        ("PGUSER", settings.get("USER")),
        ("PGPASSWORD", settings.get("PASSWORD")),
        ("PGSSLMODE", options.get("sslmode")),
        ("PGSSLROOTCERT", options.get("sslrootcert")),
        ("PGSSLCERT", options.get("sslcert")),
        ("PGSSLKEY", options.get("sslkey")),
        ("PGPASSFILE", options.get("passfile")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _run(command: list[str], connection: BaseDatabaseWrapper) -> None:
    tool = shutil.which(command[0])
    if tool is None:
        raise DatabaseError(f"{command[0]} not found; install postgresql-client")
    result = subprocess.run(
        [tool, *command[1:]], env=_pg_env(connection), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise DatabaseError(f"{command[0]}: {result.stderr.strip() or result.returncode}")


def _pg_dump(connection: BaseDatabaseWrapper, target: Path) -> dict[str, int]:
    # A connection of its own (whatever transaction the caller is in) holds a
    # repeatable-read snapshot: the counts and pg_dump see the same database,
    # whatever the app servers write meanwhile.
    with psycopg.connect(**connection.get_connection_params()) as snapshot_connection:
        with snapshot_connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            cursor.execute(
                "SELECT c.relname FROM pg_class c WHERE c.relkind IN ('r', 'p') "
                "AND c.relnamespace = 'public'::regnamespace"
            )
            counts = _count(cursor, [name for (name,) in cursor.fetchall()])
            _run(
                ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}"],
                connection,
            )
        snapshot_connection.rollback()
    return counts


def _pg_restore(connection: BaseDatabaseWrapper, source: Path) -> None:
    connection.close()  # pg_restore's own connection does the work
    _run(
        [
            *("pg_restore", "--no-owner", "--no-privileges"),
            *(
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
            ),
            str(source),
        ],
        connection,
    )


# --- SQLite


def _outside_transaction(connection: BaseDatabaseWrapper) -> None:
    # The backup API waits for a lock this connection's own transaction holds: forever.
    if connection.in_atomic_block:
        raise DatabaseError("SQLite backups and restores run outside a transaction")


def _sqlite_dump(connection: BaseDatabaseWrapper, target: Path) -> dict[str, int]:
    _outside_transaction(connection)
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
        cursor = destination.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = [name for (name,) in cursor.fetchall() if not name.startswith("sqlite_")]
        counts = _count(cursor, tables)
        # A standalone file: no write-ahead log beside it.
        cursor.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()
    return counts


def _sqlite_restore(connection: BaseDatabaseWrapper, source: Path) -> None:
    _outside_transaction(connection)
    connection.ensure_connection()
    origin = sqlite3.connect(source)
    try:
        # Pages copied into the open database: it works on a file or in memory, and
        # other connections see the restored content at once.
        origin.backup(connection.connection)
    finally:
        origin.close()
