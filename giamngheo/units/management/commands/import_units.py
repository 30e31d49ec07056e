from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from giamngheo.units.divisions import province_code, unit_maps
from giamngheo.units.services import import_units


class Command(BaseCommand):
    help = (
        "Import the administrative units of a province from the vietnam-provinces "
        "package and the older maps shipped with the project, with their successions."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--province",
            default=str(settings.PROVINCE_CODE),
            help="National statistics code of the province (default: PROVINCE_CODE, 46 = Huế).",
        )
        parser.add_argument(
            "--map",
            action="append",
            dest="maps",
            choices=[m.key for m in unit_maps()],
            help="Import only this map (repeatable); default: every map in maps.json.",
        )

    def handle(self, *args, province, maps, verbosity, **options):
        try:
            code = province_code(province)
        except ValueError as error:
            raise CommandError(
                _("--province: “%(value)s” is not a province code.") % {"value": province}
            ) from error
        chosen = [m for m in unit_maps() if not maps or m.key in maps]
        report = import_units(province_code=code, maps=chosen)
        for note in report.notes:
            self.stderr.write(note)
        if report.created == 0 and report.notes and len(report.notes) == len(chosen):
            raise CommandError(_("No map has a province with code %(code)s.") % {"code": code})
        line = _("Province %(code)s: %(summary)s") % {"code": code, "summary": report.summary()}
        self.stdout.write(line + (" " + _("(nothing to do)") if report.is_empty else ""))
