"""Every screen in Vietnamese: no project or Wagtail admin msgid left untranslated."""

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
