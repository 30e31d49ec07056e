"""Planned vs done per plan and by plan type; the admin view and its XLSX, scoped."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from giamngheo.activities import selectors
from giamngheo.plans.models import ActivityType
from giamngheo.units.models import Unit
from tests.conftest import unit
from tests.plans.factories import CommunicationPlanFactory, PlannedActivityFactory

from .factories import ActivityFactory, kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(phu_vang, phu_da, a_luoi, period):
    plan = CommunicationPlanFactory(unit=phu_vang, period=period, year=2023, title="KH Phú Vang")
    radio = PlannedActivityFactory(plan=plan, activity_type=ActivityType.RADIO, quantity=4)
    dialogue = PlannedActivityFactory(
        plan=plan, activity_type=ActivityType.DIALOGUE, quantity=2, budget=10_000_000
    )
    # 2.000 leaflets are one publication: planned as one activity, its copies shown beside.
    leaflets = PlannedActivityFactory(
        plan=plan, activity_type=ActivityType.PUBLICATION, quantity=2000, budget=8_000_000
    )
    far = CommunicationPlanFactory(unit=a_luoi, period=period, year=2023, title="KH A Lưới")
    PlannedActivityFactory(plan=far, activity_type=ActivityType.NEWS, quantity=10)
    radio_kind = kind("chuong-trinh-phat-thanh")
    for day in (1, 8, 15):
        ActivityFactory(
            unit=phu_da,
            kind=radio_kind,
            planned_activity=radio,
            start_date=datetime.date(2023, 3, day),
        )
    # Outside the year: does not count for 2023.
    ActivityFactory(unit=phu_da, kind=radio_kind, start_date=datetime.date(2022, 3, 1))
    ActivityFactory(
        unit=phu_vang,
        kind=kind("doi-thoai-chinh-sach"),
        planned_activity=dialogue,
        cost=4_000_000,
        start_date=datetime.date(2023, 6, 1),
    )
    ActivityFactory(
        unit=phu_vang,
        kind=kind("to-roi"),
        planned_activity=leaflets,
        cost=7_500_000,
        start_date=datetime.date(2023, 5, 2),
    )
    # Done without a link: counted by the kind's plan type.
    ActivityFactory(unit=phu_da, kind=radio_kind, start_date=datetime.date(2023, 4, 1))
    ActivityFactory(unit=a_luoi, kind=kind("tin-bai"), start_date=datetime.date(2023, 4, 1))
    return plan


def test_each_planned_activity_shows_what_was_done_under_it(plans, django_assert_max_num_queries):
    units = Unit.objects.filter(code__in=["478", "19942", "19903"])
    with django_assert_max_num_queries(3):
        rows = selectors.planned_vs_done(units=units, year=2023)
    figures = [
        (r.planned_activity.activity_type, r.planned, r.done, r.cost, r.rate, r.copies)
        for r in rows
    ]
    assert figures == [
        ("radio", 4, 3, 0, 75.0, None),
        ("dialogue", 2, 1, 4_000_000, 50.0, None),
        ("publication", 1, 1, 7_500_000, 100.0, 2000),
    ]


def test_by_plan_type_activities_outside_the_plan_count_too(plans):
    rows = selectors.done_by_plan_type(units=Unit.objects.all(), year=2023)
    figures = {
        (r.unit.code, r.activity_type): (r.planned, r.linked, r.unlinked, r.copies) for r in rows
    }
    assert figures == {
        ("478", "radio"): (4, 3, 1, None),
        ("478", "dialogue"): (2, 1, 0, None),
        ("478", "publication"): (1, 1, 0, 2000),
        ("481", "news"): (10, 0, 1, None),
    }


def test_the_view_shows_the_district_officer_only_their_plan(client, district_officer, plans):
    client.force_login(district_officer)
    response = client.get(reverse("activities_planned_vs_done"), {"year": 2023})
    assert response.status_code == 200
    planned = response.context["tables"][0]
    assert [row[1] for row in planned.rows] == ["KH Phú Vang"] * 3
    assert planned.totals[4:8] == [7, 5, 71.4, 2000]


def test_the_xlsx_export_has_the_same_figures_and_no_other_unit(client, district_officer, plans):
    client.force_login(district_officer)
    response = client.get(reverse("activities_planned_vs_done"), {"year": 2023, "export": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    assert [row[4:6] for row in rows] == [(4, 3), (2, 1), (1, 1), (7, 5)]
    assert all("A Lưới" not in str(row) for sheet in book for row in sheet.values)


def test_the_province_may_narrow_to_one_district(client, province_staff, plans):
    client.force_login(province_staff)
    response = client.get(reverse("activities_planned_vs_done"), {"year": 2023, "unit": "481"})
    assert [row[1] for row in response.context["tables"][0].rows] == ["KH A Lưới"]
    assert unit("481").name in response.content.decode()


def test_the_annual_reports_pdf_and_xlsx_compare_activities_with_activities(plans, phu_vang):
    """Phú Vang planned 4 programmes, 2 dialogues and 2.000 leaflets: 7 activities, of
    which 5 were done under the plan (71,4%), not "5 of 2.006 (0,2%)"."""
    import pypdfium2 as pdfium
    from django.utils import translation
    from django.utils.translation import gettext as _

    from giamngheo.activities.report import section
    from giamngheo.reports.builder import report_scope
    from giamngheo.reports.document import ReportDocument
    from giamngheo.reports.pdf import write_pdf
    from giamngheo.reports.sections import ReportPeriod
    from giamngheo.reports.xlsx import write_workbook

    with translation.override("vi"):
        part = section(period=ReportPeriod(2023), scope=report_scope(phu_vang))
        document = ReportDocument(
            superior_body="UBND TỈNH THỪA THIÊN HUẾ",
            issuing_body="BAN CHỈ ĐẠO",
            number="",
            symbol="BC-BCĐ",
            place="Huế",
            date=datetime.date(2024, 1, 15),
            title="BÁO CÁO",
            subtitle="Kết quả thực hiện năm 2023",
            recipients=["Lưu: VT."],
            signer_title="TRƯỞNG BAN",
            signer_name="Nguyễn Văn An",
        )
        book = load_workbook(io.BytesIO(write_workbook(document=document, sections=[part])))
        pdf = pdfium.PdfDocument(write_pdf(document=document, sections=[part]))
        headers = [_("Activities planned"), _("Done under the plan (%)"), _("Copies planned")]
        total = _("Total")

    sentence = part.paragraphs[1]
    assert "7" in sentence and "5" in sentence and "71,4%" in sentence and "2.000" in sentence
    text = " ".join(" ".join(p.get_textpage().get_text_range().split()) for p in pdf)
    pdf.close()
    assert "71,4%" in text and "2.000" in text and "0,2" not in text

    sheet = book.worksheets[0]
    cells: dict = {}  # the first table with these headers: the one by activity type
    for found in (c for r in sheet.iter_rows() for c in r if c.value in headers):
        cells.setdefault(found.value, found)
    planned, share, copies = (cells[h] for h in headers)
    # The by-type table's total row: the first "Total" below its headers.
    row = next(
        r
        for r in range(planned.row + 1, sheet.max_row + 1)
        if sheet.cell(row=r, column=1).value == total
    )
    assert sheet.cell(row=row, column=planned.column).value == 7
    share_cell = sheet.cell(row=row, column=share.column)
    assert share_cell.value == 0.714 and share_cell.number_format == "0.0%"
    copies_cell = sheet.cell(row=row, column=copies.column)
    assert copies_cell.value == 2000 and copies_cell.number_format == "#,##0"


TODAY = datetime.date(2026, 12, 3)


@pytest.fixture
def plans_2026(hue_units):
    """On the two-level map a commune and the province each plan for themselves."""
    from giamngheo.indicators.models import ProgrammePeriod

    period = ProgrammePeriod.objects.get(name="2026–2030")
    commune, province = unit("19942", TODAY), unit("46", TODAY)
    commune_plan = CommunicationPlanFactory(unit=commune, period=period, year=2026)
    radio = PlannedActivityFactory(plan=commune_plan, activity_type=ActivityType.RADIO, quantity=50)
    province_plan = CommunicationPlanFactory(unit=province, period=period, year=2026)
    PlannedActivityFactory(plan=province_plan, activity_type=ActivityType.NEWS, quantity=12)
    radio_kind = kind("chuong-trinh-phat-thanh")
    for week in range(10):
        ActivityFactory(
            unit=commune,
            kind=radio_kind,
            planned_activity=radio,
            start_date=datetime.date(2026, 1, 5) + datetime.timedelta(weeks=week),
        )
    ActivityFactory(unit=commune, kind=radio_kind, start_date=datetime.date(2026, 6, 1))
    ActivityFactory(unit=province, kind=kind("tin-bai"), start_date=datetime.date(2026, 6, 1))
    return commune_plan


def test_in_2026_communes_and_the_province_plan_and_are_compared(plans_2026):
    """No district since 1 July 2025: the 2026 plans of a commune and of the province
    are in "planned vs done", each with what that unit did (the report was empty)."""
    rows = selectors.planned_vs_done(units=Unit.objects.all(), year=2026)
    assert sorted((r.plan.unit.code, r.planned, r.done) for r in rows) == [
        ("19942", 50, 10),
        ("46", 12, 0),
    ]
    by_type = selectors.done_by_plan_type(units=Unit.objects.all(), year=2026)
    figures = {(r.unit.code, r.activity_type): (r.planned, r.linked, r.unlinked) for r in by_type}
    assert figures == {("19942", "radio"): (50, 10, 1), ("46", "news"): (12, 0, 1)}


def test_a_commune_officer_sees_the_plan_of_their_commune_in_2026(client, plans_2026):
    from tests.accounts.factories import UserFactory

    officer = UserFactory(role="commune_officer", unit=unit("19942", TODAY))
    client.force_login(officer)
    response = client.get(reverse("activities_planned_vs_done"), {"year": 2026})
    assert response.status_code == 200
    planned = response.context["tables"][0]
    assert [row[4:6] for row in planned.rows] == [[50, 10]]
