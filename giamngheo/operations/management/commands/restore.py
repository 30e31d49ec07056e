from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from giamngheo.operations import archive
from giamngheo.operations.archive import ArchiveError
from giamngheo.operations.database import DatabaseError
from giamngheo.operations.services import RestoreRefused, restore


class Command(BaseCommand):
    help = (
        "Restore a backup archive: check every checksum, put the database and the files "
        "back, then compare row counts and files with the manifest (docs/backup.md)."
    )
    # The database may be empty or older than the code: no check may stop it.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Drop the current database and empty the file folders first.",
        )
        parser.add_argument(
            "--verify-only",
            action="store_true",
            help="Only check the archive against its manifest; change nothing.",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, archive: Path, replace, verify_only, database, **options):
        path = archive
        if not path.is_file():
            raise CommandError(_("%(path)s: no such archive.") % {"path": path})
        try:
            if verify_only:
                self._verify(path)
                return
            result = restore(path=path, replace=replace, using=database)
        except RestoreRefused as error:
            raise CommandError(_("Restore refused: %(error)s") % {"error": error}) from error
        except (ArchiveError, DatabaseError, OSError) as error:
            raise CommandError(_("Restore failed: %(error)s") % {"error": error}) from error
        self.stdout.write(
            _(
                "Restored the backup of %(date)s: %(tables)d tables, %(rows)d rows and "
                "%(files)d files, all equal to the manifest."
            )
            % {
                "date": result.manifest.created_at,
                "tables": result.tables,
                "rows": result.rows,
                "files": result.files,
            }
        )

    def _verify(self, path: Path) -> None:
        manifest = archive.read_manifest(path)
        archive.verify(path, manifest)
        self.stdout.write(
            _("%(path)s: %(members)d members, every checksum equal to the manifest.")
            % {"path": path, "members": len(manifest.members)}
        )
