"""Fill Vietnamese translations into locale/vi from a small Python dict.

    python scripts/translate.py FILE.py   # FILE.py defines T = {msgid: msgstr}
    python scripts/translate.py           # only rewrite the catalogue in polib's wrapping

A convenience for developers adding a handful of strings; fuzzy flags on the
given msgids are cleared.  A pgettext entry's key is ``"context\x04msgid"``.
Run ``make messages`` afterwards to compile.
"""

import runpy
import sys
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def main(path: str | None) -> int:
    # makemessages wraps long lines as gettext does, polib otherwise: `make messages`
    # ends with a run without a file so that the catalogue always has one wrapping
    # and a merge sees only real changes.
    translations = runpy.run_path(path)["T"] if path else {}
    po = polib.pofile(str(CATALOGUE))
    for entry in po:
        # A pgettext entry is keyed "context\x04msgid", as gettext stores it.
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if key in translations:
            value = translations[key]
            if entry.msgid_plural:
                entry.msgstr_plural = {0: value}
            else:
                entry.msgstr = value
            if entry.fuzzy:
                entry.flags.remove("fuzzy")
            # A fuzzy match leaves its previous msgid behind; a plural one also its previous
            # plural, which alone is a syntax error for msgmerge.
            entry.previous_msgid = None
            entry.previous_msgid_plural = None
            entry.previous_msgctxt = None
    po.save()
    left = [e.msgid for e in po if not e.obsolete and (not e.translated() or e.fuzzy)]
    for msgid in left:
        print(f"untranslated: {msgid!r}")
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
