"""Write docs/translations/wagtail-overrides.md from the project's upstream catalogue.

    python scripts/wagtail_overrides_doc.py

Lists every entry of ``locale/upstream/vi`` that replaces a translation Wagtail or
Django ships (a translator comment ``override: why`` says why), grouped by the
package whose catalogue holds it, so the corrections can be offered back upstream.
"""

from __future__ import annotations

import polib
import upstream_catalog as uc

OUT = uc.ROOT / "docs" / "translations" / "wagtail-overrides.md"

HEADER = """# Wagtail's and Django's Vietnamese: the entries the project overrides

The admin shows Wagtail's and Django's own Vietnamese where they have one. A review
of those translations (issue 17) found wrong meanings, typos, placeholders glued to
the next word and terms that differ from the ones Vietnamese state documents use.
The project replaces them in `locale/upstream/vi/LC_MESSAGES/` (that folder comes
before the packages in `LOCALE_PATHS`); each replacement carries a translator
comment `override: why`. This page is generated from those comments by
`scripts/wagtail_overrides_doc.py`, to be offered to Wagtail's and Django's
translators (Transifex teams `wagtail` and `django`, language `vi`).

Terms used (the project's glossary, checked by `tests/test_translations.py`):
workflow → quy trình duyệt, moderation → duyệt / gửi duyệt, task → bước duyệt,
publish / unpublish → xuất bản / ngừng xuất bản, document → tài liệu, site → trang web,
locale → ngôn ngữ, collection → bộ sưu tập, snippet → đoạn nội dung, dashboard →
trang tổng quan, privacy → chế độ truy cập, alias → bản sao đồng bộ, submission →
lượt gửi, help text → nội dung hướng dẫn; tone marks in the old style (hòa, hủy, xóa).

The msgids Wagtail's Vietnamese catalogue lacks are translated in the same folder
(see `scripts/upstream_catalog.py`); they are not listed here.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render() -> str:
    """The page's Markdown."""
    sections: dict[str, list[str]] = {}
    for domain in uc.DOMAINS:
        shipped: dict[tuple[str | None, str], tuple[str, str]] = {}
        for folder in uc.catalogue_dirs():
            path = folder / "locale" / "vi" / "LC_MESSAGES" / f"{domain}.po"
            if not path.exists():
                continue
            package = folder.as_posix().split("site-packages/")[-1].replace("/", ".")
            for entry in polib.pofile(str(path)).translated_entries():
                msgstr = entry.msgstr or entry.msgstr_plural.get(0, "")
                shipped.setdefault((entry.msgctxt, entry.msgid), (package, msgstr))
        ours = polib.pofile(str(uc.PROJECT_UPSTREAM_CATALOGUE / f"{domain}.po"))
        for entry in ours:
            key = (entry.msgctxt, entry.msgid)
            if key not in shipped or not entry.tcomment.startswith("override:"):
                continue
            package, before = shipped[key]
            after = entry.msgstr or entry.msgstr_plural.get(0, "")
            if before == after:
                continue
            why = entry.tcomment.removeprefix("override:").strip()
            msgid = f"{entry.msgctxt} · {entry.msgid}" if entry.msgctxt else entry.msgid
            row = f"| {_cell(msgid)} | {_cell(before)} | {_cell(after)} | {_cell(why)} |"
            sections.setdefault(f"{package} ({domain})", []).append(row)
    lines = [HEADER]
    for title in sorted(sections):
        lines += [f"## {title}", "", "| msgid | shipped | project | why |", "|---|---|---|---|"]
        lines += sections[title] + [""]
    return "\n".join(lines)


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(render())
    print(f"written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
