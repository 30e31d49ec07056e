"""Citizen feedback intake per second, through the real form and Open311, beside a bare INSERT.

Why: after a broadcast or a news story many citizens write at once; every
acknowledged tracking code must be kept, and the server must keep up.

gunicorn on a dedicated PostgreSQL database (``BENCH_FEEDBACK_DATABASE_URL``)
and Redis (``BENCH_FEEDBACK_CACHE_URL``), the production task queue and proof
of work. Before the clock starts the client loads the form once and fetches and
solves one ALTCHA challenge per post, as a browser does while its reader types
(a one-digit key prefix, so thousands are solved in seconds; the server's check
of each is the production one). Then ``--runs`` rounds of ``--seconds`` per
route: the bare INSERT view, the form, Open311. Afterwards it checks that every
acknowledged code is stored exactly once (with its ``submitted`` event) and
nothing unacknowledged, and refuses to print figures otherwise.
bench/README.md says more.

    .venv/bin/python bench/bench_feedback.py [--runs 3] [--seconds 4] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_portal import HOST, percentile, start_server, stop_server, worker_cpu_seconds

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
DATABASE_URL = os.environ.get(
    "BENCH_FEEDBACK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/giamngheo_bench_feedback"
)
CACHE_URL = os.environ.get("BENCH_FEEDBACK_CACHE_URL", "redis://127.0.0.1:6379/14")
HMAC_KEY = "bench-feedback-altcha-key"
NO_LIMIT = "1000000/h"
TEXT = "Gia đình tôi thuộc diện hộ nghèo nhưng chưa nhận được tiền hỗ trợ tiền điện quý 3."
CODE_IN_LOCATION = re.compile(r"/phan-anh/tra-cuu/([0-9A-Z]+)/")
CODE_IN_JSON = re.compile(r'"service_request_id": ?"([0-9A-Z]+)"')


def environment() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), str(ROOT)]),
        "DATABASE_URL": DATABASE_URL,
        "CACHE_URL": CACHE_URL,
        "DEBUG": "false",
        "CONN_MAX_AGE": "60",
        "LOG_LEVEL": "ERROR",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "FEEDBACK_ALTCHA_HMAC_KEY": HMAC_KEY,
        "FEEDBACK_ALTCHA_KEY_PREFIX": "0",
        "FEEDBACK_SUBMIT_RATE": NO_LIMIT,
        "FEEDBACK_CHALLENGE_RATE": NO_LIMIT,
        "OPEN311_SUBMIT_RATE": NO_LIMIT,
        "OPEN311_KEY_RATE": NO_LIMIT,
        "PYTHONWARNINGS": "ignore:No directory at",
    }


# --- The data


def prepare() -> dict[str, str]:
    """The database ready to take feedback; returns what the client posts."""
    import psycopg

    name = urllib.parse.urlparse(DATABASE_URL).path.lstrip("/")
    admin_url = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            admin.execute(f'CREATE DATABASE "{name}"')
    env = environment()
    run = [str(BIN / "python"), "manage.py"]
    subprocess.run(
        [*run, "migrate", "--noinput"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )
    os.environ.update(env)
    sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]
    import django

    django.setup()
    from django.db import connection
    from portal_urls import FLOOR_TABLE

    from giamngheo.feedback.models import AnswerTemplate, FeedbackCategory
    from giamngheo.feedback.open311.models import ApiKey, new_raw_key
    from giamngheo.feedback.seed import seed_categories
    from giamngheo.feedback.selectors import communes_for_citizens

    if not communes_for_citizens().exists():
        subprocess.run(
            [*run, "import_units"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    if not FeedbackCategory.objects.exists():
        seed_categories(FeedbackCategory, AnswerTemplate)
    raw_key = new_raw_key()
    key = ApiKey(name="Bench")
    key.set_key(raw_key)
    key.save()
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {FLOOR_TABLE} (id bigserial PRIMARY KEY, "
            "code text NOT NULL UNIQUE, at timestamptz NOT NULL DEFAULT now())"
        )
    commune = communes_for_citizens().first()
    category = FeedbackCategory.objects.filter(is_active=True).first()
    connection.close()
    return {
        "api_key": raw_key,
        "commune_pk": str(commune.pk),
        "commune_code": commune.code,
        "category_pk": str(category.pk),
        "category_code": category.code,
    }


# --- The client


def request(port: int, method: str, path: str, body: str = "", headers=None):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(method, path, body=body.encode(), headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def solve(challenge_json: bytes) -> str:
    import base64
    import json

    import altcha

    challenge = json.loads(challenge_json)
    solution = altcha.solve_challenge(altcha.Challenge.from_dict(challenge))
    payload = {"challenge": challenge, "solution": solution.to_dict()}
    return base64.b64encode(json.dumps(payload).encode()).decode()


def form_session(port: int) -> tuple[str, str]:
    """The CSRF cookie and the form's token, as the browser has them after loading the form."""
    status, headers, body = request(port, "GET", "/phan-anh/")
    assert status == 200, status
    cookie = next(v.split(";")[0] for k, v in headers if k.lower() == "set-cookie" and "csrf" in v)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    return cookie, token


