"""Demo poverty figures: every year 2021–2025, for the province, every district-level
unit and every commune of the map in force that year.

2021–2024 use the first map (9 district-level units, 141 communes, in force from
1 July 2021); 2025 uses the map of its first half (9 units, 134 communes), the
one the dashboard and the report count 2025 with.  Commune rows are drawn from
the ``rng``; each district's row is the sum of its communes and the province's the
sum of its districts.  Rates fall every year, from about 4–5% in 2021 to about
2% in 2025 for the province; the mountain districts A Lưới and Nam Đông start
much higher.  Every source label says the figures are demo data.
"""

from __future__ import annotations

import datetime
import random

from django.conf import settings
from django.core.exceptions import ValidationError

from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit, UnitLevel

from .models import PovertyStatistic
from .rules import FigureRule

YEARS = [2021, 2022, 2023, 2024, 2025]
# The first day of each year's map (the first map begins on 1 July 2021).
MAP_DAY = {
    year: datetime.date(year, 7, 1) if year == 2021 else datetime.date(year, 1, 1) for year in YEARS
}
MOUNTAIN = {"a luoi", "nam dong"}
# Poor rate in 2021 (share), and how much of it is left each year after.
START_RATE = {"mountain": 0.12, "other": 0.028}
YEARLY_FALL = 0.8
STANDARD = "Chuẩn nghèo đa chiều giai đoạn 2022–2025"
DEMO_NOTE = "Dữ liệu minh họa, không phải số liệu chính thức."


def _source(year: int) -> str:
    return f"[Dữ liệu minh họa] Quyết định số {100 + year % 100}/QĐ-UBND ngày 20/12/{year}"


def load_poverty(rng: random.Random) -> int:
    province = province_code(settings.PROVINCE_CODE)
    units = Unit.objects.of_province(province)
    # Loading again (``load_demo --force``) replaces the demo's own figures only.
    PovertyStatistic.objects.filter(unit__province_code=province, notes=DEMO_NOTE).delete()
    # Each commune keeps its size and its own poverty level from year to year.
    size: dict[str, int] = {}
    level: dict[str, float] = {}
    rows: list[PovertyStatistic] = []
    for year in YEARS:
        on = MAP_DAY[year]
        in_force = units.in_force(on)
        province_unit = in_force.filter(level=UnitLevel.PROVINCE).first()
        districts = list(in_force.filter(level=UnitLevel.DISTRICT))
        communes = list(in_force.filter(level=UnitLevel.COMMUNE).select_related("parent"))
        totals = [0, 0, 0]
        for district in districts:
            mountain = any(name in district.search_name for name in MOUNTAIN)
            base = START_RATE["mountain" if mountain else "other"] * YEARLY_FALL ** (year - 2021)
            sums = [0, 0, 0]
            for commune in (c for c in communes if c.parent_id == district.pk):
                households = size.setdefault(commune.code, rng.randint(1200, 5200))
                households = int(households * (1 + 0.012 * (year - 2021)))
                factor = level.setdefault(commune.code, rng.uniform(0.6, 1.5))
                poor = round(households * base * factor)
                near_poor = round(households * base * factor * rng.uniform(1.1, 1.5))
                rows.append(_row(commune, year, households, poor, near_poor))
                sums = [sums[0] + households, sums[1] + poor, sums[2] + near_poor]
            if sums[0]:
                rows.append(_row(district, year, *sums))
                totals = [t + s for t, s in zip(totals, sums, strict=True)]
        if province_unit is not None and totals[0]:
            rows.append(_row(province_unit, year, *totals))
    # The demo's figures pass the rule every other way in uses: a refusal is a bug here.
    rule = FigureRule(None, rows)
    for row in rows:
        if errors := rule.errors(row, ref=str(row)):
            raise ValidationError(errors)
    PovertyStatistic.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _row(unit: Unit, year: int, households: int, poor: int, near_poor: int) -> PovertyStatistic:
    # bulk_create skips save(): the code is set here.
    return PovertyStatistic(
        unit=unit,
        unit_code=unit.code,
        year=year,
        households=households,
        poor_households=poor,
        near_poor_households=near_poor,
        poverty_standard=STANDARD,
        source=_source(year),
        notes=DEMO_NOTE,
    )
