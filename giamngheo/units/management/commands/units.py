import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from giamngheo.units.divisions import province_code
from giamngheo.units.selectors import count_by_level


class Command(BaseCommand):
    help = "Print how many units of each level of a province were in force on a date."

    def add_arguments(self, parser):
        parser.add_argument("--province", default=str(settings.PROVINCE_CODE))
        parser.add_argument("--on", default=None, help="Date as YYYY-MM-DD (default: today).")

    def handle(self, *args, province, on, **options):
        try:
            day = datetime.date.fromisoformat(on) if on else datetime.date.today()
        except ValueError as error:
            raise CommandError(
                _("--on: “%(value)s” is not a date (YYYY-MM-DD).") % {"value": on}
            ) from error
        for level, count in count_by_level(province_code=province_code(province), on=day).items():
            self.stdout.write(f"{level}: {count}")
