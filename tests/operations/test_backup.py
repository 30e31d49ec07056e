"""Backup and restore on a small site: refusals, tampering, rotation (issue 14 §3)."""

import datetime
import gzip
import io
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from giamngheo.accounts.models import User
from giamngheo.operations import archive
from giamngheo.operations.services import back_up
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(settings, tmp_path, wagtail_tree):
    """A user, a photo in the media folder and a feedback attachment."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.FEEDBACK_FILES_ROOT = tmp_path / "feedback"
    settings.REPORTS_FILES_ROOT = tmp_path / "reports"
    settings.BACKUP_DIR = tmp_path / "backups"
    (settings.MEDIA_ROOT / "images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "images" / "cau-moi.jpg").write_bytes(b"\xff\xd8\xff photo")
    (settings.FEEDBACK_FILES_ROOT / "2026" / "12").mkdir(parents=True)
    (settings.FEEDBACK_FILES_ROOT / "2026" / "12" / "a1.pdf").write_bytes(b"%PDF-1.4 thu")
    UserFactory(username="lan")
    return settings


def english(*args):
    with translation.override("en"):
        call_command(*args)


def test_restore_over_a_live_site_is_refused_without_replace_and_changes_nothing(site):
    path = back_up(into=site.BACKUP_DIR).path
    UserFactory(username="hung")  # written after the backup
    with pytest.raises(CommandError, match="not empty: database, media, feedback"):
        english("restore", str(path))
    assert User.objects.filter(username="hung").exists()

    english("restore", "--replace", str(path))
    assert not User.objects.filter(username="hung").exists()
    assert User.objects.filter(username="lan").exists()
    assert (site.MEDIA_ROOT / "images" / "cau-moi.jpg").read_bytes() == b"\xff\xd8\xff photo"


def rewrite(path, change):
    """Rewrite the archive; ``change(info, data)`` returns the new bytes, may rename."""
    with tarfile.open(path, "r:gz") as tar:
        members = [(info, tar.extractfile(info).read()) for info in tar]
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for info, data in members:
            data = change(info, data)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    path.write_bytes(gzip.compress(buffer.getvalue()))


def test_an_altered_archive_is_refused_before_anything_is_touched(site):
    path = back_up(into=site.BACKUP_DIR).path
    rewrite(path, lambda info, data: b"%PDF sua" if info.name.endswith("a1.pdf") else data)
    UserFactory(username="hung")
    with pytest.raises(CommandError, match=r"feedback/2026/12/a1\.pdf: checksum differs"):
        english("restore", "--replace", str(path))
    with pytest.raises(CommandError, match="checksum differs"):
        english("restore", "--verify-only", str(path))
    assert User.objects.filter(username="hung").exists()  # the database is untouched
    assert (site.FEEDBACK_FILES_ROOT / "2026" / "12" / "a1.pdf").exists()


def test_an_archive_with_a_path_outside_its_folder_is_refused_before_anything_is_touched(
    site, tmp_path
):
    path = back_up(into=site.BACKUP_DIR).path
    manifest = archive.read_manifest(path)
    photo, evil = "files/media/images/cau-moi.jpg", "files/media/../../escaped.txt"
    manifest.members[evil] = manifest.members.pop(photo)

    def change(info, data):
        if info.name == photo:
            info.name = evil
        return manifest.to_json() if info.name == archive.MANIFEST else data

    rewrite(path, change)
    UserFactory(username="hung")
    with pytest.raises(CommandError, match="unsafe path"):
        english("restore", "--replace", str(path))
    assert not (tmp_path / "escaped.txt").exists()
    assert User.objects.filter(username="hung").exists()


def test_rotation_keeps_the_newest_archives(site):
    start = datetime.datetime(2026, 12, 1, 1, 30, tzinfo=datetime.UTC)
    for day in range(4):
        result = back_up(into=site.BACKUP_DIR, keep=2, now=start + datetime.timedelta(days=day))
    assert [p.name for p in archive.archives_in(site.BACKUP_DIR)] == [
        "giamngheo-backup-20261203-013000.tar.gz",
        "giamngheo-backup-20261204-013000.tar.gz",
    ]
    assert [p.name for p in result.removed] == ["giamngheo-backup-20261202-013000.tar.gz"]
    assert oct(result.path.stat().st_mode & 0o777) == "0o600"  # personal data inside
    with pytest.raises(CommandError, match="--keep"):
        english("backup", "--keep", "0")


def test_a_store_on_object_storage_is_named_as_not_in_the_archive_and_left_alone(site, capsys):
    local = site.STORAGES
    site.STORAGES = {**local, "reports": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    english("backup")
    err = capsys.readouterr().err
    assert "reports: kept in InMemoryStorage, not on this disk" in err
    (path,) = archive.archives_in(site.BACKUP_DIR)
    assert archive.read_manifest(path).roots["reports"] == {
        "storage": "InMemoryStorage",
        "on_disk": False,
    }
    # Restored where that store is a folder again: the archive has nothing for it,
    # so the folder is not emptied.
    site.STORAGES = local
    (site.REPORTS_FILES_ROOT / "2026").mkdir(parents=True)
    (site.REPORTS_FILES_ROOT / "2026" / "bao-cao.pdf").write_bytes(b"%PDF-1.7")
    english("restore", "--replace", str(path))
    assert (site.REPORTS_FILES_ROOT / "2026" / "bao-cao.pdf").exists()
