"""The demo data set loaded once per run, then copied into the tests that need it.

Loading the demo takes half a minute of CPU (the radio logs and plans go through
their rules; the portal draws pictures and sounds), and several modules need the
same data. The first worker that asks for a data set loads it, in a subprocess, into
a copy of the run's migrated database (tests/databases.py), and keeps its tables
(PostgreSQL: binary COPY files; SQLite: the database file) and the files it wrote.
A test's fixture then replaces every table of its own database with those rows, in
its transaction as load_demo would have written them, and copies the files.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

from tests import databases
from tests.databases import ROOT, copy_rows, dump_postgresql, every_table, run_lock

# The demo data sets more than one module uses, by name: what load_demo is given.
# The annual reports' tests: the demo without the portal's pages and the citizens' parts.
REPORT_PARTS = [
    *("users", "broadcasts", "plans", "training", "evaluation"),
    *("activities", "network", "poverty"),
]
RECIPES: dict[str, dict] = {
    "whole": {"seed": 7, "force": True},
    "reports": {"seed": 7, "parts": REPORT_PARTS, "force": True},
    "portal": {"seed": 7, "parts": ["portal"]},
}
# Where load_demo writes files; a fixture may have pointed them at a temporary folder.
FILE_SETTINGS = ("MEDIA_ROOT", "FEEDBACK_FILES_ROOT", "REPORTS_FILES_ROOT")


def restore_demo(name: str) -> None:
    """The database and files as ``load_demo(**RECIPES[name])`` leaves them."""
    shared = databases.SHARED
    if shared is None:  # --reuse-db: no migrated database to start from
        from giamngheo.demo.services import load_demo

        load_demo(**RECIPES[name])
        return
    snapshot = shared / f"demo-{name}"
    with run_lock(shared / f"demo-{name}.lock"):
        if not (snapshot / "ready").exists():
            build(name, snapshot, shared)
    with transaction.atomic():
        copy_rows(snapshot / "tables", snapshot / "database.sqlite3", every_table())
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    databases.FOREIGN_CONTENT_TYPES = True  # see forget_copied_content_types in conftest
    cache.clear()  # Wagtail's site root paths, the indicators' cached figures
    for setting in FILE_SETTINGS:
        files = snapshot / "files" / setting
        if files.exists():
            shutil.copytree(files, getattr(settings, setting), dirs_exist_ok=True)


def build(name: str, snapshot: Path, shared: Path) -> None:
    """Load the data set in a subprocess, into its own copy of the migrated database."""
    shutil.rmtree(snapshot, ignore_errors=True)
    snapshot.mkdir()
    migrated = json.loads((shared / "migrated.ready").read_text())
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "giamngheo.settings.test"}
    if connection.vendor == "postgresql":
        database = f"{migrated['name']}_demo_{name}"  # workers build different sets at once
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{database}"')
            cursor.execute(f'CREATE DATABASE "{database}" TEMPLATE "{migrated["name"]}"')
        env["DATABASE_URL"] = migrated["url"].rsplit("/", 1)[0] + f"/{database}"
    else:
        database = str(snapshot / "database.sqlite3")
        shutil.copyfile(migrated["name"], database)
        env["DATABASE_URL"] = f"sqlite:///{database}"
    subprocess.run(
        [sys.executable, "-m", "tests.snapshots", name, str(snapshot)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    if connection.vendor == "postgresql":
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{database}"')
    (snapshot / "ready").touch()


def _load_and_keep(name: str, snapshot: Path) -> None:
    """In the subprocess: load the data set, then keep its tables and files."""
    import django

    django.setup()
    from django.test import override_settings

    from giamngheo.demo.services import load_demo

    roots = {setting: snapshot / "files" / setting for setting in FILE_SETTINGS}
    with override_settings(**roots):
        assert load_demo(**RECIPES[name]) is True
    if connection.vendor == "postgresql":
        dump_postgresql(every_table(), snapshot / "tables")
    connection.close()


if __name__ == "__main__":
    _load_and_keep(sys.argv[1], Path(sys.argv[2]))
