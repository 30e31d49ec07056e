"""The report section: visits held in the period and scope, recommendations as of its end."""

import datetime

from giamngheo.evaluation.report import section
from giamngheo.evaluation.services import RecommendationInput, update_recommendation
from giamngheo.reports.sections import ReportPeriod, Scope
from tests.conftest import unit

from .conftest import PHU_VANG, record


def test_the_section_counts_visits_and_recommendations_within_the_scope(
    visit, far_visit, province_staff, district_officer, checklist, django_assert_max_num_queries
):
    record(
        visit,
        province_staff,
        checklist,
        recommendations=[
            RecommendationInput("Đóng trong năm", unit(PHU_VANG), datetime.date(2023, 8, 1)),
            RecommendationInput("Còn mở", unit(PHU_VANG), datetime.date(2023, 9, 1)),
        ],
    )
    record(far_visit, province_staff, checklist, value=5)
    first = visit.recommendations.get(text="Đóng trong năm")
    update_recommendation(
        recommendation=first,
        status="closed",
        note="Xong",
        by=district_officer,
        today=datetime.date(2023, 7, 20),
    )
    with django_assert_max_num_queries(15):
        province = section(period=ReportPeriod(2023), scope=Scope("46"))
    assert len(province.tables[0].rows) == 2
    district = section(period=ReportPeriod(2023), scope=Scope("46", unit(PHU_VANG)))
    visits, _findings, recommendations = district.tables
    assert [row[1] for row in visits.rows] == ["Huyện Phú Vang"]
    assert visits.rows[0][5] == 80.0
    statuses = {row[0]: row[4] for row in recommendations.rows}
    assert len(statuses) == 2 and len(set(statuses.values())) == 2
    assert not section(period=ReportPeriod(2022), scope=Scope("46")).tables[0].rows
