"""Requests per second of the public portal, with and without the anonymous page cache.

Why: the portal must stay fast for many anonymous readers on old phones; the
page cache (giamngheo/portal/cache.py) is what makes it so, and this measures
by how much, against the floor of a Django view that answers "ok".

What it does:

1. Prepares a dedicated database (PostgreSQL ``giamngheo_bench_portal`` or
   SQLite ``var/bench_portal.sqlite3``, never the dev or test one): migrate,
   import_units, load_demo; then tops the news up to ``--articles`` articles
   if the demo has fewer (clearly labelled benchmark articles).
2. For each setting, uncached (PORTAL_PAGE_CACHE_SECONDS=0) then cached
   (600), starts a real server: gunicorn with ``--workers`` sync workers on
   127.0.0.1, the development settings with DEBUG off, Redis as the cache
   (``--cache``), persistent database connections (CONN_MAX_AGE=60).
3. Loads each address with ``--concurrency`` threads of plain http.client
   (one connection a request, as gunicorn's sync workers close them), for
   ``--seconds`` after a warm-up, ``--runs`` rounds taking the addresses in
   turn; reports the median requests per second (min–max), the ratio to the
   "ok" view measured in the same rounds, the gunicorn workers' CPU time per
   request (from /proc: steadier than requests per second on a shared
   machine), median and 95th-percentile latency, and the share of answers
   that came from the cache.

    .venv/bin/python bench/bench_portal.py [--db postgres|sqlite] [--runs 5] [--seconds 4]

The client runs on the same machine as the server and takes CPU from it:
compare ratios, not absolute figures, across machines.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import http.client
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
SQLITE_PATH = ROOT / "var" / "bench_portal.sqlite3"
# From the environment, so that two benches (or two people) never share a database or a cache.
DATABASES = {
    "postgres": os.environ.get(
        "BENCH_PORTAL_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/giamngheo_bench_portal"
    ),
    "sqlite": f"sqlite:///{SQLITE_PATH}",
}
CACHES = {
    "redis": os.environ.get("BENCH_PORTAL_CACHE_URL", "redis://127.0.0.1:6379/7"),
    "locmem": "locmemcache://",
}
SAME_SIZE = " — bare view, same size"
HOST = "127.0.0.1"
STATUS_HEADER = "X-Page-Cache"
BENCH_TITLE = "Bài đo tải số {n}: giảm nghèo bền vững ở cơ sở"


def environment(db: str, cache_url: str, page_cache_seconds: int) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), str(ROOT)]),
        "DATABASE_URL": DATABASES[db],
        "CACHE_URL": cache_url,
        "DEBUG": "false",
        "CONN_MAX_AGE": "60",
        "PORTAL_PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "LOG_LEVEL": "ERROR",
        # WhiteNoise looks for collected static files; pages do not need them here.
        "PYTHONWARNINGS": "ignore:No directory at",
    }
    return env


# --- The data


def create_postgres_database() -> None:
    import psycopg

    admin_url = DATABASES["postgres"].rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        name = DATABASES["postgres"].rsplit("/", 1)[1]
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')


def prepare(db: str, cache_url: str, articles: int) -> dict[str, str]:
    """The demo site in the bench database; returns the addresses to measure."""
    if db == "postgres":
        create_postgres_database()
    env = environment(db, cache_url, 0)
    for command in (["migrate", "--noinput"], ["import_units"], ["load_demo"]):
        subprocess.run(
            [str(BIN / "python"), "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    os.environ.update(env)
    sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection

    top_up_articles(articles)
    urls = addresses()
    connection.close()
    cache.clear()
    return urls


def top_up_articles(wanted: int) -> None:
    """Benchmark articles until the news has ``wanted``, each a few paragraphs long."""
    from giamngheo.portal.models import ArticlePage, NewsIndexPage

    news = NewsIndexPage.objects.get()
    have = ArticlePage.objects.live().count()
    paragraph = (
        "<p>Bài viết do công cụ đo tải tạo ra, không phải tin thật. Chương trình truyền "
        "thông về giảm nghèo bền vững giúp người dân hiểu chính sách hỗ trợ hộ nghèo, hộ "
        "cận nghèo: vay vốn ưu đãi, đào tạo nghề, hỗ trợ nhà ở và sinh kế.</p>"
    )
    for n in range(have + 1, wanted + 1):
        article = news.add_child(
            instance=ArticlePage(
                title=BENCH_TITLE.format(n=n),
                slug=f"bai-do-tai-{n}",
                date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
                author="Công cụ đo tải",
                lead="Bài viết mẫu để đo tốc độ của cổng thông tin.",
                body=paragraph * 6,
                live=False,
            )
        )
        article.save_revision().publish()


def addresses() -> dict[str, str]:
    from giamngheo.portal.models import ArticlePage, PolicyLibraryPage

    article = ArticlePage.objects.live().order_by("-date", "-pk").first()
    library = PolicyLibraryPage.objects.get()
    urls = {
        "ok view (floor)": "/bench/ok/",
        "home page": "/",
        "news article": article.url,
        "policy library ?q=giam+ngheo": f"{library.url}?q=giam+ngheo",
    }
    from django.urls import NoReverseMatch, reverse

    # Without a site search the policy library's filter stands for it.
    with contextlib.suppress(NoReverseMatch):
        urls["site search /tim-kiem/?q=giam+ngheo"] = reverse("portal:search") + "?q=giam+ngheo"
    return urls


# --- The server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(env: dict[str, str], workers: int) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "giamngheo.wsgi:application",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get(port, "/bench/ok/")[0] == 200:
                return server, port
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not answer within 60 s")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


# --- The client


def get(port: int, path: str) -> tuple[int, str | None, int]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers={"Connection": "close"})
        response = connection.getresponse()
        body = response.read()
        return response.status, response.getheader(STATUS_HEADER), len(body)
    finally:
        connection.close()


@dataclass
class Sample:
    requests: int = 0
    errors: int = 0
    hits: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    size: int = 0
    cpu: float | None = None  # seconds of CPU the server's workers used

    @property
    def cpu_per_request(self) -> float | None:
        return None if self.cpu is None or not self.requests else self.cpu / self.requests

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


def worker_cpu_seconds(master: int) -> float | None:
    """CPU time (user + system) used so far by the gunicorn master's workers (Linux).

    Unlike requests per second, CPU time per request hardly depends on what
    else the machine runs, so it compares sessions on a shared machine.
    """
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    ticks = 0
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process has gone
        if int(fields[1]) == master:  # ppid
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def load(port: int, path: str, seconds: float, concurrency: int, master: int = 0) -> Sample:
    """As many GETs of ``path`` as ``concurrency`` threads make in ``seconds``."""
    stop = time.monotonic() + seconds

    def worker() -> Sample:
        sample = Sample()
        while time.monotonic() < stop:
            started = time.perf_counter()
            status, cache_status, size = get(port, path)
            sample.latencies.append(time.perf_counter() - started)
            if status == 200:
                sample.requests += 1
                sample.size = size
            else:
                sample.errors += 1
            sample.hits += cache_status == "hit"
        return sample

    cpu_before = worker_cpu_seconds(master) if master else None
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        parts = list(pool.map(lambda _: worker(), range(concurrency)))
    total = Sample(seconds=time.perf_counter() - started)
    cpu_after = worker_cpu_seconds(master) if master else None
    if cpu_before is not None and cpu_after is not None:
        total.cpu = cpu_after - cpu_before
    for part in parts:
        total.requests += part.requests
        total.errors += part.errors
        total.hits += part.hits
        total.latencies += part.latencies
        total.size = max(total.size, part.size)
    return total


def measure(
    env: dict[str, str], urls: dict[str, str], args: argparse.Namespace
) -> dict[str, list[Sample]]:
    server, port = start_server(env, args.workers)
    try:
        for path in urls.values():  # warm-up: imports, connections, and the cache filled
            load(port, path, 1.0, args.concurrency)
        # Beside each page, a bare view that answers as many bytes: the floor it is held to.
        urls = dict(urls)
        for label, path in list(urls.items()):
            if not path.startswith("/bench/"):
                urls[label + SAME_SIZE] = f"/bench/page/?size={get(port, path)[2]}"
        samples: dict[str, list[Sample]] = {label: [] for label in urls}
        for _ in range(args.runs):
            for label, path in urls.items():
                samples[label].append(load(port, path, args.seconds, args.concurrency, server.pid))
        return samples
    finally:
        stop_server(server)


# --- The report


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def describe(db: str, cache: str) -> str:
    from django.db import connection

    from giamngheo.portal.models import ArticlePage

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT version()"
            if connection.vendor == "postgresql"
            else "SELECT 'SQLite ' || sqlite_version()"
        )
        version = cursor.fetchone()[0].split(" on ")[0]
    import django
    import wagtail

    articles = ArticlePage.objects.live().count()
    connection.close()
    return (
        f"{version}; cache {cache}; {articles} live articles; Python "
        f"{platform.python_version()}, Django {django.get_version()}, Wagtail "
        f"{wagtail.__version__}"
    )


def cpu_median(runs: list[Sample]) -> float | None:
    values = [s.cpu_per_request for s in runs if s.cpu_per_request is not None]
    return statistics.median(values) if values else None


def report(results: dict[str, dict[str, list[Sample]]], args: argparse.Namespace) -> None:
    floor = {
        setting: statistics.median(s.rps for s in samples["ok view (floor)"])
        for setting, samples in results.items()
    }
    cpu_floor = {
        setting: cpu_median(samples["ok view (floor)"]) for setting, samples in results.items()
    }
    print(
        f"\n{datetime.date.today()}; {describe(args.db, args.cache)}; gunicorn "
        f"{args.workers} sync workers; {args.concurrency} client threads; {args.runs} runs "
        f"of {args.seconds:g} s per address; load average after the runs "
        f"{'/'.join(f'{n:.1f}' for n in os.getloadavg())} on {os.cpu_count()} CPUs.\n"
    )
    print(
        "| address | setting | req/s median (min–max) | × ok view | × bare view same size "
        "| server CPU ms/req | × ok view CPU | latency p50 / p95 ms | from cache | KiB |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    labels = [label for label in next(iter(results.values())) if not label.endswith(SAME_SIZE)]
    for label in labels:
        for setting, samples in results.items():
            runs = samples[label]
            rps = [s.rps for s in runs]
            bare = samples.get(label + SAME_SIZE)
            same_size = (
                f"{statistics.median(rps) / statistics.median(s.rps for s in bare):.2f}"
                if bare
                else "–"
            )
            latencies = [t for s in runs for t in s.latencies]
            requests = sum(s.requests for s in runs)
            errors = sum(s.errors for s in runs)
            hits = sum(s.hits for s in runs)
            share = f"{100 * hits / requests:.0f} %" if requests else "–"
            error_note = f" ({errors} errors)" if errors else ""
            cpu = cpu_median(runs)
            cpu_ratio = cpu / cpu_floor[setting] if cpu and cpu_floor[setting] else None
            print(
                f"| {label} | {setting} | {statistics.median(rps):,.0f} "
                f"({min(rps):,.0f}–{max(rps):,.0f}){error_note} "
                f"| {statistics.median(rps) / floor[setting]:.2f} | {same_size} "
                f"| {'–' if cpu is None else f'{1000 * cpu:.2f}'} "
                f"| {'–' if cpu_ratio is None else f'{cpu_ratio:.1f}'} "
                f"| {1000 * statistics.median(latencies):.1f} / "
                f"{1000 * percentile(latencies, 0.95):.1f} | {share} "
                f"| {runs[0].size / 1024:.1f} |"
            )
            print(
                f"RATIO portal {label} {setting} / bare view of the same size: "
                f"{statistics.median(rps) / floor[setting]:.2f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=sorted(DATABASES), default="postgres")
    parser.add_argument("--cache", choices=sorted(CACHES), default="redis")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=4.0, help="per address and run")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--articles", type=int, default=30, help="at least this many articles")
    args = parser.parse_args()

    cache_url = CACHES[args.cache]
    urls = prepare(args.db, cache_url, args.articles)
    print("Addresses: " + ", ".join(f"{label} `{path}`" for label, path in urls.items()))
    results = {
        "uncached": measure(environment(args.db, cache_url, 0), urls, args),
        "cached": measure(environment(args.db, cache_url, 600), urls, args),
    }
    report(results, args)


if __name__ == "__main__":
    main()
