"""Back up everything that is not code, restore it, and keep a few archives.

What "everything" is: the database, and the folders of every file store kept
on this machine (uploaded media, private feedback attachments, generated
reports). A store on S3-compatible storage is not on this disk: the manifest
says so, and docs/backup.md tells how to keep its objects.
"""

from __future__ import annotations

import datetime
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import DEFAULT_DB_ALIAS, connections

from giamngheo.feedback.models import feedback_storage
from giamngheo.reports.models import report_storage

from . import archive, database
from .archive import ArchiveError, Manifest


def file_roots() -> dict[str, Storage]:
    """Name in the archive → storage, for every store of uploaded or generated files."""
    return {
        "media": storages["default"],
        "feedback": feedback_storage(),
        "reports": report_storage(),
    }


def local_roots() -> dict[str, Path]:
    """The stores that are folders on this machine, by name."""
    return {
        name: Path(storage.location)
        for name, storage in file_roots().items()
        if isinstance(storage, FileSystemStorage)
    }


@dataclass
class BackupResult:
    path: Path
    manifest: Manifest
    removed: list[Path]

    @property
    def file_count(self) -> int:
        return sum(1 for name in self.manifest.members if name.startswith("files/"))


def back_up(
    *,
    into: Path,
    keep: int | None = None,
    using: str = DEFAULT_DB_ALIAS,
    now: datetime.datetime | None = None,
) -> BackupResult:
    """Write a dated archive into ``into``; with ``keep``, delete all but the newest ``keep``."""
    if keep is not None and keep < 1:
        raise ValueError("keep must be at least 1")
    connection = connections[using]
    vendor = database.engine(connection)
    now = now or datetime.datetime.now(datetime.UTC)
    into.mkdir(parents=True, exist_ok=True)
    path = into / f"{archive.PREFIX}{now:%Y%m%d-%H%M%S}{archive.SUFFIX}"
    if path.exists():
        raise ArchiveError(f"{path.name} already exists")
    roots = {
        name: {"path": str(storage.location), "on_disk": True}
        if isinstance(storage, FileSystemStorage)
        else {"storage": type(storage).__name__, "on_disk": False}
        for name, storage in file_roots().items()
    }
    manifest = Manifest(
        created_at=now.isoformat(timespec="seconds"),
        database={"engine": vendor, "member": database.dump_name(vendor)},
        roots=roots,
    )
    writer = archive.ArchiveWriter(path, manifest)
    try:
        with tempfile.TemporaryDirectory(dir=into, prefix=".backup-") as work:
            dump_path = Path(work) / "database"
            manifest.database["tables"] = database.dump(connection, dump_path)
            manifest.database["migrations"] = database.applied_migrations(connection)
            writer.add_file(dump_path, database.dump_name(vendor))
        for name, root in local_roots().items():
            roots[name]["files"] = writer.add_tree(root, name)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    return BackupResult(path=path, manifest=manifest, removed=rotate(into, keep) if keep else [])


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest archives of ``folder``; the ones deleted."""
    old = archive.archives_in(folder)[:-keep]
    for path in old:
        path.unlink()
    return old


@dataclass
class RestoreResult:
    manifest: Manifest
    tables: int
    rows: int
    files: int


def backed_up_roots(manifest: Manifest) -> dict[str, Path]:
    """The local folders whose files the archive holds (a store that was on S3 is not one)."""
    return {
        name: root
        for name, root in local_roots().items()
        if manifest.roots.get(name, {}).get("on_disk")
    }


class RestoreRefused(Exception):
    """The target is not empty and replacing it was not asked for."""


def restore(*, path: Path, replace: bool = False, using: str = DEFAULT_DB_ALIAS) -> RestoreResult:
    """Check the archive, put its database and files back, then check what was restored.

    Nothing is touched until every member's checksum matches the manifest. Without
    ``replace``, a database with tables or a non-empty file folder is refused.
    """
    manifest = archive.read_manifest(path)
    archive.verify(path, manifest)
    connection = connections[using]
    vendor = database.engine(connection)
    if manifest.database["engine"] != vendor:
        raise RestoreRefused(
            f"the archive holds a {manifest.database['engine']} database, this site uses {vendor}"
        )
    roots = backed_up_roots(manifest)
    if not replace:
        busy = [name for name, root in roots.items() if any(archive.walk_files(root))]
        if database.has_tables(connection):
            busy.insert(0, "database")
        if busy:
            raise RestoreRefused(
                f"not empty: {', '.join(busy)}; restore with --replace to overwrite them"
            )
    with tempfile.TemporaryDirectory(prefix="giamngheo-restore-") as work:
        archive.extract(path, prefix="database/", target=Path(work))
        dump_path = Path(work) / database.dump_name(vendor).removeprefix("database/")
        if vendor == "postgresql" and database.has_tables(connection):
            database.wipe(connection)
        database.restore(connection, dump_path)
    files = 0
    for name, root in roots.items():
        root.mkdir(parents=True, exist_ok=True)
        archive.empty_folder(root)
        files += archive.extract(path, prefix=f"files/{name}/", target=root)
    check_restored(manifest, using=using)
    tables = manifest.database["tables"]
    return RestoreResult(
        manifest=manifest, tables=len(tables), rows=sum(tables.values()), files=files
    )


def check_restored(manifest: Manifest, *, using: str = DEFAULT_DB_ALIAS) -> None:
    """Compare the restored row counts and files with the manifest; raise on a difference."""
    counts = database.row_counts(connections[using])
    for table, expected in manifest.database["tables"].items():
        if counts.get(table) != expected:
            raise ArchiveError(
                f"table {table}: {counts.get(table)} rows after restore, {expected} backed up"
            )
    for name, root in backed_up_roots(manifest).items():
        expected_files = manifest.files_of(name)
        if archive.tree_checksums(root) != expected_files:
            raise ArchiveError(f"{name}: the restored files differ from the manifest")
