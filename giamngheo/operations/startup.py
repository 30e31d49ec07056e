"""Refuse to serve a database that the code's migrations have not reached (issue 14 §5).

An upgrade that installs new code but forgets `migrate` would otherwise serve
errors page by page; an old binary started against a newer schema is caught by
the same question. Production turns ``REFUSE_UNAPPLIED_MIGRATIONS`` on; the WSGI
application and ``manage.py`` ask before they start.
"""

from __future__ import annotations

import logging
import sys

import django
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import OperationalError, connections
from django.db.migrations.executor import MigrationExecutor

logger = logging.getLogger(__name__)

# Commands that repair or inspect an unmigrated database, or do not touch it.
ALLOWED_COMMANDS = frozenset(
    {
        *("migrate", "upgrade", "backup", "restore", "showmigrations", "sqlmigrate"),
        *("makemigrations", "check", "help", "version", "dbshell", "diffsettings"),
        *("collectstatic", "compilemessages", "makemessages", "createcachetable"),
    }
)


class UnappliedMigrations(ImproperlyConfigured):
    pass


def unapplied_migrations(using: str = "default") -> list[str]:
    """``app.name`` of every migration the code has and the database lacks, in order."""
    executor = MigrationExecutor(connections[using])
    targets = executor.loader.graph.leaf_nodes()
    return [f"{m.app_label}.{m.name}" for m, _backwards in executor.migration_plan(targets)]


def refuse_unapplied_migrations(using: str = "default") -> None:
    """Raise if the setting asks for it and migrations are missing."""
    if not settings.REFUSE_UNAPPLIED_MIGRATIONS:
        return
    try:
        missing = unapplied_migrations(using)
    except OperationalError as error:
        # The database is not up yet (a reboot): start, and let /readyz say so.
        logger.warning("Migrations not checked, the database does not answer: %s", error)
        return
    if missing:
        shown = ", ".join(missing[:5]) + (f" (+{len(missing) - 5})" if len(missing) > 5 else "")
        raise UnappliedMigrations(
            f"The database lacks {len(missing)} migration(s) of this code: {shown}. "
            "Run `manage.py upgrade` (or `manage.py migrate`) before starting the site."
        )


def guard_command(argv: list[str]) -> None:
    """For manage.py: stop a command other than ALLOWED_COMMANDS on an unmigrated database."""
    command = argv[1] if len(argv) > 1 else "help"
    if command in ALLOWED_COMMANDS or command.startswith("-"):
        return
    try:
        django.setup()
    except ImproperlyConfigured:
        return  # execute_from_command_line reports bad settings in its own words
    try:
        refuse_unapplied_migrations()
    except UnappliedMigrations as error:
        sys.stderr.write(f"manage.py {command}: {error}\n")
        sys.exit(1)
