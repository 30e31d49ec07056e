"""Read the maps of administrative units into one flat shape.

Every map, whether the ``vietnam-provinces`` package installed now (the
two-level map since 1 July 2025) or a file the project ships for an older
release, becomes a list of ``Division`` records.  ``maps.json`` lists the maps
and the dates each was in force.
"""

from __future__ import annotations

import datetime
import gzip
import json
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
MANIFEST = DATA_DIR / "maps.json"

# Longest prefixes first: "Thành phố" must win over a shorter match.
_KINDS = ("thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # a UnitLevel value
    kind: str
    parent_code: str | None
    province_code: str


@dataclass(frozen=True)
class UnitMap:
    key: str
    source: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    file: str | None  # None: the installed vietnam-provinces package

    def divisions(self, province_code: str | None = None) -> list[Division]:
        nested = _load_nested(self.file)
        return [
            d for d in flatten(nested) if province_code is None or d.province_code == province_code
        ]


def kind_of(name: str) -> str:
    lowered = name.lower()
    return next((kind for kind in _KINDS if lowered.startswith(kind + " ")), "")


def province_code(value: int | str) -> str:
    return f"{int(value):02d}"


def district_code(value: int | str) -> str:
    return f"{int(value):03d}"


def commune_code(value: int | str) -> str:
    return f"{int(value):05d}"


def flatten(nested: list[dict]) -> list[Division]:
    """Flatten a ``nested-divisions.json`` of either shape (3 levels or 2)."""
    result: list[Division] = []
    for province in nested:
        pcode = province_code(province["code"])
        result.append(
            Division(pcode, province["name"], "province", kind_of(province["name"]), None, pcode)
        )
        for district in province.get("districts", []):
            dcode = district_code(district["code"])
            result.append(
                Division(
                    dcode, district["name"], "district", kind_of(district["name"]), pcode, pcode
                )
            )
            for ward in district.get("wards", []):
                result.append(_commune(ward, dcode, pcode))
        for ward in province.get("wards", []):
            result.append(_commune(ward, pcode, pcode))
    return result


def _commune(ward: dict, parent_code: str, pcode: str) -> Division:
    return Division(
        commune_code(ward["code"]),
        ward["name"],
        "commune",
        kind_of(ward["name"]),
        parent_code,
        pcode,
    )


def _load_nested(file: str | None) -> list[dict]:
    if file is None:
        from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

        return json.loads(Path(NESTED_DIVISIONS_JSON_PATH).read_text(encoding="utf-8"))
    with gzip.open(DATA_DIR / "maps" / file, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def unit_maps() -> list[UnitMap]:
    """The maps listed in ``maps.json``, oldest first."""
    entries = json.loads(MANIFEST.read_text(encoding="utf-8"))
    maps = [
        UnitMap(
            key=entry["key"],
            source=entry["source"],
            valid_from=datetime.date.fromisoformat(entry["valid_from"]),
            valid_to=(
                datetime.date.fromisoformat(entry["valid_to"]) if entry.get("valid_to") else None
            ),
            file=entry.get("file"),
        )
        for entry in entries
    ]
    return sorted(maps, key=lambda m: m.valid_from)
