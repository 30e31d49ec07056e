"""Fill the benchmark databases with national-scale data, reproducibly from a seed.

Why: the speed goal is about the whole country (about 10,000 communes and five
years of weekly radio logs, millions of rows), a size the dev and test
databases never reach.  This makes that size in dedicated databases only:
PostgreSQL ``giamngheo_bench`` and SQLite ``var/bench.sqlite3`` unless
``BENCH_DATABASE_URL`` / ``BENCH_SQLITE_PATH`` name others (``benchdb.py``).
``BENCH_COMMUNES`` sets the default of ``--communes`` (a smaller country on a
busy machine: the ratios hold, the seconds shrink).

A reload drops the benchmark database, migrates it and loads it by the fastest
path of each backend (COPY on PostgreSQL, executemany in large transactions on
SQLite), then analyses it.  A database already loaded with the same seed and
size keeps its data: it only gets the app's migrations it lacks, if any, and
is then analysed again; ``--force`` reloads it.

    .venv/bin/python bench/generate.py [--db postgres sqlite] [--seed 2021] [--communes 10000]
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import time
from collections.abc import Iterator

import benchdb

VERSION = 3
PROVINCES = 63
FIRST_WEEK = datetime.date(2021, 1, 4)  # Monday of ISO week 1 of 2021
LAST_WEEK = datetime.date(2025, 12, 22)  # Monday of ISO week 52 of 2025
VALID_FROM = datetime.date(2021, 1, 1)
SYLLABLES = ("An", "Bình", "Hòa", "Phú", "Thạnh", "Đông", "Tây", "Nam", "Bắc", "Lộc", "Thuận")
SYLLABLES += ("Hưng", "Long", "Tân", "Mỹ", "Phước", "Quảng", "Vĩnh", "Xuân", "Hải", "Đức")
SYLLABLES += ("Cẩm", "Sơn", "Lâm", "Thủy", "Trung", "Hiệp", "Nghĩa", "Thành", "Ân", "Điền", "Ơn")
TITLES = (
    "Bản tin giảm nghèo bền vững",
    "Chính sách hỗ trợ hộ nghèo, hộ cận nghèo",
    "Gương thoát nghèo tiêu biểu",
    "Hướng dẫn vay vốn ưu đãi",
    "Đào tạo nghề cho lao động nông thôn",
    "Tài liệu của tỉnh về giảm nghèo",
)


def place_name(rng: random.Random, kind: str) -> str:
    return f"{kind} {rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"


def load_units(rng: random.Random, communes: int) -> list[int]:
    """63 provinces and ``communes`` communes under them; returns the communes' ids."""
    from giamngheo.core.text import collation_string, fold
    from giamngheo.units.models import Unit, UnitLevel

    def unit(**fields) -> Unit:  # bulk_create skips save(): derive its columns here
        name = fields["name"]
        return Unit(search_name=fold(name), sort_name=collation_string(name), **fields)

    provinces = Unit.objects.bulk_create(
        unit(
            code=f"{p:02d}",
            name=place_name(rng, "Tỉnh"),
            level=UnitLevel.PROVINCE,
            kind="tỉnh",
            province_code=f"{p:02d}",
            valid_from=VALID_FROM,
        )
        for p in range(1, PROVINCES + 1)
    )
    weights = [rng.uniform(0.4, 1.6) for _ in provinces]  # provinces differ in size
    sizes = [int(communes * w / sum(weights)) for w in weights]
    for i in range(communes - sum(sizes)):
        sizes[i] += 1
    rows, number = [], 0
    for province, size in zip(provinces, sizes, strict=True):
        for _ in range(size):
            number += 1
            kind = "xã" if rng.random() < 0.8 else "phường"
            rows.append(
                unit(
                    code=f"{number:05d}",
                    name=place_name(rng, kind.capitalize()),
                    level=UnitLevel.COMMUNE,
                    kind=kind,
                    parent=province,
                    province_code=province.code,
                    valid_from=VALID_FROM,
                )
            )
    return [u.pk for u in Unit.objects.bulk_create(rows, batch_size=2000)]


def broadcast_rows(rng: random.Random, commune_ids: list[int], tz: str) -> Iterator[list[tuple]]:
    """Week by week, as communes log them (so a year's rows sit together on disk, as in
    production): 1–2 programmes most weeks, some weeks none, now and then a gap.

    Rows are (commune_id, on, week_start, title, minutes, source, created_at), dates
    as ISO text; ``created_at`` is UTC text with ``tz`` appended (empty for SQLite).
    """
    habits = [(rng.uniform(0.6, 1.0), rng.uniform(0.3, 0.8)) for _ in commune_ids]
    gaps = [0] * len(commune_ids)
    week = FIRST_WEEK
    while week <= LAST_WEEK:
        week_start, rows = week.isoformat(), []
        days = [week + datetime.timedelta(days=d) for d in range(7)]
        stamps = [f"{d + datetime.timedelta(days=1)} 01:30:00{tz}" for d in days]
        days = [d.isoformat() for d in days]
        for i, (commune_id, (diligence, twice)) in enumerate(zip(commune_ids, habits, strict=True)):
            if gaps[i]:
                gaps[i] -= 1
            elif rng.random() < 0.01:
                gaps[i] = rng.randint(1, 8)  # the radio was out of order for a few weeks
            elif rng.random() < diligence:
                first = rng.randrange(7)
                picks = [first]
                if rng.random() < twice:
                    picks.append((first + 1 + rng.randrange(6)) % 7)
                for day in picks:
                    title, minutes = rng.choice(TITLES), 5 + rng.randrange(40)
                    source = "own" if rng.random() < 0.7 else "province"
                    rows.append(
                        (commune_id, days[day], week_start, title, minutes, source, stamps[day])
                    )
        yield rows
        week += datetime.timedelta(days=7)


