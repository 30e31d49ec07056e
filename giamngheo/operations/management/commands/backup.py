from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from giamngheo.operations.archive import ArchiveError
from giamngheo.operations.database import DatabaseError
from giamngheo.operations.services import back_up


class Command(BaseCommand):
    help = (
        "Back up the database, uploaded media, feedback attachments and generated reports "
        "into one dated archive with a manifest of checksums (docs/backup.md)."
    )
    # It runs before `migrate` in an upgrade: no check may stop it.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--into",
            type=Path,
            default=None,
            help="Folder for the archive (default: BACKUP_DIR, var/backups).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=None,
            help="Then delete all but the newest KEEP archives of that folder "
            "(default: BACKUP_KEEP; 0 keeps them all).",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, into, keep, database, **options):
        if keep is not None and keep < 1:
            raise CommandError(_("--keep: keep at least one archive."))
        keep = keep or settings.BACKUP_KEEP or None
        folder = into or Path(settings.BACKUP_DIR)
        try:
            result = back_up(into=folder, keep=keep, using=database)
        except (ArchiveError, DatabaseError, OSError) as error:
            raise CommandError(_("Backup failed: %(error)s") % {"error": error}) from error
        tables = result.manifest.database["tables"]
        self.stdout.write(
            _("Backup written: %(path)s (%(tables)d tables, %(rows)d rows, %(files)d files).")
            % {
                "path": result.path,
                "tables": len(tables),
                "rows": sum(tables.values()),
                "files": result.file_count,
            }
        )
        for name, root in result.manifest.roots.items():
            if not root["on_disk"]:
                self.stderr.write(
                    _("%(name)s: kept in %(storage)s, not on this disk; back it up there.")
                    % {"name": name, "storage": root["storage"]}
                )
        for path in result.removed:
            self.stdout.write(_("Old backup deleted: %(path)s") % {"path": path})
