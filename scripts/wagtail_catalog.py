"""Keep Wagtail's Vietnamese admin catalogue complete.

Wagtail ships an English catalogue with every msgid its admin uses, but its
Vietnamese catalogue translates only a small part of them.  The project fills
the gap in ``locale/wagtail/vi/LC_MESSAGES/{django,djangojs}.po``.

    python scripts/wagtail_catalog.py missing OUT.po   # msgids still to translate
    python scripts/wagtail_catalog.py coverage         # per-domain coverage figures

After a Wagtail upgrade run ``missing``, translate the new entries, append them
to the project's Wagtail catalogue (``msgcat``) and run ``make messages``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PROJECT_WAGTAIL_CATALOGUE = ROOT / "locale" / "wagtail" / "vi" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")


def wagtail_root() -> Path:
    import wagtail

    return Path(wagtail.__file__).parent


Key = tuple[str | None, str]


def source_entries(domain: str) -> Iterator[polib.POEntry]:
    """Every msgid of Wagtail's English catalogues for ``domain``."""
    for en in sorted(wagtail_root().rglob(f"locale/en/LC_MESSAGES/{domain}.po")):
        for entry in polib.pofile(str(en)):
            if not entry.obsolete:
                yield entry


def translated_keys(domain: str) -> set[Key]:
    """Keys translated by Wagtail's own vi catalogues or by the project's."""
    files = list(wagtail_root().rglob(f"locale/vi/LC_MESSAGES/{domain}.po"))
    ours = PROJECT_WAGTAIL_CATALOGUE / f"{domain}.po"
    if ours.exists():
        files.append(ours)
    keys: set[Key] = set()
    for path in files:
        for entry in polib.pofile(str(path)).translated_entries():
            if not entry.fuzzy:
                keys.add((entry.msgctxt, entry.msgid))
    return keys


def missing_entries(domain: str) -> list[polib.POEntry]:
    done = translated_keys(domain)
    seen: set[Key] = set()
    missing = []
    for entry in source_entries(domain):
        key = (entry.msgctxt, entry.msgid)
        if key in done or key in seen:
            continue
        seen.add(key)
        missing.append(entry)
    return missing


def coverage() -> dict[str, tuple[int, int]]:
    """``{domain: (translated, total)}`` over Wagtail's admin msgids."""
    result = {}
    for domain in DOMAINS:
        keys = {(e.msgctxt, e.msgid) for e in source_entries(domain)}
        done = translated_keys(domain)
        result[domain] = (len(keys & done), len(keys))
    return result


def main(argv: list[str]) -> int:
    if argv[:1] == ["coverage"]:
        for domain, (done, total) in coverage().items():
            print(f"{domain}: {done}/{total} ({100 * done / total:.1f}%)")
        return 0
    if argv[:1] == ["missing"] and len(argv) == 2:
        out = polib.POFile()
        out.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "vi"}
        for domain in DOMAINS:
            for entry in missing_entries(domain):
                entry.tcomment = f"domain: {domain}"
                out.append(entry)
        out.save(argv[1])
        print(f"{len(out)} entries written to {argv[1]}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
