from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from giamngheo.units.services import SuccessionImportError, import_successions_file


class Command(BaseCommand):
    help = "Record unit successions from a CSV file with the columns code_old, code_new, date."

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)

    def handle(self, *args, csv_file, **options):
        if not csv_file.is_file():
            raise CommandError(_("%(file)s: no such file.") % {"file": csv_file})
        try:
            report = import_successions_file(csv_file)
        except UnicodeDecodeError as error:
            raise CommandError(
                _("%(file)s: not a CSV file in UTF-8.") % {"file": csv_file}
            ) from error
        except SuccessionImportError as error:
            raise CommandError("\n".join([_("Nothing was recorded."), *error.errors])) from error
        self.stdout.write(_("%(count)d successions recorded.") % {"count": report.successions})