def solved_challenges(port: int, count: int) -> list[str]:
    fetched = [request(port, "GET", "/phan-anh/altcha/")[2] for _ in range(count)]
    with ProcessPoolExecutor(2) as pool:
        return list(pool.map(solve, fetched, chunksize=50))


@dataclass
class Sample:
    codes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0
    cpu: float | None = None

    @property
    def rate(self) -> float:
        return len(self.codes) / self.seconds


def form_post(port: int, data: dict[str, str], cookie: str, token: str, altcha: str):
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "category": data["category_pk"],
            "commune": data["commune_pk"],
            "text": TEXT,
            "address": "Thôn Hà Thanh",
            "name": "Trần Thị Bình",
            "phone": "0912 345 678",
            "email": "binh@example.vn",
            "consent": "on",
            "website": "",
            "altcha": altcha,
        }
    )
    status, headers, reply = request(
        port,
        "POST",
        "/phan-anh/",
        body,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "Referer": f"http://{HOST}:{port}/phan-anh/",
        },
    )
    location = dict((k.lower(), v) for k, v in headers).get("location", "")
    found = CODE_IN_LOCATION.search(location) if status == 302 else None
    return found.group(1) if found else f"{status} {reply[:200]!r}"


def open311_post(port: int, data: dict[str, str]):
    body = urllib.parse.urlencode(
        {
            "api_key": data["api_key"],
            "service_code": data["category_code"],
            "attribute[commune]": data["commune_code"],
            "attribute[consent]": "yes",
            "description": TEXT,
            "lat": "16.4637",
            "long": "107.5908",
            "email": "binh@example.vn",
            "phone": "0912 345 678",
        }
    )
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _, reply = request(port, "POST", "/open311/v2/requests.json", body, headers)
    found = CODE_IN_JSON.search(reply.decode()) if status == 200 else None
    return found.group(1) if found else f"{status} {reply[:200]!r}"


def insert_post(port: int):
    status, _, reply = request(port, "POST", "/bench/insert/")
    return reply.decode() if status == 201 else f"{status} {reply[:200]!r}"


def load(post, seconds: float, concurrency: int, master: int) -> Sample:
    """``post()`` returns a code (acknowledged) or an error text; as many as fit in ``seconds``."""
    stop = time.monotonic() + seconds
    lock = threading.Lock()
    total = Sample()

    def worker() -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                answer = post()
            except (OSError, IndexError) as error:  # IndexError: no challenge left
                answer = f"! {error!r}"
            elapsed = time.perf_counter() - started
            with lock:
                if answer.startswith(("!", "1", "2", "3", "4", "5")) and " " in answer:
                    total.errors.append(answer)
                    if answer.startswith("! IndexError"):
                        return
                else:
                    total.codes.append(answer)
                    total.latencies.append(elapsed)

    cpu_before = worker_cpu_seconds(master)
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for _ in range(concurrency):
            pool.submit(worker)
    total.seconds = time.perf_counter() - started
    cpu_after = worker_cpu_seconds(master)
    if cpu_before is not None and cpu_after is not None:
        total.cpu = cpu_after - cpu_before
    return total


# --- The checks and the report


def check(acknowledged: dict[str, list[str]], started_at) -> list[str]:
    """What went wrong: codes not stored once, cases stored but not acknowledged."""
    from django.db import connection
    from portal_urls import FLOOR_TABLE

    problems = []
    with connection.cursor() as cursor:
        for label, table, event_check in (
            ("form and Open311", "feedback_feedback", True),
            ("bare INSERT", FLOOR_TABLE, False),
        ):
            column = "tracking_code" if event_check else "code"
            codes = acknowledged[label]
            cursor.execute(
                f"SELECT {column}, count(*) FROM {table} WHERE {column} = ANY(%s) GROUP BY 1",
                [codes],
            )
            stored = dict(cursor.fetchall())
            missing = [c for c in codes if stored.get(c) != 1]
            if missing or len(set(codes)) != len(codes):
                problems.append(f"{label}: {len(missing)} acknowledged codes not stored once")
            time_column = "requested_at" if event_check else "at"
            cursor.execute(f"SELECT count(*) FROM {table} WHERE {time_column} >= %s", [started_at])
            if (extra := cursor.fetchone()[0] - len(codes)) != 0:
                problems.append(f"{label}: {extra} rows stored that were not acknowledged")
            if event_check:
                cursor.execute(
                    "SELECT count(*) FROM feedback_feedbackevent e JOIN feedback_feedback f "
                    "ON f.id = e.feedback_id WHERE e.kind = 'submitted' AND f.tracking_code "
                    "= ANY(%s)",
                    [codes],
                )
                if cursor.fetchone()[0] != len(codes):
                    problems.append(f"{label}: cases without exactly one 'submitted' event")
    return problems


