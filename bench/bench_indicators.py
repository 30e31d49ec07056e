"""Time the national radio-compliance indicator on the benchmark databases.

Why: the dashboard's radio indicator must stay fast for the whole country
(goal: the national computation under 2 s on PostgreSQL on a 2-core machine).
Speed goals are measured here, never in timed unit tests.

It calls the selector directly, so the indicators cache cannot hide the work:
``radio_compliance`` over every commune for each year 2021–2025 (and their
sum, what a dashboard's five-year trend costs), then the uncached indicator
rule for the largest province (a province's dashboard).  Timed in-process
with ``time.perf_counter``; run 1 is the first call of a fresh process and
connection ("cold"; the operating system's and PostgreSQL's caches are not
emptied), the other runs are warm.  It refuses a database that lacks some of
the app's migrations (``generate.py`` applies them): its figures would be for
another schema.

    .venv/bin/python bench/bench_indicators.py [--db postgres sqlite] [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import benchdb

YEARS = range(2021, 2026)


def timed(call: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def one_run(province: str) -> tuple[dict[str, float], dict[str, float | None]]:
    """Every measured call once; returns seconds and indicator values by label."""
    from giamngheo.broadcasts.selectors import radio_compliance
    from giamngheo.indicators.models import Target
    from giamngheo.indicators.rules import Scope
    from giamngheo.indicators.rules import radio_compliance as rule
    from giamngheo.units.models import Unit, UnitLevel

    seconds: dict[str, float] = {}
    values: dict[str, float | None] = {}
    for year in YEARS:
        label = f"national {year}"
        seconds[label], values[label] = timed(
            lambda year=year: (
                radio_compliance(
                    year=year,
                    min_per_week=1,
                    communes=Unit.objects.filter(level=UnitLevel.COMMUNE),
                    start=datetime.date(year, 1, 1),
                    end=datetime.date(year, 12, 31),
                ).share
            )
        )
    seconds["national 2021–2025 (sum of 5)"] = sum(seconds[f"national {y}"] for y in YEARS)
    target = Target.objects.get(indicator__code="phat-thanh-xa", year=None)
    for year in YEARS:
        label = f"province {province} {year}"
        seconds[label], values[label] = timed(
            lambda year=year: rule(target, year, Scope(province_code=province)).value
        )
    seconds[f"province {province} 2021–2025 (sum of 5)"] = sum(
        seconds[f"province {province} {y}"] for y in YEARS
    )
    return seconds, values


def describe() -> str:
    from django.db import connection
    from django.db.models import Count

    from giamngheo.broadcasts.models import Broadcast
    from giamngheo.units.models import Unit

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT version()"
            if connection.vendor == "postgresql"
            else "SELECT 'SQLite ' || sqlite_version()"
        )
        version = cursor.fetchone()[0].split(" on ")[0]
    levels = dict(Unit.objects.values_list("level").annotate(n=Count("pk")).order_by())
    return (
        f"{version}; {levels.get('commune', 0):,} communes in {levels.get('province', 0)} "
        f"provinces, {Broadcast.objects.count():,} broadcasts; Python {platform.python_version()}"
    )


def bench(db: str, runs: int) -> None:
    benchdb.setup(db)
    if pending := benchdb.pending_migrations():
        sys.exit(f"{db}: migrations not applied: {', '.join(pending)}; run bench/generate.py")
    from django.db import connection
    from django.db.models import Count

    from giamngheo.units.models import Unit

    # The largest province: the heaviest province dashboard.
    province, size = (
        Unit.objects.filter(level="commune")
        .values_list("province_code")
        .annotate(n=Count("pk"))
        .order_by("-n", "province_code")
        .first()
    )
    connection.close()  # run 1 opens a fresh connection: "cold"
    results = [one_run(province) for _ in range(runs)]
    print(f"\n### {db}\n\n{describe()}; province {province} has {size} communes.")
    load = "/".join(f"{n:.1f}" for n in os.getloadavg())
    print(
        f"{datetime.date.today()}, {runs} runs, seconds (in-process `time.perf_counter`); "
        f"load average after the runs {load} on {os.cpu_count()} CPUs.\n"
    )
    print("| call | value % | cold (run 1) | warm min | warm median | warm max |")
    print("|---|---:|---:|---:|---:|---:|")
    for label in results[0][0]:
        warm = [seconds[label] for seconds, _ in results[1:]] or [results[0][0][label]]
        value = results[0][1].get(label)
        print(
            f"| {label} | {'' if value is None else f'{value:.1f}'} | {results[0][0][label]:.3f} "
            f"| {min(warm):.3f} | {statistics.median(warm):.3f} | {max(warm):.3f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", nargs="+", choices=sorted(benchdb.URLS), default=["postgres", "sqlite"]
    )
    parser.add_argument("--runs", type=int, default=7, help="run 1 cold, the others warm")
    args = parser.parse_args()
    if len(args.db) > 1:  # Django is set up once per process: one process per database
        for db in args.db:
            cmd = [sys.executable, __file__, "--db", db, "--runs", str(args.runs)]
            subprocess.run(cmd, check=True)
    else:
        bench(args.db[0], args.runs)


if __name__ == "__main__":
    main()
