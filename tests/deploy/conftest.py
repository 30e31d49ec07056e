"""The reference deployment started by scripts/prod_local.py (``make prod-local``), once
per test module: nginx over HTTPS in front of two gunicorn app servers, the task
worker, the timers' jobs, its own Redis, and a PostgreSQL database of its own.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent.parent
RUNNER = ROOT / "scripts" / "prod_local.py"
READY_SECONDS = 420


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for sock in sockets:
        sock.bind(("127.0.0.1", 0))
    ports = [sock.getsockname()[1] for sock in sockets]
    for sock in sockets:
        sock.close()
    return ports


@dataclass
class Stack:
    state: Path
    https_port: int
    app_ports: list[int]
    runner_args: list[str]

    @property
    def url(self) -> str:
        return f"https://localhost:{self.https_port}"

    @property
    def cert(self) -> str:
        return str(self.state / "tls" / "cert.pem")

    def session(self) -> requests.Session:
        session = requests.Session()
        session.trust_env = False  # REQUESTS_CA_BUNDLE would replace our certificate
        session.verify = self.cert
        return session

    def app(self, port: int, path: str, *, client_ip: str, cookies: str = "", **kwargs):
        """A request straight to one app server, as nginx sends it."""
        headers = {
            "Host": f"localhost:{self.https_port}",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": client_ip,
            **({"Cookie": cookies} if cookies else {}),
            **kwargs.pop("headers", {}),
        }
        method = kwargs.pop("method", "GET")
        session = requests.Session()
        session.trust_env = False  # no proxy from the environment on loopback
        return session.request(
            method,
            f"http://127.0.0.1:{port}{path}",
            headers=headers,
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )

    def shell(self, code: str) -> str:
        """Django's shell with the stack's environment, as an operator runs it."""
        result = subprocess.run(
            [sys.executable, RUNNER, "manage", *self.runner_args, "--", "shell", "-c", code],
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def logs(self, pattern: str) -> str:
        return "".join(path.read_text(errors="replace") for path in self.state.glob(pattern))


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        pytest.skip("the reference deployment runs on PostgreSQL: set DATABASE_URL")
    if shutil.which("nginx") is None:
        pytest.fail("nginx is missing: apt-get install nginx (.ci/run installs it)")
    state = tmp_path_factory.mktemp("prod-local")
    https_port, http_port, redis_port, *app_ports = free_ports(5)
    stack_db = re.sub(r"/([^/?]+)$", r"/\1_stack", database_url)
    runner_args = [
        "--state-dir", str(state), "--https-port", str(https_port),
        "--http-port", str(http_port), "--redis-port", str(redis_port),
        "--app-ports", ",".join(map(str, app_ports)), "--database-url", stack_db,
    ]  # fmt: skip
    settings = [
        # A cheap proof of work for the test's own solver; low limits to reach them.
        "FEEDBACK_ALTCHA_ALGORITHM=SHA-256",
        "FEEDBACK_ALTCHA_COST=1",
        "FEEDBACK_CHALLENGE_RATE=12/h",
        "AXES_FAILURE_LIMIT=3",
        "LOG_REQUESTS=true",
        "PORTAL_PAGE_CACHE_SECONDS=600",
        # CI's disk is not a deployment's: /readyz must not wait for a gigabyte.
        "HEALTH_MIN_FREE_DISK_MB=10",
    ]
    output = (state / "runner.log").open("w")
    process = subprocess.Popen(
        [sys.executable, RUNNER, "up", *runner_args, *(f"--env={s}" for s in settings)],
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + READY_SECONDS
    log = state / "runner.log"
    while "prod-local ready" not in log.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("the stack did not start:\n" + log.read_text(errors="replace")[-4000:])
        time.sleep(1)
    yield Stack(state, https_port, app_ports, runner_args)
    process.terminate()
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
