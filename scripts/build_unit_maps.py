"""Build the unit map files the project ships in giamngheo/units/data/.

Older maps are not in the installed ``vietnam-provinces`` package, so their
``nested-divisions.json`` is taken from the old releases once, here, and
shipped gzipped; nothing needs an old package at run time.

    python scripts/build_unit_maps.py maps          # data/maps/vietnam-provinces-*.json.gz
    python scripts/build_unit_maps.py succession    # data/succession/2025-07-01.csv

``succession`` reads the ward mapping of the 1 July 2025 reorganisation from
the ``vietnamadminunits`` package (converter_2025.json), resolving its names to
national statistics codes.  Both commands download the wheels with pip into a
temporary folder; run them from the project's virtualenv.
"""

from __future__ import annotations

import csv
import gzip
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "giamngheo" / "units" / "data"
OLD_RELEASES = ("0.5.0", "0.6.0")
REORGANISATION_DATE = "2025-07-01"


def download_wheel(requirement: str, folder: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "-q",
            "-d",
            str(folder),
            requirement,
        ],
        check=True,
    )
    return next(folder.glob("*.whl"))


def read_from_wheel(wheel: Path, suffix: str) -> bytes:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(suffix))
        return archive.read(name)


def build_maps() -> None:
    (DATA / "maps").mkdir(parents=True, exist_ok=True)
    for release in OLD_RELEASES:
        with tempfile.TemporaryDirectory() as tmp:
            wheel = download_wheel(f"vietnam-provinces=={release}", Path(tmp))
            nested = json.loads(read_from_wheel(wheel, "data/nested-divisions.json"))
        target = DATA / "maps" / f"vietnam-provinces-{release}.json.gz"
        payload = json.dumps(nested, ensure_ascii=False, separators=(",", ":")).encode()
        # mtime=0 keeps the file byte-identical between builds.
        with gzip.GzipFile(target, "wb", mtime=0) as handle:
            handle.write(payload)
        print(f"{target.relative_to(ROOT)}: {len(nested)} provinces")


def build_succession() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wheel = download_wheel("vietnamadminunits==1.0.4", Path(tmp))
        converter = json.loads(read_from_wheel(wheel, "data/converter_2025.json"))
        legacy = json.loads(read_from_wheel(wheel, "data/parser_legacy.json"))
        current = json.loads(read_from_wheel(wheel, "data/parser_from_2025.json"))

    old_codes = {
        f"{province}_{district}_{ward}": info["wardCode"]
        for province, districts in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].items()
        for district, wards in districts.items()
        for ward, info in wards.items()
    }
    new_codes = {
        (province, ward): info["wardCode"]
        for province, wards in current["DICT_PROVINCE_WARD_NO_ACCENTED"].items()
        for ward, info in wards.items()
    }
    rows: set[tuple[str, str]] = set()
    unresolved = 0
    for province, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_keys in wards.items():
            for old_key in old_keys:
                if old_key in old_codes and (province, new_ward) in new_codes:
                    rows.add((old_codes[old_key], new_codes[(province, new_ward)]))
                else:
                    unresolved += 1
    for province, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in olds.items():
            for part in parts:
                key = (province, part["newWardKey"])
                if old_key in old_codes and key in new_codes:
                    rows.add((old_codes[old_key], new_codes[key]))
                else:
                    unresolved += 1

    target = DATA / "succession" / f"{REORGANISATION_DATE}.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["code_old", "code_new", "date"])
        for old, new in sorted(rows):
            writer.writerow([old, new, REORGANISATION_DATE])
    print(f"{target.relative_to(ROOT)}: {len(rows)} rows, {unresolved} names not resolved")


if __name__ == "__main__":
    commands = {"maps": build_maps, "succession": build_succession}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        print(__doc__)
        sys.exit(2)
    commands[sys.argv[1]]()
