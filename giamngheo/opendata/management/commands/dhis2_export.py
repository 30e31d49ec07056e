"""Write our indicator values as a DHIS2 data value set (JSON), for the years given."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from giamngheo.opendata.dhis2 import export_values


class Command(BaseCommand):
    help = "Export indicator values as DHIS2 dataValueSets JSON (mapped elements and units)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--year",
            type=int,
            action="append",
            help="A year to export (repeat); default: this year",
        )
        parser.add_argument("--no-weekly", action="store_true", help="Leave weekly values out")
        parser.add_argument("-o", "--output", help="File to write; default: standard output")

    def handle(self, *args, year=None, no_weekly=False, output=None, **options):
        years = year or [timezone.localdate().year]
        export = export_values(years=years, weekly_values=not no_weekly)
        text = json.dumps(export.payload, ensure_ascii=False, indent=1)
        if export.unmapped_units:
            self.stderr.write(
                _("Units without an organisation unit mapping were left out: %(codes)s.")
                % {"codes": ", ".join(sorted(export.unmapped_units))}
            )
        if output:
            try:
                Path(output).write_text(text + "\n", encoding="utf-8")
            except OSError as error:
                raise CommandError(
                    _("%(file)s cannot be written: %(error)s") % {"file": output, "error": error}
                ) from error
            self.stdout.write(
                _("%(count)d values written to %(file)s.")
                % {"count": len(export.data_values), "file": output}
            )
        else:
            self.stdout.write(text)
