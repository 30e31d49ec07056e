"""Requests per second of a data API list, beside a bare Django JSON view of the same size.

Why: the API answers through django-ninja, pydantic schemas, keyset paging
and ETags; this measures what that costs against the floor of a plain view
that reads the same rows with ``.values()`` and answers ``JsonResponse``.

What it does, in one process and one run (so the ratio is side by side):

1. Prepares a dedicated PostgreSQL database ``giamngheo_bench_api`` (never
   the dev or test one): migrate, import Huế's units, then ``--rows``
   activities of the register spread over its communes and five years
   (clearly labelled benchmark rows), once.
2. Through Django's test client (the whole middleware stack, no network),
   alternates rounds of the two addresses, each ``--requests`` requests of
   the first page of 100 items, then the same for a page deep in the list
   (the API follows its cursor; the bare view uses OFFSET, as a naive list
   would): median requests per second over ``--rounds`` rounds, and the ratio.

    .venv/bin/python bench/bench_api.py [--rows 200000] [--rounds 5] [--requests 200]
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "postgres://postgres@127.0.0.1:5432/giamngheo_bench_api"
TITLE = "Bài đo API số {n}: truyền thông giảm nghèo"
PAGE = 100


def setup(rows: int) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="api_settings",
        DATABASE_URL=DATABASE,
        DEBUG="false",
        LOG_LEVEL="ERROR",
        PYTHONWARNINGS="ignore:No directory at",
    )
    sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        if not c.execute(
            "SELECT 1 FROM pg_database WHERE datname = 'giamngheo_bench_api'"
        ).fetchone():
            c.execute("CREATE DATABASE giamngheo_bench_api")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from giamngheo.activities.models import Activity, ActivityKind
    from giamngheo.units.models import Unit, UnitLevel
    from giamngheo.units.services import import_units

    if not Unit.objects.exists():
        import_units(province_code="46")
    have = Activity.objects.filter(title__startswith="Bài đo API").count()
    if have >= rows:
        return
    rng = random.Random(2026)
    communes = list(Unit.objects.filter(level=UnitLevel.COMMUNE, valid_to__isnull=True))
    kinds = list(ActivityKind.objects.all())
    start = datetime.date(2021, 1, 1)
    batch = []
    for n in range(have, rows):
        batch.append(
            Activity(
                kind=rng.choice(kinds),
                title=TITLE.format(n=n),
                unit=rng.choice(communes),
                start_date=start + datetime.timedelta(days=rng.randrange(5 * 365)),
                channel="radio",
                audience_reached=rng.randrange(50, 5000),
                search_text=f"bai do api so {n}",
            )
        )
        if len(batch) == 5000:
            Activity.objects.bulk_create(batch)
            batch = []
    Activity.objects.bulk_create(batch)
    call_command("dbshell", "--", "-c", "ANALYZE activities_activity", verbosity=0)


def rate(client, url: str, count: int) -> float:
    start = time.perf_counter()
    for _ in range(count):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    return count / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    setup(args.rows)
    from django.test import Client

    client = Client()
    first = "/api/v1/activities?limit=100"
    body = client.get(first).json()
    bare = client.get("/bench/activities?limit=100").content
    print(f"page sizes: API {len(client.get(first).content)} B, bare {len(bare)} B")
    # A page deep in the list: 50 pages in, by the API's cursor and the bare OFFSET.
    cursor, url = body["next_cursor"], first
    for _ in range(50):
        url = f"{first}&cursor={cursor}"
        cursor = client.get(url).json()["next_cursor"]
    pairs = {
        "first page": (first, "/bench/activities?limit=100"),
        "page 51": (url, "/bench/activities?limit=100&offset=5000"),
    }
    print(f"load average before: {os.getloadavg()}")
    for name, (api_url, bare_url) in pairs.items():
        api_rates, bare_rates = [], []
        for _ in range(args.rounds):
            api_rates.append(rate(client, api_url, args.requests))
            bare_rates.append(rate(client, bare_url, args.requests))
        api_median, bare_median = statistics.median(api_rates), statistics.median(bare_rates)
        print(
            f"{name}: API {api_median:.0f} req/s ({min(api_rates):.0f}–{max(api_rates):.0f}), "
            f"bare JsonResponse {bare_median:.0f} req/s "
            f"({min(bare_rates):.0f}–{max(bare_rates):.0f}), "
            f"ratio API/bare {api_median / bare_median:.2f}"
        )
        print(f"RATIO api {name} / bare JsonResponse: {api_median / bare_median:.2f}")
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
