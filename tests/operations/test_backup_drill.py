"""The backup drill (issue 14 §3): demo data and files backed up, everything wiped,
restored, and compared table by table and file by file. Runs on SQLite and, with
DATABASE_URL, on PostgreSQL (pg_dump / pg_restore for real)."""

import time
from importlib import import_module

import pytest
from django.apps import apps
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from giamngheo.demo.services import load_demo
from giamngheo.feedback.models import (
    AnswerTemplate,
    Feedback,
    FeedbackCategory,
    feedback_storage,
)
from giamngheo.feedback.seed import seed_categories
from giamngheo.feedback.services import submit_feedback
from giamngheo.feedback.uploads import clean_upload
from giamngheo.operations import archive, database
from giamngheo.portal.services import ensure_portal
from giamngheo.reports.models import GeneratedReport, report_storage
from giamngheo.reports.services import request_report
from tests.accounts.factories import UserFactory
from tests.conftest import ON_CURRENT_MAP, unit
from tests.feedback.files import phone_photo

add_default_bodies = import_module(
    "giamngheo.reports.migrations.0002_issuing_bodies"
).add_default_bodies

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# Every part of the demo but the two bulkiest (radio logs and plans: a minute and
# more to load on a busy CI machine, and only more rows of the same tables' kind):
# the portal's generated pictures and sounds, courses, households, feedback in
# every state, dialogues and contests.
DRILL_PARTS = [
    *("users", "training", "evaluation", "portal", "engagement", "contests"),
    *("activities", "network", "poverty", "feedback"),
]


@pytest.fixture
def roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.FEEDBACK_FILES_ROOT = tmp_path / "private" / "feedback"
    settings.REPORTS_FILES_ROOT = tmp_path / "private" / "reports"
    settings.BACKUP_DIR = tmp_path / "backups"
    return {
        "media": settings.MEDIA_ROOT,
        "feedback": settings.FEEDBACK_FILES_ROOT,
        "reports": settings.REPORTS_FILES_ROOT,
    }


def ensure_seed_rows() -> None:
    """Rows data migrations create, which an earlier transactional test's flush removed."""
    add_default_bodies(apps, None)
    seed_categories(FeedbackCategory, AnswerTemplate)


def load_site_with_files() -> None:
    """The demo, a citizen's photo and a generated annual report."""
    ensure_seed_rows()
    ensure_portal()
    load_demo(seed=7, parts=DRILL_PARTS, force=True)
    category = FeedbackCategory.objects.filter(is_active=True).first()
    submit_feedback(
        category=category,
        commune=unit("19942", ON_CURRENT_MAP),
        text="Đường vào thôn bị sạt lở, xin kiểm tra hộ nghèo bị ảnh hưởng.",
        consent=True,
        name="Nguyễn Thị Lan",
        phone="0912345678",
        attachments=[clean_upload(phone_photo())],
    )
    request_report(
        kind=GeneratedReport.Kind.ANNUAL,
        year=2023,
        unit=unit("46"),
        by=UserFactory(role="province_staff", unit=unit("46")),
        number="125/BC-BCĐ",
        signer_title="Phó Trưởng ban",
        signer_name="Nguyễn Văn An",
    )


def snapshot(roots) -> dict:
    return {
        "tables": database.row_counts(connection),
        **{name: archive.tree_checksums(root) for name, root in roots.items()},
    }


def test_a_backup_restored_on_an_empty_site_gives_back_every_row_and_file(hue_units, roots, capsys):
    loading = time.monotonic()
    load_site_with_files()
    before = snapshot(roots)
    assert all(before[name] for name in roots), "every file store has files to lose"
    assert before["tables"]["feedback_feedback"] > 1 and before["tables"]["wagtailimages_image"]

    started = time.monotonic()
    call_command("backup")
    backed_up = time.monotonic()
    (path,) = archive.archives_in(roots["media"].parent / "backups")

    # The disaster: the database and every file gone.
    database.wipe(connection)
    assert not database.has_tables(connection)
    for root in roots.values():
        archive.empty_folder(root)

    wiped = time.monotonic()
    with translation.override("en"):
        call_command("restore", str(path))
    restored = time.monotonic()

    assert snapshot(roots) == before
    out = capsys.readouterr().out
    assert "all equal to the manifest" in out
    # The restored site works: a citizen's photo opens, a new case gets the next number.
    case = Feedback.objects.filter(attachments__isnull=False).latest("pk")
    with feedback_storage().open(case.attachments.get().file.name) as photo:
        assert photo.read(3) == b"\xff\xd8\xff"
    again = submit_feedback(
        category=case.category,
        commune=case.commune,
        text="Phản ánh sau khi khôi phục.",
        consent=True,
    )
    assert again.pk > case.pk
    report = GeneratedReport.objects.get(number="125/BC-BCĐ")
    assert report_storage().exists(report.pdf.name)
    assert storages["default"].exists(next(iter(before["media"])))
    print(
        f"\ndrill on {connection.vendor}: demo {started - loading:.1f} s, "
        f"backup {backed_up - started:.1f} s, "
        f"restore {restored - wiped:.1f} s, archive {path.stat().st_size / 1e6:.1f} MB, "
        f"{len(before['tables'])} tables, {sum(before['tables'].values())} rows, "
        f"{sum(len(before[name]) for name in roots)} files"
    )
