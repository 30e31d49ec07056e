"""Every screen in Vietnamese: no project or Wagtail admin msgid left untranslated."""

import re
import shutil
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)
sys.path.insert(0, str(ROOT / "scripts"))
import upstream_catalog  # noqa: E402
import wagtail_overrides_doc  # noqa: E402


def test_every_wagtail_and_django_admin_msgid_has_a_vietnamese_translation():
    missing = {
        domain: [e.msgid for e in upstream_catalog.missing_entries(domain)]
        for domain in upstream_catalog.DOMAINS
    }
    assert missing == {"django": [], "djangojs": []}


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (xgettext)")
def test_every_project_msgid_has_a_vietnamese_translation(tmp_path, settings, monkeypatch):
    # Extract the msgids from the code as `make messages` does, into a copy of
    # the catalogue, so a string added without its translation fails here.
    # makemessages writes to the `locale` directory nearest each source file, so
    # it runs in a scratch tree that links to the code and holds only the copy:
    # the real catalogue is never touched.
    work = tmp_path / "tree"
    catalogue = work / "locale" / "vi" / "LC_MESSAGES"
    catalogue.mkdir(parents=True)
    shutil.copy(ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po", catalogue)
    (work / "giamngheo").symlink_to(ROOT / "giamngheo", target_is_directory=True)
    settings.LOCALE_PATHS = [work / "locale"]
    monkeypatch.chdir(work)
    call_command(
        "makemessages",
        locale=["vi"],
        verbosity=0,
        no_obsolete=True,
        symlinks=True,
        ignore_patterns=["giamngheo/static/vendor/*"],
    )
    po = polib.pofile(str(catalogue / "django.po"))
    untranslated = [e.msgid for e in po if not e.obsolete and (not e.translated() or e.fuzzy)]
    assert untranslated == []


def test_compiled_catalogues_are_up_to_date():
    for po_path in (ROOT / "locale").rglob("*.po"):
        mo_path = po_path.with_suffix(".mo")
        assert mo_path.exists(), f"{mo_path} missing: run `make messages`"
        compiled = {(e.msgctxt, e.msgid) for e in polib.mofile(str(mo_path)) if e.msgid}
        source = {(e.msgctxt, e.msgid) for e in polib.pofile(str(po_path)).translated_entries()}
        assert source <= compiled, f"{mo_path} is older than {po_path.name}: run `make messages`"


def test_a_project_msgid_without_context_reads_on_wagtails_screens_as_wagtail_means_it():
    # The project catalogue comes first in LOCALE_PATHS, so a project msgid that is
    # also Wagtail's or Django's replaces their translation on their own screens.
    # Such a shared msgid is allowed only when both mean the same thing and read the
    # same; a project meaning of its own takes a pgettext context ("legal document",
    # "feedback case status"...).  Where the project's word is simply the better one
    # for both, the upstream catalogue carries it too (docs/translations/wagtail-overrides.md).
    upstream: dict = {}
    for domain in upstream_catalog.DOMAINS:
        effective = upstream_catalog.effective_translations(domain)
        for entry in upstream_catalog.source_entries(domain):
            if entry.msgctxt is None:
                upstream.setdefault(entry.msgid, effective.get((None, entry.msgid)))
    project = polib.pofile(str(ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"))
    leaks = {
        e.msgid: (e.msgstr or e.msgstr_plural.get(0), upstream[e.msgid])
        for e in project
        if not e.obsolete and e.msgctxt is None and e.msgid in upstream
        if (e.msgstr or e.msgstr_plural.get(0)) != upstream[e.msgid]
    }
    assert leaks == {}


# --- One term per concept (issue 17, §3) -------------------------------------------
# Every English term on the left, wherever a msgid uses it, is rendered with one of
# the Vietnamese words on the right.  Placeholders are left out before matching, and
# "workflow task" counts as a task.
GLOSSARY = {
    r"workflows?": ["quy trình duyệt"],
    r"moderation": ["duyệt"],
    r"tasks?": ["bước duyệt"],
    # "unpublished changes" are changes not yet published.
    r"unpublish(es|ed|ing)?": ["ngừng xuất bản", "chưa xuất bản"],
    # xuất bản for content, công bố for results, công khai for answers.
    r"publish(es|ed|ing)?": ["xuất bản", "công bố", "công khai"],
    # tài liệu is an uploaded file, văn bản a legal document.
    r"documents?": ["tài liệu", "văn bản"],
    r"sites?": ["trang thông tin điện tử", "trang web"],
    r"locales?": ["ngôn ngữ"],
    r"collections?": ["bộ sưu tập"],
    r"snippets?": ["đoạn nội dung"],
    r"dashboards?": ["trang tổng quan"],
    r"privacy": ["chế độ truy cập"],
    r"feedback": ["phản ánh"],
    r"communes?": ["xã"],
    r"alias(es)?": ["bản sao đồng bộ"],
    r"help text": ["nội dung hướng dẫn"],
    r"submissions?": ["lượt gửi"],
}
# Renderings the glossary replaced, which must not come back.
RETIRED = ["kiểm duyệt", "luồng công việc", "vùng miền", "bảng điều khiển", "quyền riêng tư"]
# A listed English word in another sense: (term, msgid) -> why.
GLOSSARY_EXCEPTIONS = {
    ("tasks?", "functions and tasks"): "a unit's duties (chức năng, nhiệm vụ)",
    ("tasks?", "Functions and tasks"): "a unit's duties (chức năng, nhiệm vụ)",
    ("submissions?", "Submission date"): 'a date column: "Ngày gửi"',
}
RETIRED_EXCEPTIONS = {
    # Django's CSRF page speaks of a person's privacy, not a page's.
    'If you are using the <meta name="referrer" content="no-referrer"> tag',
}
PLACEHOLDER = re.compile(r"%\([^)]*\)[sdif]|\{[^}]*\}")

# The new tone-mark style (mark on the second vowel of a final oa/oe/uy) against the
# old one the state's document templates use: hoà/hòa, xoá/xóa, huỷ/hủy, tuỳ/tùy.
NEW_STYLE_TONE = re.compile(
    r"(?<![qQ])(?:[oO][àáảãạ]|[oO][èéẻẽẹ]|[uU][ỳýỷỹỵ]|OÀ|OÁ|OẢ|OÃ|OẠ|UỲ|UÝ|UỶ|UỸ|UỴ)(?![^\W\d_])"
)


def _shown_translations() -> list[tuple[str, str]]:
    """(msgid, msgstr) of every string the project and the admin show in Vietnamese."""
    pairs = [
        (e.msgid, e.msgstr or e.msgstr_plural.get(0, ""))
        for e in polib.pofile(str(ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"))
        if not e.obsolete and e.translated()
    ]
    for domain in upstream_catalog.DOMAINS:
        effective = upstream_catalog.effective_translations(domain)
        used = {(e.msgctxt, e.msgid) for e in upstream_catalog.source_entries(domain)}
        pairs += [(key[1], msgstr) for key, msgstr in effective.items() if key in used]
    return pairs


def test_every_listed_english_term_has_its_one_vietnamese_rendering():
    wrong = []
    for msgid, msgstr in _shown_translations():
        text, lower = PLACEHOLDER.sub("", msgid), msgstr.lower()
        if not any(msgid.startswith(prefix) for prefix in RETIRED_EXCEPTIONS):
            wrong += [(f"retired: {word}", msgid) for word in RETIRED if word in lower]
        if re.search(r"(?<![\w-])workflow tasks?(?![\w-])", text, re.I):
            if "bước duyệt" not in lower:
                wrong.append(("workflow task", msgid))
            text = re.sub(r"(?i)workflow tasks?", "", text)
        for term, renderings in GLOSSARY.items():
            if (term, msgid) in GLOSSARY_EXCEPTIONS or any(
                msgid.startswith(prefix) for prefix in RETIRED_EXCEPTIONS
            ):
                continue
            if re.search(rf"(?<![\w-]){term}(?![\w-])", text, re.I) and not any(
                r in lower for r in renderings
            ):
                wrong.append((term, msgid))
    assert wrong == []


def test_every_translation_uses_the_old_tone_mark_style():
    mixed = [msgstr for _, msgstr in _shown_translations() if NEW_STYLE_TONE.search(msgstr)]
    assert mixed == []


def test_the_list_of_overridden_wagtail_translations_is_up_to_date():
    # Wagtail's translators get this page: it must list every override.
    page = ROOT / "docs" / "translations" / "wagtail-overrides.md"
    assert page.read_text() == wagtail_overrides_doc.render(), (
        "run `python scripts/wagtail_overrides_doc.py`"
    )
