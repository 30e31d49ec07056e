"""The 2023 annual report of the province and of Phú Vang, made from the demo data."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from giamngheo.reports.models import GeneratedReport

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


@pytest.mark.parametrize("code", ["46", "478"])
def test_the_2023_report_is_made_as_xlsx_and_pdf(demo_reports, code):
    report = GeneratedReport.objects.get(pk=demo_reports[code].pk)
    assert report.status == GeneratedReport.Status.DONE, report.error
    assert report.progress == 100
    assert report.generated_at is not None
    workbook = load_workbook(io.BytesIO(report.xlsx.read()))
    assert len(workbook.sheetnames) >= 5
    assert report.pdf.read(5) == b"%PDF-"
