"""Run the reference deployment of deploy/ on one machine, for a trial and for the tests.

systemd is not PID 1 in containers and sandboxes, so this starts what
``deploy/systemd/giamngheo.target`` wants by reading the unit files themselves
(``EnvironmentFile=``, ``Environment=``, ``WorkingDirectory=``, ``ExecStart=``
with ``%i`` and ``${VAR}``) and the nginx site of ``deploy/nginx/``, with the
production paths, ports and host name replaced (``REPLACEMENTS`` below, listed
in docs/operations.md). Timers fire at their ``OnCalendar=`` times, computed by
``systemd-analyze calendar``. Beside them: its own Redis, PostgreSQL (started if
down), a self-signed certificate.

    python scripts/prod_local.py up [--demo] [--fresh]   # `make prod-local`
    python scripts/prod_local.py run giamngheo-job@publish_scheduled.service
    python scripts/prod_local.py manage -- shell -c "…"  # manage.py with the stack's env
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import secrets
import shlex
import shutil
import signal
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from unit_files import expand, next_elapse, parse_env_file, parse_unit, values

ROOT = Path(__file__).resolve().parent.parent
UNITS = ROOT / "deploy" / "systemd"
SITE = ROOT / "deploy" / "nginx" / "giamngheo.conf"
ENV_TEMPLATE = ROOT / "deploy" / "giamngheo.env.example"
NGINX_MODULES = Path("/usr/lib/nginx/modules")
BROTLI_MODULES = ("ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so")


class Stack:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.state = Path(args.state_dir).resolve()
        self.logs = self.state / "logs"
        self.env_file = self.state / "giamngheo.env"
        self.app_ports = [int(port) for port in args.app_ports.split(",")]
        self.children: list[subprocess.Popen] = []

    # --- Paths and ports: production's → this machine's.
    def replacements(self) -> list[tuple[str, str]]:
        """Ordered (production text, trial text) pairs, applied to units and the site."""
        pairs = [
            ("/etc/giamngheo/giamngheo.env", str(self.env_file)),
            ("/srv/giamngheo/var/maintenance.on", str(self.state / "maintenance.on")),
            ("/srv/giamngheo/var/media/", f"{self.state}/media/"),
            ("/srv/giamngheo", str(ROOT)),
        ]
        pairs += [(f"127.0.0.1:{8001 + n}", f"127.0.0.1:{p}") for n, p in enumerate(self.app_ports)]
        return pairs

    def site_replacements(self) -> list[tuple[str, str]]:
        https, http = self.args.https_port, self.args.http_port
        brotli = all((NGINX_MODULES / name).exists() for name in BROTLI_MODULES)
        snippets = ROOT / "deploy" / "nginx" if brotli else self.state / "no-brotli"
        return [
            ("listen 443 ssl http2;", f"listen 127.0.0.1:{https} ssl http2;"),
            ("listen 80;", f"listen 127.0.0.1:{http};"),
            ("server_name giamngheo.example.gov.vn;", "server_name localhost;"),
            ("https://$host$request_uri", f"https://$host:{https}$request_uri"),
            ("/etc/ssl/giamngheo/fullchain.pem", str(self.state / "tls" / "cert.pem")),
            ("/etc/ssl/giamngheo/privkey.pem", str(self.state / "tls" / "key.pem")),
            ("/etc/nginx/snippets/giamngheo-brotli", f"{snippets}/giamngheo-brotli"),
            ("/var/www/html", str(self.state / "acme")),
            *self.replacements()[1:],  # all but the environment file
        ]

    @staticmethod
    def apply(text: str, pairs: list[tuple[str, str]], strict: bool) -> str:
        for old, new in pairs:
            if strict and old not in text:
                raise SystemExit(f"prod-local: {old!r} not found: deploy/ changed, update me")
            text = text.replace(old, new)
        return text

    def unit(self, name: str) -> dict:
        """A unit (``giamngheo-web@8001.service``) read from deploy/systemd, instance expanded."""
        template = re.sub(r"@[^.]+\.", "@.", name)
        instance = name.split("@", 1)[1].rsplit(".", 1)[0] if "@" in name else ""
        path = UNITS / (template if "@" in name else name)
        text = self.apply(path.read_text(), self.replacements(), strict=False)
        text = text.replace("%i", instance).replace("%I", instance).replace("%n", name)
        return parse_unit(text)

    def environment(self, unit: dict) -> dict[str, str]:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
        env["HOME"] = os.environ.get("HOME", "/root")
        for path in values(unit, "Service", "EnvironmentFile"):
            env |= parse_env_file(Path(path.lstrip("-")).read_text())
        for assignment in values(unit, "Service", "Environment"):
            for word in shlex.split(assignment):
                key, _, value = word.partition("=")
                env[key] = value
        return env

    def command(self, unit: dict, env: dict[str, str]) -> list[str]:
        (exec_start,) = values(unit, "Service", "ExecStart")
        return [
            part for word in shlex.split(exec_start.lstrip("-@+!")) for part in expand(word, env)
        ]

    def spawn(self, name: str, wait: bool = False) -> subprocess.Popen:
        unit = self.unit(name)
        env = self.environment(unit)
        cwd = (values(unit, "Service", "WorkingDirectory") or [str(ROOT)])[0]
        log = (self.logs / f"{name}.log").open("ab")
        process = subprocess.Popen(
            self.command(unit, env), cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        if wait:
            process.wait()
        else:
            self.children.append(process)
        return process

    def manage(self, *arguments: str, check: bool = True) -> subprocess.CompletedProcess:
        """manage.py as the job units run it: their python, directory and environment."""
        unit = self.unit("giamngheo-job@x.service")
        env = self.environment(unit)
        python = self.command(unit, env)[0]
        return subprocess.run([python, "manage.py", *arguments], cwd=ROOT, env=env, check=check)

    def python(self, code: str) -> None:
        unit = self.unit("giamngheo-job@x.service")
        env = self.environment(unit)
        python = self.command(unit, env)[0]
        subprocess.run([python, "-c", code], cwd=ROOT, env=env, check=True)

    # --- What systemd and the distribution would provide.
    def write_env_file(self) -> None:
        env = parse_env_file(ENV_TEMPLATE.read_text())
        env |= {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "CSRF_TRUSTED_ORIGINS": f"https://localhost:{self.args.https_port}",
            "PUBLIC_BASE_URL": f"https://localhost:{self.args.https_port}",
            "BACKUP_DIR": str(self.state / "backups"),
            "DATABASE_URL": self.args.database_url,
            "CACHE_URL": f"redis://127.0.0.1:{self.args.redis_port}/1",
            "EMAIL_URL": "consolemail://",
            "MEDIA_ROOT": str(self.state / "media"),
            "FEEDBACK_FILES_ROOT": str(self.state / "private" / "feedback"),
            "REPORTS_FILES_ROOT": str(self.state / "private" / "reports"),
            "GUNICORN_WORKERS": "2",
        }
        env |= dict(item.split("=", 1) for item in self.args.env)
        self.env_file.write_text("".join(f"{key}={value}\n" for key, value in env.items()))

    def certificate(self) -> None:
        tls = self.state / "tls"
        tls.mkdir(exist_ok=True)
        if (tls / "cert.pem").exists():
            return
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
             "-keyout", tls / "key.pem", "-out", tls / "cert.pem", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
            check=True, capture_output=True,
        )  # fmt: skip

    def start_redis(self) -> None:
        self.children.append(
            subprocess.Popen(
                [
                    "redis-server",
                    "--port",
                    str(self.args.redis_port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    str(self.state),
                    "--maxmemory",
                    "256mb",
                    "--maxmemory-policy",
                    "allkeys-lru",
                ],
                stdout=(self.logs / "redis.log").open("ab"),
                stderr=subprocess.STDOUT,
            )
        )

    def database(self) -> None:
        if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode != 0:
            version = sorted(os.listdir("/etc/postgresql"))[-1]
            subprocess.run(
                ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=True
            )
            for _ in range(30):
                if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0:
                    break
                time.sleep(1)
        url = self.args.database_url
        name = url.rsplit("/", 1)[1]
        server = url.rsplit("/", 1)[0] + "/postgres"
        if self.args.fresh:
            subprocess.run(["psql", server, "-qc", f'DROP DATABASE IF EXISTS "{name}"'], check=True)
        exists = subprocess.run(
            ["psql", server, "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{name}'"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
        if not exists:
            subprocess.run(["psql", server, "-qc", f'CREATE DATABASE "{name}"'], check=True)

    def start_nginx(self) -> None:
        conf = self.state / "nginx"
        for folder in ("tmp", "acme", "no-brotli"):
            (self.state / folder).mkdir(exist_ok=True)
        conf.mkdir(exist_ok=True)
        (conf / "giamngheo.conf").write_text(
            self.apply(SITE.read_text(), self.site_replacements(), strict=True)
        )
        modules = "".join(
            f"load_module {NGINX_MODULES / name};\n"
            for name in BROTLI_MODULES
            if (NGINX_MODULES / name).exists()
        )
        temp = self.state / "tmp"
        (conf / "nginx.conf").write_text(
            f"{modules}{'user root;' if os.geteuid() == 0 else ''}\n"
            f"worker_processes 1;\npid {conf}/nginx.pid;\n"
            f"error_log {self.logs}/nginx-error.log warn;\n"
            "events { worker_connections 512; }\nhttp {\n"
            "  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
            "  sendfile on;\n  server_tokens off;\n"
            f"  access_log {self.logs}/nginx-access.log;\n"
            + "".join(f"  {kind}_temp_path {temp}/{kind};\n"
                      for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
            + f"  include {conf}/giamngheo.conf;\n}}\n"
        )  # fmt: skip
        nginx = ["nginx", "-p", str(conf), "-c", str(conf / "nginx.conf")]
        subprocess.run([*nginx, "-t", "-q"], check=True)
        self.children.append(
            subprocess.Popen(
                [*nginx, "-g", "daemon off;"],
                stdout=(self.logs / "nginx.log").open("ab"),
                stderr=subprocess.STDOUT,
            )
        )

    # --- The target's units, and the timers' clock.
    def wanted(self) -> list[str]:
        target = parse_unit((UNITS / "giamngheo.target").read_text())
        names = [name for line in values(target, "Unit", "Wants") for name in line.split()]
        ports = {str(8001 + n): str(port) for n, port in enumerate(self.app_ports)}
        return [re.sub(r"@(\d+)\.", lambda m: f"@{ports.get(m[1], m[1])}.", n) for n in names]

    def wait_ready(self) -> None:
        url = f"https://localhost:{self.args.https_port}/readyz"
        context = ssl.create_default_context(cafile=self.state / "tls" / "cert.pem")
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, context=context, timeout=30) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            if any(child.poll() is not None for child in self.children):
                raise SystemExit(f"prod-local: a process stopped; see {self.logs}")
            time.sleep(0.5)
        raise SystemExit(f"prod-local: {url} not ready after 300 s; see {self.logs}")

    def up(self) -> None:
        for folder in (self.state, self.logs, self.state / "media"):
            folder.mkdir(parents=True, exist_ok=True)
        self.write_env_file()
        self.certificate()
        self.database()
        self.start_redis()
        # What docs/operations.md's first deployment runs, with the same environment, in
        # one process (each start of Django costs seconds).
        commands = [
            ("migrate", "--noinput", "--verbosity", "0"),
            ("import_units",),
            ("setup_portal", "--hostname", "localhost", "--port", str(self.args.https_port)),
            ("collectstatic", "--noinput", "--verbosity", "0"),
        ] + ([("load_demo",)] if self.args.demo else [])
        self.python(
            "import django; django.setup(); from django.core.management import call_command\n"
            + "".join(f"call_command(*{command!r})\n" for command in commands)
        )
        timers = {}
        for name in self.wanted():
            if name.endswith(".timer"):
                timer = parse_unit((UNITS / name).read_text())
                (calendar,) = values(timer, "Timer", "OnCalendar")
                (service,) = values(timer, "Timer", "Unit")
                timers[name] = [calendar, service, next_elapse(calendar), None]
            else:
                self.spawn(name)
        self.start_nginx()
        self.wait_ready()
        print(f"prod-local ready: https://localhost:{self.args.https_port}/ (logs in {self.logs})")
        sys.stdout.flush()
        while True:
            now = datetime.datetime.now(datetime.UTC)
            for timer in timers.values():
                calendar, service, due, running = timer
                if now >= due and (running is None or running.poll() is not None):
                    timer[3] = self.spawn(service)
                    self.children.remove(timer[3])
                    timer[2] = next_elapse(calendar)
            for child in self.children:
                if child.poll() is not None:
                    raise SystemExit(f"prod-local: {child.args[0]} stopped; see {self.logs}")
            time.sleep(0.5)

    def stop(self) -> None:
        for child in reversed(self.children):
            if child.poll() is None:
                child.terminate()
        for child in self.children:
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["up", "run", "manage"])
    parser.add_argument("unit", nargs="*", help="run: a unit name; manage: its arguments")
    parser.add_argument("--state-dir", default=str(ROOT / "var" / "prod-local"))
    parser.add_argument("--https-port", type=int, default=8443)
    parser.add_argument("--http-port", type=int, default=8080)
    parser.add_argument("--app-ports", default="8001,8002")
    parser.add_argument("--redis-port", type=int, default=6390)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("PROD_LOCAL_DATABASE_URL")
        or "postgres://postgres@127.0.0.1:5432/giamngheo_prod_local",
    )
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for the env file")
    parser.add_argument("--demo", action="store_true", help="load the demo data set")
    parser.add_argument("--fresh", action="store_true", help="drop the database first")
    argv = sys.argv[1:]
    # manage: everything after "--" is manage.py's (argparse would take its options).
    extra = argv[argv.index("--") + 1 :] if "--" in argv else []
    args = parser.parse_intermixed_args(argv[: argv.index("--")] if "--" in argv else argv)
    args.unit += extra
    stack = Stack(args)
    if args.action in {"run", "manage"} and not stack.env_file.exists():
        raise SystemExit(f"prod-local: no stack in {stack.state}; start one with `up` first")
    if args.action == "run":
        (name,) = args.unit
        stack.logs.mkdir(parents=True, exist_ok=True)
        sys.exit(stack.spawn(name, wait=True).returncode)
    if args.action == "manage":
        sys.exit(stack.manage(*args.unit, check=False).returncode)
    if shutil.which("nginx") is None:
        raise SystemExit("prod-local: nginx is missing (apt-get install nginx)")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        stack.up()
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
