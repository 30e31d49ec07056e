"""The demo data and the two 2023 reports made from it, once for a test module.

Loading the demo is slow, so a module puts it in once (a copy of the data set loaded
once per run, tests/snapshots.py) inside a transaction that is rolled back when the
module ends: nothing it wrote reaches other modules.
"""

from __future__ import annotations

import pytest
from django.db import transaction

from giamngheo.reports.models import GeneratedReport
from giamngheo.reports.services import request_report
from tests.accounts.factories import UserFactory
from tests.conftest import ensure_hue_units, ensure_migration_rows, unit
from tests.snapshots import restore_demo


@pytest.fixture
def report_files(settings, tmp_path):
    settings.REPORTS_FILES_ROOT = tmp_path / "reports"
    return settings.REPORTS_FILES_ROOT


@pytest.fixture(scope="module")
def demo_reports(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo (without the portal) and the 2023 annual reports of the
    province and of Phú Vang (478), made by province staff."""
    from django.conf import settings

    root = tmp_path_factory.mktemp("reports")
    old_root = settings.REPORTS_FILES_ROOT
    settings.REPORTS_FILES_ROOT = root
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_hue_units()
        ensure_migration_rows()
        restore_demo("reports")
        staff = UserFactory(role="province_staff", unit=unit("46"))
        reports = {
            code: request_report(
                kind=GeneratedReport.Kind.ANNUAL,
                year=2023,
                unit=unit(code),
                by=staff,
                number="125/BC-BCĐ",
                signer_title="Phó Trưởng ban",
                signer_name="Nguyễn Văn An",
            )
            for code in ("46", "478")
        }
        yield reports
        transaction.set_rollback(True)
    settings.REPORTS_FILES_ROOT = old_root


@pytest.fixture(scope="module")
def decree_reports(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo and the 2025 reports of the city (signed by a deputy, dated 05/03/2026)
    and of a ward of the two-level map (signed by its chair, dated 03/02/2026), as PDF bytes
    with the sections they were made from."""
    import datetime

    from django.conf import settings

    from giamngheo.units.models import Unit, UnitLevel
    from tests.conftest import wagtail_tree

    root = tmp_path_factory.mktemp("decree")
    old_root = settings.REPORTS_FILES_ROOT
    settings.REPORTS_FILES_ROOT = root
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_hue_units()
        wagtail_tree.__wrapped__(None)
        restore_demo("reports")
        staff = UserFactory(role="province_staff", unit=unit("46"))
        ward = (
            Unit.objects.filter(level=UnitLevel.COMMUNE, name="Phường An Cựu")
            .in_force(datetime.date(2026, 2, 3))
            .get()
        )
        asks = {
            "province": (unit("46"), datetime.date(2026, 3, 5), "KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN"),
            "commune": (ward, datetime.date(2026, 2, 3), ""),
        }
        reports = {}
        for key, (where, on, title) in asks.items():
            report = request_report(
                kind=GeneratedReport.Kind.ANNUAL,
                year=2025,
                unit=where,
                by=staff,
                signer_title=title,
                signer_name="Nguyễn Văn An",
                issued_on=on,
            )
            assert report.status == GeneratedReport.Status.DONE, report.error
            reports[key] = report
        yield reports
        transaction.set_rollback(True)
    settings.REPORTS_FILES_ROOT = old_root
