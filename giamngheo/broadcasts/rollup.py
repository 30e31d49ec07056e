"""Programmes per commune and week, kept beside the log for the national indicator.

Why: the weekly compliance of 10,000 communes over five years is a count over
three million programmes; grouped per commune and ISO year (``RadioWeekCounts``)
it is 50,000 rows, read in one query and summed here.  The rollup is recounted
from the programmes in the transaction that writes them, never later, so a
new programme counts at once and the figures are exactly those of the log.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, QuerySet

from .models import Broadcast, RadioWeekCounts

WEEKS = 53  # lanes per ISO year; a 52-week year leaves the last one at 0
CAP = 255  # a byte per week: more programmes than that count as 255


def first_monday(year: int) -> datetime.date:
    return datetime.date.fromisocalendar(year, 1, 1)


def last_monday(year: int) -> datetime.date:
    return datetime.date.fromisocalendar(year, datetime.date(year, 12, 28).isocalendar().week, 1)


@transaction.atomic  # a savepoint in the writer's transaction; its own one in autocommit
def refresh(pairs: Iterable[tuple[int, int]]) -> None:
    """Recount the weeks of each (commune id, ISO year) in ``pairs`` from the programmes.

    Called inside the writer's transaction.  The rows are created, then locked
    (in a fixed order), before recounting: a second writer of the same commune
    and year waits, then recounts with the first one's programmes committed
    (PostgreSQL reads committed rows at each statement), so neither is lost.
    """
    pairs = sorted(set(pairs))
    if not pairs:
        return
    empty = bytes(WEEKS)
    RadioWeekCounts.objects.bulk_create(
        [RadioWeekCounts(commune_id=c, year=y, counts=empty) for c, y in pairs],
        ignore_conflicts=True,
        batch_size=2000,
    )
    communes, years = {c for c, _y in pairs}, {y for _c, y in pairs}
    locked = RadioWeekCounts.objects.select_for_update().filter(
        commune_id__in=communes, year__in=years
    )
    rows = {
        (c, y): pk
        for pk, c, y in locked.order_by("commune_id", "year").values_list(
            "pk", "commune_id", "year"
        )
    }
    counts: dict[tuple[int, int], bytearray] = {pair: bytearray(WEEKS) for pair in pairs}
    weekly = (
        Broadcast.objects.filter(
            commune_id__in=communes,
            week_start__range=(first_monday(min(years)), last_monday(max(years))),
        )
        .order_by()
        .values_list("commune_id", "week_start")
        .annotate(n=Count("*"))
    )
    for commune_id, week_start, n in weekly:
        year, week, _day = week_start.isocalendar()
        if (vector := counts.get((commune_id, year))) is not None:
            vector[week - 1] = min(n, CAP)
    RadioWeekCounts.objects.bulk_update(
        [RadioWeekCounts(pk=rows[pair], counts=bytes(v)) for pair, v in counts.items()],
        ["counts"],
        batch_size=1000,
    )


def pairs_of(broadcasts: Iterable[Broadcast]) -> set[tuple[int, int]]:
    return {(b.commune_id, b.week_start.isocalendar().year) for b in broadcasts}


def on_pre_save(sender, instance: Broadcast, raw: bool = False, **kwargs) -> None:
    # An edit may move a programme to another week or commune: remember where it was.
    if instance.pk and not raw:
        instance._rollup_before = set(
            pairs_of(Broadcast.objects.filter(pk=instance.pk).only("commune_id", "week_start"))
        )


def on_save(sender, instance: Broadcast, raw: bool = False, **kwargs) -> None:
    if not raw:
        refresh(pairs_of([instance]) | getattr(instance, "_rollup_before", set()))


def on_pre_delete(sender, instance: Broadcast, origin=None, **kwargs) -> None:
    # A deletion (one programme, or a queryset of thousands) gathers its weeks here...
    holder = instance if origin is None else origin
    holder.__dict__.setdefault("_rollup_pending", set()).update(pairs_of([instance]))


def on_delete(sender, instance: Broadcast, origin=None, **kwargs) -> None:
    # ...and recounts them all at its first post_delete: Django deletes every row of
    # a model before sending any post_delete, so one recount serves the whole batch.
    holder = instance if origin is None else origin
    if pending := holder.__dict__.pop("_rollup_pending", None):
        refresh(pending)


def compliant_per_week(
    *, communes: QuerySet, weeks: list[datetime.date], min_per_week: int
) -> dict[datetime.date, int]:
    """How many of ``communes`` (in force on the week's Monday) logged at least
    ``min_per_week`` programmes, for each of ``weeks`` (one query)."""
    lanes: dict[int, dict[int, datetime.date]] = defaultdict(dict)
    for week in weeks:
        year, number, _day = week.isocalendar()
        lanes[year][number - 1] = week
    # A week's byte becomes 1 when it reaches the minimum (a week with no programme
    # never counts, whatever the minimum), else 0; the columns are then summed.
    threshold = max(min_per_week, 1)
    to_bits = bytes(1 if n >= threshold else 0 for n in range(CAP + 1))
    rows = RadioWeekCounts.objects.filter(year__in=lanes, commune__in=communes).values_list(
        "year", "counts", "commune__valid_from", "commune__valid_to"
    )
    bits: dict[int, list[bytes]] = defaultdict(list)
    for year, counts, valid_from, valid_to in rows:
        vector = bytes(counts).translate(to_bits)
        if valid_from > first_monday(year) or (
            valid_to is not None and valid_to < last_monday(year)
        ):
            vector = _in_force_only(vector, year, valid_from, valid_to)
        bits[year].append(vector)
    found = dict.fromkeys(weeks, 0)
    for year, vectors in bits.items():
        totals = [sum(column) for column in zip(*vectors, strict=True)]
        for lane, week in lanes[year].items():
            found[week] = totals[lane]
    return found


def _in_force_only(vector: bytes, year: int, valid_from, valid_to) -> bytes:
    """``vector`` with the weeks whose Monday the commune was not in force on set to 0."""
    monday = first_monday(year)
    week = datetime.timedelta(days=7)
    return bytes(
        bit
        if valid_from <= monday + week * i and (valid_to is None or valid_to >= monday + week * i)
        else 0
        for i, bit in enumerate(vector)
    )
