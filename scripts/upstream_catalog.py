"""Keep the Vietnamese catalogue of Wagtail's admin (and of Django) complete.

Wagtail ships an English catalogue with every msgid its admin uses, but its
Vietnamese catalogue translates only a small part of them; Django's own
Vietnamese catalogue misses some too (time spans, some form errors).  The
project fills the gap in ``locale/upstream/vi/LC_MESSAGES/{django,djangojs}.po``.

    python scripts/upstream_catalog.py missing OUT.po   # msgids still to translate
    python scripts/upstream_catalog.py coverage         # coverage figures

After a Wagtail or Django upgrade run ``missing``, translate the new entries,
append them to the upstream catalogue (``msgcat``) and run ``make messages``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PROJECT_UPSTREAM_CATALOGUE = ROOT / "locale" / "upstream" / "vi" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")


def _package_dir(name: str) -> Path:
    module = __import__(name)
    return Path(module.__file__).parent


def catalogue_dirs() -> list[Path]:
    """Folders holding a ``locale/`` of the admin staff meet: Wagtail's, Django's
    core, auth and contenttypes ones (django.contrib.admin is not installed), and
    django-taggit's (the tags field of pages, which has no Vietnamese)."""
    wagtail = _package_dir("wagtail")
    django = _package_dir("django")
    taggit = _package_dir("taggit")
    wagtail_dirs = sorted({p.parents[3] for p in wagtail.rglob("locale/en/LC_MESSAGES/*.po")})
    return [
        *wagtail_dirs,
        django / "conf",
        django / "contrib" / "auth",
        django / "contrib" / "contenttypes",
        taggit,
    ]


Key = tuple[str | None, str]


def source_entries(domain: str) -> Iterator[polib.POEntry]:
    """Every msgid of Wagtail's English catalogues for ``domain``."""
    for folder in catalogue_dirs():
        en = folder / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if not en.exists():
            continue
        for entry in polib.pofile(str(en)):
            if not entry.obsolete:
                yield entry


def translated_keys(domain: str) -> set[Key]:
    """Keys translated by the packages' own vi catalogues or by the project's."""
    files = [
        folder / "locale" / "vi" / "LC_MESSAGES" / f"{domain}.po" for folder in catalogue_dirs()
    ]
    files = [path for path in files if path.exists()]
    ours = PROJECT_UPSTREAM_CATALOGUE / f"{domain}.po"
    if ours.exists():
        files.append(ours)
    keys: set[Key] = set()
    for path in files:
        for entry in polib.pofile(str(path)).translated_entries():
            if not entry.fuzzy:
                keys.add((entry.msgctxt, entry.msgid))
    return keys


def effective_translations(domain: str) -> dict[Key, str]:
    """What the admin shows for each key of the packages' catalogues: the project's
    upstream catalogue where it has the key (it comes first in ``LOCALE_PATHS``),
    else the package's own Vietnamese."""
    result: dict[Key, str] = {}
    for folder in catalogue_dirs():
        path = folder / "locale" / "vi" / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            for entry in polib.pofile(str(path)).translated_entries():
                if not entry.fuzzy:
                    msgstr = entry.msgstr or entry.msgstr_plural.get(0, "")
                    result.setdefault((entry.msgctxt, entry.msgid), msgstr)
    ours = PROJECT_UPSTREAM_CATALOGUE / f"{domain}.po"
    if ours.exists():
        for entry in polib.pofile(str(ours)).translated_entries():
            if not entry.fuzzy:
                msgstr = entry.msgstr or entry.msgstr_plural.get(0, "")
                result[(entry.msgctxt, entry.msgid)] = msgstr
    return result


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
    """``{domain: (translated, total)}`` over the admin's msgids."""
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
