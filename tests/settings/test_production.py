"""Production settings refuse to start half-configured and pass the deploy checks."""

import os
import subprocess
import sys

from django.conf import settings

ROOT = settings.BASE_DIR


def manage(*args, **env):
    unset = ("SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(DJANGO_SETTINGS_MODULE="giamngheo.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="giamngheo.example.vn")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_passes_check_deploy_without_warnings(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k3y-" + "q8Zr!x7Lm#2vPw9@" * 4,
        ALLOWED_HOSTS="giamngheo.example.vn",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_links_in_messages_default_to_the_first_allowed_host_over_https():
    result = manage(
        "shell",
        "--verbosity",
        "0",
        "-c",
        "from django.conf import settings; "
        "print(settings.PUBLIC_BASE_URL, settings.WAGTAILADMIN_BASE_URL)",
        SECRET_KEY="k3y-" + "q8Zr!x7Lm#2vPw9@" * 4,
        ALLOWED_HOSTS="giamngheo.example.vn,www.giamngheo.example.vn",
        # Only the settings are read: no database to migrate first (operations/startup.py).
        REFUSE_UNAPPLIED_MIGRATIONS="false",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["https://giamngheo.example.vn"] * 2


def test_production_asks_for_the_public_address_when_the_first_host_is_a_pattern():
    result = manage("check", SECRET_KEY="x" * 60, ALLOWED_HOSTS=".example.vn")
    assert result.returncode != 0
    assert "PUBLIC_BASE_URL must be set" in result.stderr
