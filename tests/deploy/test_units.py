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
        "giamngheo-backup.service",
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
        (service,) = re.findall(r"^Unit=(\S+)$", timer.read_text(), re.M)
        job = re.fullmatch(r"giamngheo-job@(\w+)\.service", service)
        if job:
            command = job[1]
        else:  # a service of its own, for the command's arguments
            exec_start = re.search(
                r"^ExecStart=.* manage\.py (\w+)", (UNITS / service).read_text(), re.M
            )
            command = exec_start[1]
        assert command in get_commands(), timer.name
        assert timer.name in (UNITS / "giamngheo.target").read_text(), timer.name
