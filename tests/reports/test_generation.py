"""Generating a report: progress per section, failure with its message, scoping."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from giamngheo.reports.models import GeneratedReport
from giamngheo.reports.services import generate, request_report
from tests.conftest import unit

pytestmark = pytest.mark.usefixtures("report_files", "wagtail_tree")
SIGNER = "Nguyễn Văn An"
LIGHT = ["giamngheo.plans.report.section", "giamngheo.training.report.section"]


@pytest.fixture
def light_builders(monkeypatch):
    from giamngheo.reports import builder

    monkeypatch.setattr(builder, "SECTION_BUILDERS", LIGHT)


def test_a_report_runs_to_done_with_progress_100(province_staff, light_builders):
    report = request_report(
        kind="annual", year=2023, unit=unit("46"), by=province_staff, signer_name=SIGNER
    )
    assert report.status == GeneratedReport.Status.DONE, report.error
    assert report.progress == 100
    assert report.xlsx.name and report.pdf.name


def test_a_failing_section_fails_the_report_with_its_message(province_staff):
    report = GeneratedReport.objects.create(kind="annual", year=2023, unit=unit("46"))
    generate(report, builders=["tests.reports.broken.section"])
    report.refresh_from_db()
    assert report.status == GeneratedReport.Status.FAILED
    assert "no data source" in report.error


def test_a_district_officer_cannot_request_another_districts_report(district_officer):
    with pytest.raises(ValidationError):
        request_report(
            kind="annual", year=2023, unit=unit("477"), by=district_officer, signer_name=SIGNER
        )


def test_a_district_officer_neither_sees_nor_downloads_another_districts_report(
    client, district_officer, province_staff, light_builders, django_assert_max_num_queries
):
    other = request_report(
        kind="annual", year=2023, unit=unit("477"), by=province_staff, signer_name=SIGNER
    )
    own = request_report(
        kind="annual", year=2023, unit=unit("478"), by=province_staff, signer_name=SIGNER
    )
    client.force_login(district_officer)
    for name, args in [
        ("reports_download", [other.pk, "pdf"]),
        ("reports_download", [other.pk, "xlsx"]),
        ("reports_status", [other.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404
    assert client.get(reverse("reports_download", args=[own.pk, "pdf"])).status_code == 200
    assert client.get(reverse("reports_status", args=[own.pk])).json()["progress"] == 100
    with django_assert_max_num_queries(25):
        page = client.get(reverse("reports_index"))
    assert page.status_code == 200
    assert f'data-report-id="{own.pk}"' in page.text
    assert f'data-report-id="{other.pk}"' not in page.text


def test_a_report_without_a_signers_name_is_refused_with_a_message(province_staff):
    with pytest.raises(ValidationError) as refused:
        request_report(kind="annual", year=2023, unit=unit("46"), by=province_staff)
    assert "signer_name" in refused.value.message_dict
    assert not GeneratedReport.objects.exists()
