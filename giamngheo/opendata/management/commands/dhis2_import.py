"""Import a DHIS2 data value set (JSON) the province received: all values or none."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from giamngheo.opendata.services import DataValueSetError, receive_data_value_set


class Command(BaseCommand):
    help = "Import values from a DHIS2 dataValueSets JSON file (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The dataValueSets JSON file")
        parser.add_argument("--source", required=True, help="Who sent the values")

    def handle(self, *args, file, source, **options):
        path = Path(file)
        try:
            payload = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("%(file)s cannot be read: %(error)s") % {"file": file, "error": error}
            ) from error
        try:
            batch = receive_data_value_set(payload=payload, source=source, file_name=path.name)
        except DataValueSetError as error:
            raise CommandError("\n".join([_("Nothing was imported."), *error.messages])) from error
        self.stdout.write(
            _("%(count)d values received from %(source)s.")
            % {"count": batch.value_count, "source": batch.source}
        )
