from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from giamngheo.units.services import SuccessionImportError, import_successions_file


class Command(BaseCommand):
    help = "Record unit successions from a CSV file with the columns code_old, code_new, date."

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)

    def handle(self, *args, csv_file, **options):
        if not csv_file.is_file():
            raise CommandError(f"{csv_file}: no such file.")
        try:
            report = import_successions_file(csv_file)
        except UnicodeDecodeError as error:
            raise CommandError(f"{csv_file}: not a UTF-8 CSV file.") from error
        except SuccessionImportError as error:
            raise CommandError("Nothing was imported.\n" + "\n".join(error.errors)) from error
        self.stdout.write(f"{report.successions} successions recorded.")
