"""The unit files of deploy/systemd are ones systemd accepts, and every job has its timer."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

UNITS = Path(__file__).resolve().parent.parent.parent / "deploy" / "systemd"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_systemd_accepts_every_unit_file():
    names = [
        "giamngheo.target",
        "giamngheo-web@8001.service",
        "giamngheo-worker.service",
        "giamngheo-job@publish_scheduled.service",
        *sorted(path.name for path in UNITS.glob("*.timer")),
    ]
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *names],
        cwd=UNITS,
        capture_output=True,
        text=True,
    )
    # The virtualenv lives in /srv/giamngheo on a server, not here: only that may be missing.
    complaints = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and "is not executable: No such file or directory" not in line
    ]
    assert complaints == []


def test_every_timer_starts_a_management_command_that_exists():
    from django.core.management import get_commands

    for timer in UNITS.glob("*.timer"):
        unit = re.search(r"^Unit=giamngheo-job@(\w+)\.service$", timer.read_text(), re.M)
        assert unit, timer.name
        assert unit[1] in get_commands(), timer.name
        assert timer.name in (UNITS / "giamngheo.target").read_text(), timer.name
