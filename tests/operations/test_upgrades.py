"""Upgrades (issue 14 §5): no serving an unmigrated database in production, and one
command that backs up, migrates, imports the units and restarts, with a dry run."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from giamngheo.demo.models import DemoDataSet
from giamngheo.operations import archive, database
from giamngheo.operations.startup import unapplied_migrations
from giamngheo.units.models import Unit

ROOT = Path(django_settings.BASE_DIR)


def production_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "giamngheo.settings.production",
        "SECRET_KEY": "upgrade-test-not-secret",
        "ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": database_url,
        "CACHE_URL": "locmemcache://",
    }


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def empty_database(tmp_path) -> str:
    """A database no migration has reached (a new version's code, an old database)."""
    return f"sqlite:///{tmp_path / 'empty.sqlite3'}"


@pytest.fixture
def migrated_database(transactional_db, tmp_path) -> str:
    """The test database, migrated to the code's last migration, as a URL another process opens."""
    if connection.vendor == "sqlite":  # in memory: copied into a file
        database.dump(connection, tmp_path / "migrated.sqlite3")
        return f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


def test_manage_py_refuses_to_serve_a_database_with_unapplied_migrations(empty_database):
    result = run(
        ["manage.py", "runserver", "--noreload", "127.0.0.1:0"], production_env(empty_database)
    )
    assert result.returncode == 1
    assert "manage.py runserver: The database lacks" in result.stderr
    assert "manage.py upgrade" in result.stderr
    # What repairs it still runs.
    plan = run(["manage.py", "migrate", "--plan"], production_env(empty_database))
    assert plan.returncode == 0, plan.stderr
    assert "wagtailcore" in plan.stdout


def test_an_app_server_does_not_boot_on_a_database_with_unapplied_migrations(empty_database):
    gunicorn = [
        *("-m", "gunicorn", "giamngheo.wsgi:application"),
        *("--bind", "127.0.0.1:0", "--workers", "1", "--timeout", "60"),
    ]
    result = run(gunicorn, production_env(empty_database))
    assert result.returncode != 0
    assert "The database lacks" in result.stderr
    assert "Worker failed to boot" in result.stderr


def test_the_application_loads_once_every_migration_is_applied(migrated_database):
    result = run(["-c", "import giamngheo.wsgi; print('ready')"], production_env(migrated_database))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ready"


@pytest.mark.django_db(transaction=True)
def test_upgrade_dry_run_changes_nothing_and_the_upgrade_does_every_step(
    hue_units, settings, tmp_path, capsys
):
    settings.BACKUP_DIR = tmp_path / "backups"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.MAINTENANCE_FILE = flag = tmp_path / "maintenance.on"
    restarted = tmp_path / "restarted"
    # Succeeds only while the maintenance page is up.
    settings.UPGRADE_RESTART_COMMAND = f"cp {flag} {restarted}"
    # The database of the previous version: the demo app's table is not there yet.
    call_command("migrate", "demo", "zero", verbosity=0)
    assert unapplied_migrations() == ["demo.0001_initial"]
    units = Unit.objects.count()

    with translation.override("en"):
        call_command("upgrade", "--dry-run")
    out = capsys.readouterr().out
    assert "would apply 1:" in out and "demo.0001_initial" in out
    assert f"would run: cp {flag} {restarted}" in out
    assert f"would create {flag}" in out
    assert unapplied_migrations() == ["demo.0001_initial"]
    assert not settings.BACKUP_DIR.exists() and not restarted.exists() and not flag.exists()
    assert not settings.STATIC_ROOT.exists()

    with translation.override("en"):
        call_command("upgrade", "--keep", "3")
    out = capsys.readouterr().out
    assert unapplied_migrations() == []
    assert DemoDataSet.objects.count() == 0  # the table exists again
    (backup,) = archive.archives_in(settings.BACKUP_DIR)
    manifest = archive.read_manifest(backup)
    assert "demo.0001_initial" not in manifest.database["migrations"]  # taken before migrate
    assert (settings.STATIC_ROOT / "wagtailadmin").is_dir()
    assert Unit.objects.count() == units  # the units were there: nothing to import
    assert restarted.exists() and not flag.exists()
    assert "Upgrade finished." in out

    # A step that fails leaves the maintenance page up and says so.
    settings.UPGRADE_RESTART_COMMAND = "false"
    with (
        translation.override("en"),
        pytest.raises(CommandError, match=r"Step 5 .*failed.*maintenance page stays up"),
    ):
        call_command("upgrade", "--skip-backup")
    assert flag.exists()


def test_the_dry_run_imports_the_units_and_rolls_back_saying_what_would_change(
    hue_units, settings, capsys
):
    settings.UPGRADE_RESTART_COMMAND = ""
    Unit.objects.filter(code="19942").update(name="Xã Tên Cũ")  # renamed by hand, say
    with translation.override("en"):
        call_command("upgrade", "--dry-run")
    out = capsys.readouterr().out
    changed = re.search(r"would change: created 0, changed (\d+)", out)
    assert changed and int(changed.group(1)) >= 1
    assert set(Unit.objects.filter(code="19942").values_list("name", flat=True)) == {"Xã Tên Cũ"}
    assert "restart them yourself" in out
