"""Write the sample annual reports reviewers read (docs/samples/): the province's and a
commune's, from whatever data the database holds (the demo, after `make run`).

    manage.py report_samples --year 2025 --on 2026-03-05 --out docs/samples
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from giamngheo.reports.models import GeneratedReport
from giamngheo.reports.services import request_report
from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit, UnitLevel

SIGNERS = {
    # The province's sample is signed by a deputy, the commune's by its chair.
    "province": ("KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN", "Nguyễn Văn An"),
    "commune": ("", "Trần Thị Bình"),
}


class Command(BaseCommand):
    help = "Write the province's and a commune's annual report as sample PDFs."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=2025)
        parser.add_argument("--on", type=datetime.date.fromisoformat, default=None)
        parser.add_argument("--commune", default="", help="a commune's code")
        parser.add_argument("--out", type=Path, default=Path("docs/samples"))

    def handle(self, *args, year, on, commune, out, **options):
        on = on or datetime.date.today()
        admin = get_user_model().objects.filter(is_superuser=True, is_active=True).first()
        if admin is None:
            raise CommandError("No active superuser: load the demo first (make run).")
        province = province_code(settings.PROVINCE_CODE)
        units = Unit.objects.of_province(province).in_force(on)
        chosen = {
            "province": units.filter(level=UnitLevel.PROVINCE).first(),
            "commune": (
                units.filter(level=UnitLevel.COMMUNE, code=commune)
                if commune
                else units.filter(level=UnitLevel.COMMUNE).order_by("sort_name")
            ).first(),
        }
        out.mkdir(parents=True, exist_ok=True)
        for key, unit in chosen.items():
            if unit is None:
                raise CommandError(f"No {key} in force on {on}.")
            title, name = SIGNERS[key]
            # Nothing of the run stays in the database: only the files are kept.
            with transaction.atomic():
                report = request_report(
                    kind=GeneratedReport.Kind.ANNUAL,
                    year=year,
                    unit=unit,
                    by=admin,
                    signer_title=title,
                    signer_name=name,
                    issued_on=on,
                )
                if report.status != GeneratedReport.Status.DONE:
                    raise CommandError(f"{unit}: {report.error}")
                for kind, field in (("pdf", report.pdf), ("xlsx", report.xlsx)):
                    target = out / f"bao-cao-{year}-{key}.{kind}"
                    target.write_bytes(field.read())
                    field.storage.delete(field.name)
                    self.stdout.write(f"{target} ({unit.name})")
                transaction.set_rollback(True)