def report(samples: dict[str, list[Sample]], args: argparse.Namespace) -> None:
    floor = statistics.median(s.rate for s in samples["bare INSERT view (floor)"])
    print(
        f"\n{time.strftime('%Y-%m-%d')}; PostgreSQL, Redis cache; gunicorn {args.workers} sync "
        f"workers; {args.concurrency} client threads on the same machine; {args.runs} runs of "
        f"{args.seconds:g} s per route; load average after the runs "
        f"{'/'.join(f'{n:.1f}' for n in os.getloadavg())} on {os.cpu_count()} CPUs.\n"
    )
    print(
        "| route | submissions/s median (min–max) | × bare INSERT | latency p50 / p99 ms "
        "| server CPU ms/submission | acknowledged | errors |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, runs in samples.items():
        rates = [s.rate for s in runs]
        latencies = [t for s in runs for t in s.latencies]
        codes = sum(len(s.codes) for s in runs)
        cpu = [s.cpu / len(s.codes) for s in runs if s.cpu is not None and s.codes]
        print(
            f"| {label} | {statistics.median(rates):,.0f} ({min(rates):,.0f}–{max(rates):,.0f}) "
            f"| {statistics.median(rates) / floor:.2f} "
            f"| {1000 * statistics.median(latencies):.0f} / "
            f"{1000 * percentile(latencies, 0.99):.0f} "
            f"| {1000 * statistics.median(cpu):.1f} | {codes:,} "
            f"| {sum(len(s.errors) for s in runs)} |"
        )
        print(
            f"RATIO feedback {label} / bare INSERT: {statistics.median(rates) / floor:.2f} "
            f"(goal: 200 submissions/s, p99 under 200 ms)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4.0, help="per route and run")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--max-rate", type=int, default=400, help="challenges solved per second")
    args = parser.parse_args()

    data = prepare()
    from django.utils import timezone

    server, port = start_server(environment(), args.workers)
    try:
        cookie, token = form_session(port)
        wanted = int(args.max_rate * args.seconds * args.runs) + 50
        began = time.perf_counter()
        challenges = solved_challenges(port, wanted)
        print(f"{wanted} challenges fetched and solved in {time.perf_counter() - began:.1f} s")
        for _ in range(20):  # warm-up: imports, connections
            form_post(port, data, cookie, token, challenges.pop())
            open311_post(port, data)
            insert_post(port)
        started_at = timezone.now()
        routes = {
            "bare INSERT view (floor)": lambda: insert_post(port),
            "feedback form (POST /phan-anh/)": lambda: form_post(
                port, data, cookie, token, challenges.pop()
            ),
            "Open311 (POST requests.json)": lambda: open311_post(port, data),
        }
        samples: dict[str, list[Sample]] = {label: [] for label in routes}
        for _ in range(args.runs):
            for label, post in routes.items():
                samples[label].append(load(post, args.seconds, args.concurrency, server.pid))
    finally:
        stop_server(server)
    for label, runs in samples.items():
        for error in [e for sample in runs for e in sample.errors][:3]:
            print(f"{label}: {error}", file=sys.stderr)
    floor = [c for s in samples["bare INSERT view (floor)"] for c in s.codes]
    cases = [
        c for label, runs in samples.items() if "floor" not in label for s in runs for c in s.codes
    ]
    acknowledged = {"form and Open311": cases, "bare INSERT": floor}
    problems = check(acknowledged, started_at)
    ran_dry = any(e.startswith("! IndexError") for s in samples[list(routes)[1]] for e in s.errors)
    if ran_dry:
        problems.append("the form ran out of solved challenges: raise --max-rate")
    if problems:
        raise SystemExit("Refusing to report unchecked figures:\n" + "\n".join(problems))
    print("Checked: every acknowledged code stored exactly once, nothing stored unacknowledged.")
    report(samples, args)


if __name__ == "__main__":
    main()
