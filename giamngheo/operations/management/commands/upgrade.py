"""One command for an upgrade once the new code is in place (docs/backup.md)."""

import shlex
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from giamngheo.operations import services
from giamngheo.operations.archive import ArchiveError
from giamngheo.operations.database import DatabaseError
from giamngheo.operations.startup import unapplied_migrations
from giamngheo.units.divisions import province_code
from giamngheo.units.services import import_units


class Command(BaseCommand):
    help = (
        "Upgrade this site to the code now installed: back up, migrate, collect static "
        "files, import the administrative units, restart. --dry-run only says what it would do."
    )
    requires_system_checks: list[str] = []  # the database is older than the code

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Change nothing; show the plan.")
        parser.add_argument(
            "--backup-into", type=Path, default=None, help="Default: BACKUP_DIR (var/backups)."
        )
        parser.add_argument("--keep", type=int, default=None, help="Backups to keep (rotation).")
        parser.add_argument(
            "--skip-backup", action="store_true", help="Only when a backup was just taken."
        )
        parser.add_argument(
            "--no-maintenance",
            action="store_true",
            help="Keep the site open meanwhile (default: MAINTENANCE_FILE shows the "
            "maintenance page from the backup to the restart).",
        )

    def handle(self, *args, dry_run, backup_into, keep, skip_backup, no_maintenance, **options):
        self.dry_run = dry_run
        folder = backup_into or Path(settings.BACKUP_DIR)
        if keep is not None and keep < 1:
            raise CommandError(_("--keep: keep at least one archive."))
        keep = keep or settings.BACKUP_KEEP or None
        missing = unapplied_migrations()
        flag = None if no_maintenance else Path(settings.MAINTENANCE_FILE)
        if dry_run:
            self.stdout.write(_("Dry run: nothing will be changed."))
        self.step(0, _("Show the maintenance page"), lambda: self.maintenance(flag, on=True))
        self.step(1, _("Back up"), lambda: self.back_up(folder, keep, skip_backup))
        self.step(2, _("Apply migrations"), lambda: self.migrate(missing))
        self.step(3, _("Collect static files"), self.collect_static)
        self.step(4, _("Import administrative units"), lambda: self.import_units(missing))
        self.step(5, _("Restart the app servers and the worker"), self.restart)
        self.step(6, _("Open the site again"), lambda: self.maintenance(flag, on=False))
        self.stdout.write(_("Dry run finished.") if dry_run else _("Upgrade finished."))

    def step(self, number: int, title: str, action) -> None:
        self.stdout.write(f"{number}. {title}")
        try:
            action()
        except (CommandError, ArchiveError, DatabaseError, OSError) as error:
            message = _("Step %(number)d (%(title)s) failed: %(error)s") % {
                "number": number,
                "title": title,
                "error": error,
            }
            if not self.dry_run and Path(settings.MAINTENANCE_FILE).exists():
                # Left on: the site must not serve a half-upgraded database.
                message += " " + _(
                    "The maintenance page stays up; delete %(file)s once the site works."
                ) % {"file": settings.MAINTENANCE_FILE}
            raise CommandError(message) from error

    def say(self, text: str) -> None:
        self.stdout.write(f"   {text}")

    def maintenance(self, flag: Path | None, *, on: bool) -> None:
        """The reference nginx site answers 503 with its maintenance page while ``flag`` exists."""
        if flag is None:
            self.say(_("skipped (--no-maintenance)"))
        elif self.dry_run:
            self.say(
                (_("would create %(file)s") if on else _("would delete %(file)s")) % {"file": flag}
            )
        elif on:
            flag.parent.mkdir(parents=True, exist_ok=True)
            flag.touch()
            self.say(_("created %(file)s") % {"file": flag})
        else:
            flag.unlink(missing_ok=True)
            self.say(_("deleted %(file)s") % {"file": flag})

    def back_up(self, folder: Path, keep, skip: bool) -> None:
        if skip:
            self.say(_("skipped (--skip-backup)"))
        elif self.dry_run:
            self.say(_("would write an archive into %(folder)s") % {"folder": folder})
        else:
            result = services.back_up(into=folder, keep=keep)
            self.say(_("written: %(path)s") % {"path": result.path})
            self.say(
                _("if the upgrade fails: manage.py restore --replace %(path)s")
                % {"path": result.path}
            )

    def migrate(self, missing: list[str]) -> None:
        if not missing:
            self.say(_("none to apply"))
            return
        if self.dry_run:
            self.say(_("would apply %(count)d:") % {"count": len(missing)})
            for name in missing:
                self.say(f"  {name}")
            return
        call_command("migrate", interactive=False, verbosity=0)
        self.say(_("applied %(count)d") % {"count": len(missing)})

    def collect_static(self) -> None:
        if self.dry_run:
            self.say(
                _("would copy new static files into %(root)s") % {"root": settings.STATIC_ROOT}
            )
            return
        call_command("collectstatic", interactive=False, verbosity=0)
        self.say(_("done"))

    def import_units(self, missing: list[str]) -> None:
        code = province_code(str(settings.PROVINCE_CODE))
        if self.dry_run and missing:
            self.say(_("would import province %(code)s after the migrations") % {"code": code})
            return
        with transaction.atomic():
            report = import_units(province_code=code)
            # A dry run imports for real, then rolls back: its summary is the true one.
            transaction.set_rollback(self.dry_run)
        summary = report.summary() if not report.is_empty else _("nothing to do")
        self.say(
            (_("would change: %(summary)s") if self.dry_run else "%(summary)s")
            % {"summary": summary}
        )

    def restart(self) -> None:
        command = settings.UPGRADE_RESTART_COMMAND
        if not command:
            self.say(_("UPGRADE_RESTART_COMMAND is not set: restart them yourself now."))
            return
        if self.dry_run:
            self.say(_("would run: %(command)s") % {"command": command})
            return
        result = subprocess.run(shlex.split(command), capture_output=True, text=True)
        if result.returncode != 0:
            raise CommandError(f"{command}: {result.stderr.strip() or result.returncode}")
        self.say(_("ran: %(command)s") % {"command": command})
