"""The demo data and the two 2023 reports made from it, once for a test module.

Loading the demo is slow, so a module loads it once inside a transaction that
is rolled back when the module ends: nothing it wrote reaches other modules.
"""

from __future__ import annotations

import pytest
from django.db import transaction

from giamngheo.demo.services import load_demo
from giamngheo.reports.models import GeneratedReport
from giamngheo.reports.services import request_report
from tests.accounts.factories import UserFactory
from tests.conftest import ensure_hue_units, ensure_migration_rows, unit

DEMO_PARTS = [
    *("users", "broadcasts", "plans", "training", "evaluation"),
    *("activities", "network", "poverty"),
]


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
        load_demo(seed=7, parts=DEMO_PARTS, force=True)
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
