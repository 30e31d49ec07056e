"""Heavy reads from a real PostgreSQL streaming replica (``DATABASE_REPLICA_URL``).

The test builds what a data centre runs: a primary cluster of its own, and a
replica cloned from it by ``pg_basebackup`` and fed by streaming replication,
on two free ports. It then pauses the replica's replay, writes on the primary,
and shows where each read went: a replica address read by a client that has not
written sees the replica (without the new row), one that has just written sees
the primary, and a write never reaches the replica, which refuses it.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from .conftest import ROOT, free_ports

pytestmark = [pytest.mark.deploy, pytest.mark.postgres]

BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def as_postgres(*command: str, **kwargs) -> subprocess.CompletedProcess:
    """PostgreSQL's tools refuse to run as root: run them as the postgres user."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *command], check=True, capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="module")
def clusters():
    if not BINARIES or not shutil.which("runuser"):
        pytest.skip("PostgreSQL's server binaries are not installed")
    bin_dir = Path(BINARIES[-1])
    base = Path(tempfile.mkdtemp(prefix="gn-replica-"))
    base.chmod(0o755)
    shutil.chown(base, "postgres", "postgres")
    primary, replica = base / "primary", base / "replica"
    primary_port, replica_port = free_ports(2)
    started = []
    try:
        as_postgres(str(bin_dir / "initdb"), "-D", str(primary), "-A", "trust", "-U", "postgres")
        with (primary / "postgresql.conf").open("a") as conf:
            conf.write(
                f"port = {primary_port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{base}'\nwal_level = replica\n"
                "max_wal_senders = 4\nfsync = off\n"
            )
        as_postgres(str(bin_dir / "pg_ctl"), "-D", str(primary), "-l", str(base / "p.log"), "-w",
                    "start")  # fmt: skip
        started.append(primary)
        # The replica: a base backup of the primary, told to follow it (-R).
        as_postgres(str(bin_dir / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary_port),
                    "-U", "postgres", "-D", str(replica), "-R", "-X", "stream")  # fmt: skip
        with (replica / "postgresql.conf").open("a") as conf:
            conf.write(f"port = {replica_port}\n")
        as_postgres(str(bin_dir / "pg_ctl"), "-D", str(replica), "-l", str(base / "r.log"), "-w",
                    "start")  # fmt: skip
        started.append(replica)
        as_postgres(str(bin_dir / "psql"), "-h", "127.0.0.1", "-p", str(primary_port),
                    "-U", "postgres", "-c", "CREATE DATABASE giamngheo")  # fmt: skip
        url = "postgres://postgres@127.0.0.1:{}/giamngheo"
        yield {"DATABASE_URL": url.format(primary_port), "REPLICA": url.format(replica_port)}
    finally:
        for data in reversed(started):
            subprocess.run(["runuser", "-u", "postgres", "--", str(bin_dir / "pg_ctl"), "-D",
                            str(data), "-m", "immediate", "stop"], capture_output=True)  # fmt: skip
        shutil.rmtree(base, ignore_errors=True)


def manage(env: dict, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


# Run inside the app, against the two clusters: what each kind of request read.
SCENARIO = """
import datetime, json
from django.db import connections
from django.db.utils import InternalError, OperationalError, ProgrammingError
from django.test import Client
from giamngheo.indicators.models import ProgrammePeriod

def names(client):
    response = client.get("/api/v1/periods")
    assert response.status_code == 200, response.content[:500]
    return sorted(item["name"] for item in response.json()["items"])

replica = connections["replica"]
for _ in range(200):  # the migrated schema and its rows reach the replica by streaming
    try:
        if ProgrammePeriod.objects.using("replica").count() == ProgrammePeriod.objects.count():
            break
    except (OperationalError, ProgrammingError):
        pass
    time.sleep(0.1)
with replica.cursor() as cursor:
    cursor.execute("SELECT pg_is_in_recovery()")
    in_recovery = cursor.fetchone()[0]
    cursor.execute("SELECT pg_wal_replay_pause()")  # the replica now lags on purpose
ProgrammePeriod.objects.create(
    name="2031–2035", start=datetime.date(2031, 1, 1), end=datetime.date(2035, 12, 31)
)
reader, writer = Client(), Client()
seen = {"reader": names(reader)}
writer.post("/api/v1/periods", {})  # any write: this client now reads the primary
seen["writer after a write"] = names(writer)
refused = ""
try:
    with replica.cursor() as cursor:
        cursor.execute("INSERT INTO indicators_programmeperiod (name, start, \\"end\\", status) "
                       "VALUES ('x', '2040-01-01', '2040-12-31', 'draft')")
except (InternalError, OperationalError, ProgrammingError) as error:
    refused = str(error)
with replica.cursor() as cursor:
    cursor.execute("SELECT pg_wal_replay_resume()")
for _ in range(100):
    if "2031–2035" in names(Client()):
        break
    time.sleep(0.1)
seen["reader after the replay"] = names(Client())
print(json.dumps({"in_recovery": in_recovery, "seen": seen, "refused": refused}))
"""


def test_heavy_reads_go_to_the_replica_and_writes_and_a_writers_reads_to_the_primary(clusters):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "giamngheo.settings.dev",
        "DATABASE_URL": clusters["DATABASE_URL"],
        "DATABASE_REPLICA_URL": clusters["REPLICA"],
        "CACHE_URL": "locmemcache://",
        "ALLOWED_HOSTS": "testserver",
    }
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    out = manage(env, "shell", "--no-imports", stdin="import time\n" + SCENARIO)
    result = json.loads(out.strip().splitlines()[-1])
    assert result["in_recovery"] is True  # a real standby, fed by the primary
    seen = result["seen"]
    assert "2031–2035" not in seen["reader"]  # the API read the paused replica
    assert "2031–2035" in seen["writer after a write"]  # reads after a write: the primary
    assert "2031–2035" in seen["reader after the replay"]  # and the replica catches up
    assert "read-only" in result["refused"]  # nothing is ever written to the replica