def copy_postgres(chunks: Iterator[list[tuple]], table: str) -> None:
    """COPY the rows in one stream: the fastest way into PostgreSQL."""
    from django.db import connection

    columns = 'commune_id, "on", week_start, title, minutes, source, audio, created_at'
    with (
        connection.connection.cursor() as cursor,
        cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for rows in chunks:
            copy.write(
                "".join(f"{c}\t{o}\t{w}\t{t}\t{m}\t{s}\t\t{a}\n" for c, o, w, t, m, s, a in rows)
            )


def insert_sqlite(chunks: Iterator[list[tuple]], table: str, batch: int = 250_000) -> None:
    """executemany in large transactions, without fsync: SQLite's fastest bulk path."""
    from django.db import connection, transaction

    sql = (
        f'INSERT INTO {table} (commune_id, "on", week_start, title, minutes, source, audio, '
        "created_at) VALUES (%s, %s, %s, %s, %s, %s, '', %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA cache_size=-524288")  # 512 MB page cache while loading
    pending: list[tuple] = []
    for rows in chunks:
        pending.extend(rows)
        if len(pending) >= batch:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(sql, pending)
            pending = []
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, pending)


def loaded_marker() -> str | None:
    from django.db import DatabaseError, connection

    try:
        if "bench_dataset" not in connection.introspection.table_names():
            return None
        with connection.cursor() as cursor:
            cursor.execute("SELECT marker FROM bench_dataset")
            row = cursor.fetchone()
        return row[0] if row else None
    except DatabaseError:  # the PostgreSQL database does not exist yet
        return None


def reset_database(db: str) -> None:
    """Drop and recreate the benchmark database, so a reload starts from nothing."""
    from django.db import connection

    connection.close()
    if db == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            benchdb.SQLITE_PATH.with_name(benchdb.SQLITE_PATH.name + suffix).unlink(True)
        return
    import psycopg

    admin_url = benchdb.URLS["postgres"].rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        name = benchdb.postgres_name()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


def report() -> None:
    from django.db import connection
    from django.db.models import Count

    from giamngheo.broadcasts.models import Broadcast
    from giamngheo.units.models import Unit

    levels = dict(Unit.objects.values_list("level").annotate(n=Count("pk")).order_by())
    print(f"  units: {levels}; broadcasts: {Broadcast.objects.count():,}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
            print(f"  database size: {cursor.fetchone()[0]}")
    else:
        print(f"  database size: {benchdb.SQLITE_PATH.stat().st_size / 2**20:.0f} MB")


def analyse(db: str, *, vacuum: bool = False) -> None:
    """Statistics for the planner, as on a live database."""
    from django.db import connection

    with connection.cursor() as cursor:
        if db == "postgres":  # VACUUM too: autovacuum would have, on a live table
            cursor.execute("VACUUM ANALYZE")
        else:
            if vacuum:  # a migration that remakes a table leaves the old one's pages free
                cursor.execute("VACUUM")
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def generate(db: str, *, seed: int, communes: int, force: bool) -> None:
    benchdb.setup(db)
    from django.core.management import call_command
    from django.db import connection

    from giamngheo.broadcasts.models import Broadcast

    marker = f"v{VERSION} seed={seed} communes={communes} weeks={FIRST_WEEK}..{LAST_WEEK}"
    print(f"{db}: {benchdb.URLS[db]}")
    if not force and loaded_marker() == marker:
        print(f"  already loaded ({marker}); --force reloads")
        if pending := benchdb.pending_migrations():
            started = time.perf_counter()
            call_command("migrate", verbosity=0)
            analyse(db, vacuum=True)
            print(f"  applied {', '.join(pending)}; {time.perf_counter() - started:.1f} s")
        report()
        return
    started = time.perf_counter()
    reset_database(db)
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    rng = random.Random(seed)
    commune_ids = load_units(rng, communes)
    units_done = time.perf_counter()
    table = Broadcast._meta.db_table
    if db == "postgres":
        copy_postgres(broadcast_rows(rng, commune_ids, "+00"), table)
    else:
        insert_sqlite(broadcast_rows(rng, commune_ids, ""), table)
    loaded = time.perf_counter()
    analyse(db)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_dataset (marker varchar(200))")
        cursor.execute("INSERT INTO bench_dataset VALUES (%s)", [marker])
    done = time.perf_counter()
    print(
        f"  migrate {migrated - started:.1f} s, units {units_done - migrated:.1f} s, "
        f"broadcasts {loaded - units_done:.1f} s, analyze {done - loaded:.1f} s; "
        f"total {done - started:.1f} s"
    )
    report()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", nargs="+", choices=sorted(benchdb.URLS), default=["postgres", "sqlite"]
    )
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument(
        "--communes", type=int, default=int(os.environ.get("BENCH_COMMUNES", 10_000))
    )
    parser.add_argument("--force", action="store_true", help="reload even if already loaded")
    args = parser.parse_args()
    for db in args.db:
        if len(args.db) > 1:  # Django is set up once per process: one process per database
            import subprocess
            import sys

            cmd = [sys.executable, __file__, "--db", db, "--seed", str(args.seed)]
            cmd += ["--communes", str(args.communes)] + (["--force"] if args.force else [])
            subprocess.run(cmd, check=True)
        else:
            generate(db, seed=args.seed, communes=args.communes, force=args.force)


if __name__ == "__main__":
    main()
