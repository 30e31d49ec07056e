"""Time the radio Excel import of 100,000 rows, per role, beside a bare bulk INSERT.

Why: communes' radio logs arrive as large workbooks (a province's year); the
goal is a 100,000-row file imported with full validation in under 30 s for any
role, in flat memory, with no query per row, and an oversized sheet refused
from its dimensions before any parsing.

On its own PostgreSQL database (``BENCH_IMPORT_DATABASE_URL``, default
``giamngheo_bench_import``; ``--db sqlite``: ``BENCH_IMPORT_SQLITE_PATH``) with
the real map of Huế, it builds one workbook per role (the rows of the
communes that role may log: the whole province, district 478, commune 19942)
and runs ``import_broadcasts`` on it as the province's staff, a district
officer and a commune officer; then the same rows as one bare
``bulk_create``, the floor.  Every run is rolled back, so the database stays
as it was.  Peak memory is Python's (``tracemalloc``) over the import.  It
checks that every row was added, that the queries did not grow with the rows,
and that an oversized sheet is refused with its message; otherwise it reports
nothing.

    .venv/bin/python bench/bench_import.py [--rows 100000] [--db postgres]
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import resource
import sys
import time
import tracemalloc

import benchdb

PROVINCE, DISTRICT, COMMUNE = "46", "478", "19942"
YEAR_DAYS = [datetime.date(2023, 1, 1) + datetime.timedelta(days=d) for d in range(365)]
ON_2023 = datetime.date(2023, 6, 30)
GOAL_SECONDS = 30.0
# A fixed number of queries, plus one INSERT per batch of rows: never one per row.
MAX_QUERIES, BATCH = 20, 1000


def workbook(rows: list[tuple], headers: list[str]) -> bytes:
    """The rows as an .xlsx, written in streaming mode (as big files are made)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rows_for(codes: list[str], count: int) -> list[tuple]:
    """``count`` distinct programmes spread over ``codes`` and the days of 2023."""
    rows = []
    per_day = -(-count // (len(codes) * len(YEAR_DAYS)))
    for n in range(per_day):
        for day in YEAR_DAYS:
            for code in codes:
                if len(rows) == count:
                    return rows
                title = f"Bản tin giảm nghèo số {n + 1}"
                rows.append((code, day.strftime("%d/%m/%Y"), title, 15 + n % 30, "Tự sản xuất"))
    return rows


def prepare() -> dict:
    """Migrate, load Huế's map and one user per role; reopen 2023 for the officers."""
    from django.core.management import call_command
    from django.utils import timezone

    from giamngheo.accounts.models import User
    from giamngheo.accounts.roles import role_group
    from giamngheo.broadcasts.models import WeeklyLog, monday_of
    from giamngheo.units.models import Unit, UnitLevel
    from giamngheo.units.services import import_units

    call_command("migrate", verbosity=0)
    if not Unit.objects.of_province(PROVINCE).exists():
        import_units(province_code=PROVINCE)
    users = {}
    for role, code in (
        ("province_staff", PROVINCE),
        ("district_officer", DISTRICT),
        ("commune_officer", COMMUNE),
    ):
        user, created = User.objects.get_or_create(
            username=f"bench-{role}",
            defaults={"unit": Unit.objects.in_force(ON_2023).get(code=code)},
        )
        if created:
            user.groups.add(role_group(role))
        users[role] = user
    from giamngheo.accounts.scoping import units_visible_to

    codes = {}
    for role, user in users.items():
        communes = units_visible_to(user).filter(level=UnitLevel.COMMUNE).in_force(ON_2023)
        codes[role] = sorted(communes.values_list("code", flat=True))
    # District and commune officers may not change a locked week unless it was reopened:
    # the district reopens 2023 for its communes, as before a late bulk upload.
    reopened = timezone.now() + datetime.timedelta(days=3650)
    weeks = sorted({monday_of(day) for day in YEAR_DAYS})
    for commune in Unit.objects.in_force(ON_2023).filter(code__in=codes["district_officer"]):
        for week in weeks:
            WeeklyLog.objects.update_or_create(
                commune=commune, week_start=week, defaults={"reopened_until": reopened}
            )
    return {"users": users, "codes": codes}


class Rollback(Exception):
    pass


def measure(call) -> tuple[float, int, int, object]:
    """Seconds, the growth of the process's peak memory (bytes), queries, and the result
    of ``call`` run in a transaction that is rolled back."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    result = None
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    try:
        with CaptureQueriesContext(connection) as queries, transaction.atomic():
            result = call()
            raise Rollback
    except Rollback:
        pass
    seconds = time.perf_counter() - started
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) * 1024
    return seconds, grown, len(queries), result


def reading_peak(data: bytes) -> tuple[int, int]:
    """Rows read and Python's peak memory (tracemalloc) while streaming the sheet alone."""
    from giamngheo.core.sheetreader import Sheet

    tracemalloc.start()
    sheet = Sheet(io.BytesIO(data))
    count = sum(1 for _row in sheet.rows())
    sheet.close()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return count, peak


def bare_insert(rows: list[tuple], codes: dict[str, int]) -> int:
    """The floor: the same rows as Broadcast objects, one bulk_create, no checks."""
    from giamngheo.broadcasts.models import Broadcast, monday_of

    objects = []
    for code, day, title, minutes, _source in rows:
        on = datetime.datetime.strptime(day, "%d/%m/%Y").date()
        objects.append(
            Broadcast(
                commune_id=codes[code],
                on=on,
                week_start=monday_of(on),
                title=title,
                minutes=minutes,
                source="own",
            )
        )
    return len(Broadcast.objects.bulk_create(objects, batch_size=2000))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    args = parser.parse_args()
    url = os.environ.get(
        "BENCH_IMPORT_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/giamngheo_bench_import"
    )
    if args.db == "sqlite":
        path = os.environ.get("BENCH_IMPORT_SQLITE_PATH", benchdb.ROOT / "var/bench_import.sqlite3")
        url = f"sqlite:///{path}"
    benchdb.ensure_postgres_database(url)
    benchdb.setup_url(url)
    from django.db import connection

    from giamngheo.broadcasts import importers
    from giamngheo.broadcasts.models import Broadcast
    from giamngheo.core import xlsx
    from giamngheo.units.models import Unit

    fixture = prepare()
    headers = [column.header for column in importers.columns()]
    before = Broadcast.objects.count()
    lines, failures, reading, ratios = [], [], "", []
    for role, user in fixture["users"].items():
        rows = rows_for(fixture["codes"][role], args.rows)
        data = workbook(rows, headers)
        if not reading:
            for size in (args.rows // 10, args.rows):
                count, peak = reading_peak(workbook(rows[:size], headers))
                reading += f"{count - 1:,} rows {peak / 2**20:.1f} MB; "
        seconds, peak, queries, report = measure(
            lambda user=user, data=data: importers.import_broadcasts(upload=data, by=user)
        )
        if report.added != args.rows or report.has_errors:
            failures.append(f"{role}: added {report.added} of {args.rows}, {report.errors[:3]}")
        if queries > MAX_QUERIES + args.rows // BATCH:
            failures.append(f"{role}: {queries} queries for {args.rows} rows")
        ids = dict(Unit.objects.in_force(ON_2023).values_list("code", "pk"))
        bare, _peak, _q, inserted = measure(lambda rows=rows, ids=ids: bare_insert(rows, ids))
        if inserted != args.rows:
            failures.append(f"{role}: bare insert wrote {inserted}")
        lines.append(
            f"| {role} ({len(fixture['codes'][role])} communes) | {len(data) / 2**20:.1f} MB "
            f"| {seconds:.1f} | {peak / 2**20:.0f} MB | {queries} | {bare:.1f} "
            f"| {seconds / bare:.1f}× |"
        )
        ratios.append(
            f"RATIO import {role} {args.rows:,} rows / bare INSERT: {seconds / bare:.1f}× "
            f"({seconds:.1f} s, goal < {GOAL_SECONDS:.0f} s)"
        )
    # An oversized sheet: refused from its size, before reading a row.  Written in
    # streaming mode, it has no <dimension>: its rows are counted in its bytes.
    big = xlsx.MAX_ROWS + 1
    data = workbook(rows_for(fixture["codes"]["province_staff"], big), headers)
    refused, _peak, _q, report = measure(
        lambda: importers.import_broadcasts(upload=data, by=fixture["users"]["province_staff"])
    )
    if not report.file_error or report.rows or refused > 1:
        failures.append(f"oversized sheet not refused at once: {refused:.1f} s, {report}")
    if Broadcast.objects.count() != before:
        failures.append("the database kept rows: the runs were not rolled back")
    if failures:
        sys.exit("bench_import: figures not as expected, nothing reported:\n" + "\n".join(failures))
    print(f"\n### radio import, {args.rows:,} rows ({connection.vendor})\n")
    print(
        f"{datetime.date.today()}; load average {benchdb.load_average()} on {os.cpu_count()} "
        f"CPUs; goal under {GOAL_SECONDS:.0f} s for every role.\n"
    )
    print(
        "Peak memory: the process's peak resident size grown by the import (the rows are "
        "kept until all are checked: all or nothing). Reading the sheet alone, Python's "
        f"peak (tracemalloc): {reading.rstrip('; ')}: flat.\n"
    )
    print("| role | file | import s | peak grew | queries | bare INSERT s | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    print("\n".join(lines))
    print(
        f"\nAn oversized sheet ({big:,} data rows, {len(data) / 2**20:.1f} MB) is refused in "
        f"{refused:.2f} s: “{report.file_error}”\n"
    )
    print("\n".join(ratios))


if __name__ == "__main__":
    main()
