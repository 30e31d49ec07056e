"""Time the national radio-compliance indicator beside DuckDB over the same rows.

Why: the dashboard's radio indicator must stay fast for the whole country:
the national five-year figure within 3× what DuckDB takes over the same rows,
cold and warm, and a province's dashboard no slower than counting its
programmes directly (the code before the weekly rollup).  Speed goals are
measured here, never in timed unit tests.

It calls the selector directly, so the indicators cache cannot hide the work:
``radio_compliance`` over every commune for each year 2021–2025 (their sum is
what a dashboard's five-year trend costs), the same counted from the log
itself (``compliant_per_week_from_log``, the code before the rollup), the
uncached indicator rule for the largest province both ways, and DuckDB (in
memory, loaded with the same programmes and units before timing) running the
same count in one query for the five years.  Timed in-process with
``time.perf_counter``; run 1 is the first call of a fresh process and
connection ("cold"; the caches of the system and of PostgreSQL are not
emptied), the others are warm.  Every run's weekly counts are checked against
the log's and DuckDB's: a mismatch, or a database lacking some of the app's
migrations, and nothing is reported.

    .venv/bin/python bench/bench_indicators.py [--db postgres sqlite] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import benchdb

YEARS = range(2021, 2026)
GOAL_RATIO = 3.0  # the app's five-year national figure, at most 3× DuckDB's


def timed(call: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def compliance(year: int, communes, *, from_log: bool = False):
    """``selectors.radio_compliance``; ``from_log``: the same counted from the programmes."""
    from giamngheo.broadcasts import selectors

    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if not from_log:
        return selectors.radio_compliance(
            year=year, min_per_week=1, communes=communes, start=start, end=end
        )
    weeks = selectors.weeks_to_count(year, start=start, end=end)
    totals = selectors.communes_per_week(communes=communes, weeks=weeks)
    compliant = selectors.compliant_per_week_from_log(
        communes=communes, weeks=weeks, min_per_week=1
    )
    return selectors.RadioCompliance(
        year=year,
        min_per_week=1,
        weeks=[selectors.WeekFigure(w, totals[w], compliant[w]) for w in weeks],
    )


def weekly(result) -> dict[datetime.date, tuple[int, int]]:
    return {w.week_start: (w.communes, w.compliant) for w in result.weeks}


class DuckDB:
    """The same programmes and units in DuckDB (in memory), and the same count."""

    QUERY = """
        SELECT per.week_start, COUNT(*) FROM (
            SELECT week_start, commune_id FROM b WHERE week_start BETWEEN ? AND ?
            GROUP BY week_start, commune_id HAVING COUNT(*) >= 1
        ) AS per JOIN u ON u.id = per.commune_id
        WHERE u.level = 'commune' AND u.valid_from <= per.week_start
          AND (u.valid_to IS NULL OR u.valid_to >= per.week_start)
        GROUP BY per.week_start
    """

    def __init__(self) -> None:
        import duckdb
        from django.db import connection

        from giamngheo.broadcasts.models import Broadcast
        from giamngheo.units.models import Unit

        self.db = duckdb.connect()
        with tempfile.TemporaryDirectory() as folder:
            for name, queryset in (
                ("b", Broadcast.objects.values_list("commune_id", "week_start")),
                ("u", Unit.objects.values_list("id", "level", "valid_from", "valid_to")),
            ):
                path = Path(folder) / f"{name}.csv"
                sql, params = queryset.query.sql_with_params()
                with connection.cursor() as cursor, path.open("w") as out:
                    cursor.execute(sql, params)
                    while rows := cursor.fetchmany(100_000):
                        out.writelines(
                            ",".join("" if v is None else str(v) for v in row) + "\n"
                            for row in rows
                        )
                columns = (
                    "{'commune_id': 'BIGINT', 'week_start': 'DATE'}"
                    if name == "b"
                    else "{'id': 'BIGINT', 'level': 'VARCHAR', 'valid_from': 'DATE', "
                    "'valid_to': 'DATE'}"
                )
                self.db.execute(
                    f"CREATE TABLE {name} AS SELECT * FROM "
                    f"read_csv('{path}', header = false, columns = {columns})"
                )

    def compliant(self, first: datetime.date, last: datetime.date) -> dict:
        return dict(self.db.execute(self.QUERY, [first, last]).fetchall())


def one_run(province: str, target, *, from_log: bool) -> tuple[dict[str, float], dict]:
    """Every measured call once; returns seconds by label and the weekly figures."""
    from giamngheo.indicators.rules import Scope
    from giamngheo.indicators.rules import radio_compliance as rule
    from giamngheo.units.models import Unit, UnitLevel

    way = "log" if from_log else "app"
    seconds: dict[str, float] = {}
    figures: dict = {}
    for year in YEARS:
        communes = Unit.objects.filter(level=UnitLevel.COMMUNE)
        seconds[f"national {year}"], result = timed(
            lambda year=year, communes=communes: compliance(year, communes, from_log=from_log)
        )
        figures[("national", year)] = weekly(result)
    seconds["national 2021–2025"] = sum(seconds[f"national {y}"] for y in YEARS)
    for year in YEARS:
        if from_log:
            communes = Scope(province_code=province).units_of_level(UnitLevel.COMMUNE)
            call = lambda year=year, communes=communes: compliance(year, communes, from_log=True)  # noqa: E731
        else:
            call = lambda year=year: rule(target, year, Scope(province_code=province)).detail  # noqa: E731
        seconds[f"province {year}"], result = timed(call)
        figures[("province", year)] = weekly(result)
    seconds["province 2021–2025"] = sum(seconds[f"province {y}"] for y in YEARS)
    return {f"{way}: {k}": v for k, v in seconds.items()}, figures


def check(figures: dict, expected: dict, what: str) -> list[str]:
    return [f"{what}: {key} differs" for key in expected if figures.get(key) != expected[key]]


def bench(db: str, runs: int) -> None:
    benchdb.setup(db)
    if pending := benchdb.pending_migrations():
        sys.exit(f"{db}: migrations not applied: {', '.join(pending)}; run bench/generate.py")
    from django.db import connection
    from django.db.models import Count

    from giamngheo.indicators.models import Target
    from giamngheo.units.models import Unit

    province, size = (  # the largest province: the heaviest province dashboard
        Unit.objects.filter(level="commune")
        .values_list("province_code")
        .annotate(n=Count("pk"))
        .order_by("-n", "province_code")
        .first()
    )
    target = Target.objects.get(
        indicator__code="phat-thanh-xa", year=None, period__start__year=YEARS[0]
    )
    connection.close()  # run 1 opens a fresh connection: "cold"
    app = [one_run(province, target, from_log=False) for _ in range(runs)]
    log = [one_run(province, target, from_log=True) for _ in range(max(2, runs // 2))]
    duck = DuckDB()
    first, last = min(app[0][1][("national", YEARS[0])]), max(app[0][1][("national", YEARS[-1])])
    duck_runs = [timed(lambda: duck.compliant(first, last)) for _ in range(runs)]

    expected = log[0][1]
    failures = []
    for i, (_seconds, figures) in enumerate(app + log[1:]):
        failures += check(figures, expected, f"run {i + 1}")
    for _seconds, found in duck_runs:
        for year in YEARS:
            for week, (_n, compliant) in expected[("national", year)].items():
                if found.get(week, 0) != compliant:
                    failures.append(f"DuckDB: week {week} {found.get(week)} ≠ {compliant}")
    if failures:
        sys.exit(f"{db}: figures not as expected, nothing reported:\n" + "\n".join(failures[:20]))

    def stats(results: list[float]) -> tuple[float, float]:
        warm = results[1:] or results
        return results[0], statistics.median(warm)

    rows = {}
    for label in app[0][0]:
        rows[label] = stats([seconds[label] for seconds, _ in app])
    for label in log[0][0]:
        rows[label] = stats([seconds[label] for seconds, _ in log])
    rows["DuckDB: national 2021–2025, one query"] = stats([s for s, _ in duck_runs])
    national = [
        sum(100 * c / n for n, c in expected[("national", year)].values() if n)
        / len(expected[("national", year)])
        for year in YEARS
    ]
    communes = Unit.objects.filter(level="commune").count()
    print(
        f"\n### National radio indicator ({db}): {communes:,} communes, "
        f"{size} in the largest province ({province})\n"
    )
    print(
        f"{datetime.date.today()}, {runs} runs (run 1 cold), seconds in-process; load average "
        f"{benchdb.load_average()} on {os.cpu_count()} CPUs. Values (national, %): "
        + ", ".join(f"{y} {v:.2f}" for y, v in zip(YEARS, national, strict=True))
        + "; every run's weekly counts equal the log's and DuckDB's.\n"
    )
    print("| call | cold (run 1) | warm median |")
    print("|---|---:|---:|")
    for label, (cold, warm) in rows.items():
        print(f"| {label} | {cold:.3f} | {warm:.3f} |")
    d_cold, d_warm = rows["DuckDB: national 2021–2025, one query"]
    a_cold, a_warm = rows["app: national 2021–2025"]
    l_cold, l_warm = rows["log: national 2021–2025"]
    p_app, p_log = rows["app: province 2021–2025"][1], rows["log: province 2021–2025"][1]
    print(
        f"\nRATIO indicators national 5 years / DuckDB: cold {a_cold / d_cold:.2f}×, "
        f"warm {a_warm / d_warm:.2f}× (goal ≤ {GOAL_RATIO:.0f}×; counted from the log: "
        f"cold {l_cold / d_cold:.1f}×, warm {l_warm / d_warm:.1f}×)"
    )
    print(
        f"RATIO indicators province {province} 5 years / counted from the log: "
        f"{p_app / p_log:.2f}× (goal ≤ 1×)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", nargs="+", choices=sorted(benchdb.URLS), default=["postgres"])
    parser.add_argument("--runs", type=int, default=5, help="run 1 cold, the others warm")
    args = parser.parse_args()
    if len(args.db) > 1:  # Django is set up once per process: one process per database
        for db in args.db:
            cmd = [sys.executable, __file__, "--db", db, "--runs", str(args.runs)]
            subprocess.run(cmd, check=True)
    else:
        bench(args.db[0], args.runs)


if __name__ == "__main__":
    main()
