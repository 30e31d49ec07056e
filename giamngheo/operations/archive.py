"""The backup archive: a gzipped tar with the database dump, the files and a manifest.

Layout::

    database/postgresql.dump   (pg_dump custom format)  or  database/sqlite3.db
    files/<root>/<path>        one folder per file root (media, feedback, reports)
    manifest.json              written last: every member's size and SHA-256,
                               the row count of every table, the applied migrations

Checksums are taken while each file is copied into the archive, so they describe
exactly the bytes stored even if the file changes meanwhile.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

FORMAT = 1
MANIFEST = "manifest.json"
PREFIX = "giamngheo-backup-"
SUFFIX = ".tar.gz"
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """The archive is unreadable, incomplete or altered; the message says which member."""


@dataclass
class Manifest:
    created_at: str
    database: dict
    roots: dict[str, dict]
    members: dict[str, dict] = field(default_factory=dict)  # path -> {"size", "sha256"}
    format: int = FORMAT

    def to_json(self) -> bytes:
        data = {
            "format": self.format,
            "created_at": self.created_at,
            "database": self.database,
            "roots": self.roots,
            "members": self.members,
        }
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            raise ArchiveError(f"manifest format {data.get('format')!r}, expected {FORMAT}")
        return cls(
            created_at=data["created_at"],
            database=data["database"],
            roots=data["roots"],
            members=data["members"],
        )

    def files_of(self, root: str) -> dict[str, str]:
        """Relative path → SHA-256 of every file of ``root`` in the archive."""
        prefix = f"files/{root}/"
        return {
            name.removeprefix(prefix): entry["sha256"]
            for name, entry in self.members.items()
            if name.startswith(prefix)
        }


class _HashingReader(io.RawIOBase):
    """Reads a file for tarfile while hashing exactly the bytes it hands over."""

    def __init__(self, handle) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self.handle.read(size)
        self.digest.update(chunk)
        return chunk


class ArchiveWriter:
    """Adds members to a new archive and records their checksums in the manifest."""

    def __init__(self, path: Path, manifest: Manifest) -> None:
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        self.manifest = manifest
        # Level 1: dumps are already compressed; a big gain in time, little in size.
        fd = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        self.tar = tarfile.open(  # noqa: SIM115 (closed by close() or abort())
            fileobj=os.fdopen(fd, "wb"), mode="w:gz", compresslevel=1
        )

    def add_file(self, source: Path, name: str) -> None:
        with open(source, "rb") as handle:
            info = self.tar.gettarinfo(fileobj=handle, arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            reader = _HashingReader(handle)
            self.tar.addfile(info, reader)
        self.manifest.members[name] = {"size": info.size, "sha256": reader.digest.hexdigest()}

    def add_tree(self, root: Path, name: str) -> int:
        """Every regular file under ``root`` (sorted, symbolic links skipped); their count."""
        count = 0
        for path in sorted(walk_files(root)):
            self.add_file(root / path, f"files/{name}/{path}")
            count += 1
        return count

    def close(self) -> Path:
        raw = self.manifest.to_json()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(raw)
        info.mode = 0o600
        self.tar.addfile(info, io.BytesIO(raw))
        fileobj = self.tar.fileobj
        self.tar.close()
        fileobj.close()
        os.replace(self.partial, self.path)  # a complete archive or none
        return self.path

    def abort(self) -> None:
        fileobj = self.tar.fileobj
        self.tar.close()
        fileobj.close()
        self.partial.unlink(missing_ok=True)


def walk_files(root: Path) -> Iterator[str]:
    """POSIX paths, relative to ``root``, of its regular files."""
    if not root.is_dir():
        return
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def tree_checksums(root: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file under ``root``."""
    return {path: file_sha256(root / path) for path in walk_files(root)}


def read_manifest(path: Path) -> Manifest:
    try:
        with tarfile.open(path, "r:gz") as tar:
            member = tar.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            return Manifest.from_json(member.read())
    except KeyError as error:
        raise ArchiveError(f"{path.name}: no {MANIFEST}; not a complete backup") from error
    except (tarfile.TarError, OSError, EOFError, ValueError) as error:
        raise ArchiveError(f"{path.name}: unreadable ({error})") from error


def verify(path: Path, manifest: Manifest) -> None:
    """Read every member once and compare it with the manifest; raise on any difference."""
    seen: set[str] = set()
    try:
        with tarfile.open(path, "r:gz") as tar:
            for info in tar:
                if info.name == MANIFEST:
                    continue
                safe_relative(info.name)
                expected = manifest.members.get(info.name)
                if expected is None or not info.isfile():
                    raise ArchiveError(f"{info.name}: in the archive but not in its manifest")
                digest = hashlib.sha256()
                handle = tar.extractfile(info)
                assert handle is not None  # a regular file, checked above
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
                if digest.hexdigest() != expected["sha256"]:
                    raise ArchiveError(f"{info.name}: checksum differs from the manifest")
                seen.add(info.name)
    except (tarfile.TarError, OSError, EOFError) as error:
        raise ArchiveError(f"{path.name}: unreadable ({error})") from error
    missing = sorted(set(manifest.members) - seen)
    if missing:
        raise ArchiveError(f"{missing[0]}: in the manifest but missing from the archive")


def extract(path: Path, *, prefix: str, target: Path) -> int:
    """Extract the members under ``prefix`` into ``target``; their count.

    Member names are checked (no absolute paths, no ``..``), and the "data"
    filter refuses links and special files: an altered archive cannot write
    outside ``target``.
    """
    count = 0
    with tarfile.open(path, "r:gz") as tar:
        for info in tar:
            if not info.name.startswith(prefix):
                continue
            relative = safe_relative(info.name.removeprefix(prefix))
            info.name = relative.as_posix()
            tar.extract(info, target, filter="data")
            count += 1
    return count


def safe_relative(name: str) -> PurePosixPath:
    """``name`` as a relative path that stays inside its folder, or ArchiveError."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts:
        raise ArchiveError(f"{name}: unsafe path")
    return path


def empty_folder(root: Path) -> None:
    """Remove what ``root`` holds, keeping the folder itself (it may be a mount point)."""
    if not root.is_dir():
        return
    for entry in root.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def archives_in(folder: Path) -> list[Path]:
    """The complete archives in ``folder``, oldest first (their names sort by date)."""
    return sorted(
        p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p.is_file() and not p.is_symlink()
    )
