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


@pytest.mark.parametrize("code", ["46", "478"])
def test_the_indicator_figures_equal_the_dashboards(demo_reports, code):
    from giamngheo.indicators.models import ProgrammePeriod
    from giamngheo.indicators.report import section
    from giamngheo.indicators.selectors import dashboard_values, scope_for_unit
    from giamngheo.reports.sections import ReportPeriod

    scope = scope_for_unit(None if code == "46" else code)
    period = ProgrammePeriod.objects.get(start__year=2021)
    values, _trend = dashboard_values(period=period, scope=scope, year=2023)
    rows = section(period=ReportPeriod(2023), scope=scope).tables[0].rows
    assert len(rows) == len(values) == 3
    for row, value in zip(rows, values, strict=True):
        assert row[0] == value.indicator.name
        assert row[2] == round(value.value, 1)
        assert row[3] == value.target_value


def test_the_pdf_shows_vietnamese_text_in_the_bundled_font(demo_reports):
    import pypdfium2 as pdfium

    data = GeneratedReport.objects.get(pk=demo_reports["478"].pk).pdf.read()
    pdf = pdfium.PdfDocument(data)
    text = pdf[0].get_textpage().get_text_range()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    # Phú Vang no longer exists on the issue date (today): the city issues its report.
    assert "Huế, ngày" in text
    assert "trên địa bàn huyện Phú Vang (cũ)" in " ".join(text.split())
    fonts = font_names(pdf[0].get_textpage())  # the embedded fonts are the bundled Tinos
    assert fonts and all(name.startswith("Tinos-") for name in fonts), fonts
    image = pdf[0].render(scale=1).to_pil().convert("L")
    low, high = image.getextrema()
    assert low < 50 and high > 200  # dark text on a white page, not blank
    image.save("/tmp/report-phu-vang-p1.png")


def font_names(textpage) -> set[str]:
    """The names of the fonts the page's characters are drawn with (subset prefix dropped)."""
    import ctypes

    import pypdfium2.raw as raw

    names = set()
    for index in range(textpage.count_chars()):
        buffer = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        raw.FPDFText_GetFontInfo(textpage, index, buffer, 128, ctypes.byref(flags))
        name = buffer.value.decode()
        if name:
            names.add(name.split("+", 1)[-1])
    return names


def test_every_part_of_the_report_has_its_sheet(demo_reports):
    from giamngheo.reports.builder import SECTION_BUILDERS

    report = GeneratedReport.objects.get(pk=demo_reports["46"].pk)
    workbook = load_workbook(io.BytesIO(report.xlsx.read()))
    assert len(workbook.sheetnames) == len(SECTION_BUILDERS)


def test_the_poverty_part_shows_the_dashboards_figures(demo_reports):
    from giamngheo.indicators.selectors import scope_for_unit
    from giamngheo.poverty.panels import dashboard_panel
    from giamngheo.poverty.report import section
    from giamngheo.reports.sections import ReportPeriod

    scope = scope_for_unit("478")
    panel = dashboard_panel(year=2023, scope=scope)
    table = section(period=ReportPeriod(2023), scope=scope).tables[0]
    own = panel["own"]["figures"]
    assert own.households and table.totals[1] == own.households
    assert table.totals[2] == own.poor
    assert [row[0] for row in table.rows] == [row["name"] for row in panel["children"]]


def test_the_activities_and_evaluation_parts_carry_the_years_records(demo_reports):
    from giamngheo.activities.models import Activity
    from giamngheo.evaluation.models import SupervisionVisit

    report = GeneratedReport.objects.get(pk=demo_reports["46"].pk)
    workbook = load_workbook(io.BytesIO(report.xlsx.read()))
    text = "\n".join(
        str(cell)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    )
    assert Activity.objects.filter(start_date__year=2023).exists()
    visited = SupervisionVisit.objects.filter(held_on__year=2023).select_related("unit")
    assert visited.exists()
    assert all(visit.unit.name in text for visit in visited)


def test_planned_and_done_compare_activities_with_activities_on_the_demo(demo_reports):
    """The province's 2023 plans, as the XLSX shows them: activities planned (a
    publication counting one, whatever its copies) against register entries, and the
    copies apart; the share done under the plans is that of like with like."""
    from django.utils import translation
    from django.utils.translation import gettext as _

    from giamngheo.plans.models import COUNTED_IN_COPIES, PlannedActivity
    from giamngheo.units.models import UnitLevel

    planned = PlannedActivity.objects.filter(plan__year=2023, plan__unit__level=UnitLevel.DISTRICT)
    expected = sum(p.activity_count for p in planned)
    copies = sum(p.quantity for p in planned if p.activity_type in COUNTED_IN_COPIES)
    assert copies > expected  # the demo plans thousands of leaflets: not to be compared

    report = GeneratedReport.objects.get(pk=demo_reports["46"].pk)
    workbook = load_workbook(io.BytesIO(report.xlsx.read()))
    with translation.override("vi"):
        header, total = _("Activities planned"), _("Total")
    sheet = next(
        s for s in workbook.worksheets for row in s.iter_rows() for c in row if c.value == header
    )
    head = next(c for row in sheet.iter_rows() for c in row if c.value == header)
    row = next(
        r
        for r in range(head.row + 1, sheet.max_row + 1)
        if sheet.cell(row=r, column=1).value == total
    )
    values = [sheet.cell(row=row, column=c).value for c in range(head.column, head.column + 6)]
    activities, linked, share, _outside, _all, shown_copies = values
    assert activities == expected and shown_copies == copies
    assert share == pytest.approx(linked / activities, abs=0.0006)
    assert sheet.cell(row=row, column=head.column + 2).number_format == "0.0%"
