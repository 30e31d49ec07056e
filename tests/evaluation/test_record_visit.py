"""Recording a visit: scores checked per criterion, total and rating, nothing half-saved."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from giamngheo.evaluation.models import (
    Criterion,
    Finding,
    RatingThreshold,
    Recommendation,
    VisitStatus,
)
from giamngheo.evaluation.services import RecommendationInput, record_visit
from tests.conftest import unit

from .conftest import A_NGO, HELD_ON, PHU_DA, PHU_VANG, full_scores, record


def test_a_recorded_visit_keeps_scores_total_rating_findings_and_recommendations(
    visit, province_staff, checklist
):
    recorded = record(
        visit,
        province_staff,
        checklist,
        value=9,
        recommendations=[
            RecommendationInput(
                "Kiện toàn tổ truyền thông", unit(PHU_VANG), datetime.date(2023, 9, 1)
            ),
            {
                "text": "Phát thanh đều",
                "responsible_unit": unit(PHU_DA),
                "due_on": datetime.date(2023, 8, 1),
            },
        ],
    )
    assert recorded.status == VisitStatus.HELD and recorded.held_on == HELD_ON
    assert recorded.total_score == 9 * len(checklist)
    assert recorded.max_score == 10 * len(checklist)
    assert recorded.percent == Decimal("90.0") and recorded.rating == "Xuất sắc"
    assert Finding.objects.filter(visit=visit).count() == 2
    assert Recommendation.objects.filter(visit=visit, status="open").count() == 2
    assert recorded.recorded_by == province_staff


@pytest.mark.parametrize(("value", "rating"), [(7, "Tốt"), (5, "Trung bình"), (4.9, "Yếu")])
def test_the_rating_comes_from_the_thresholds(visit, province_staff, checklist, value, rating):
    assert record(visit, province_staff, checklist, value=value).rating == rating


def test_thresholds_are_data(visit, province_staff, checklist):
    RatingThreshold.objects.filter(name="Tốt").update(min_percent=85)
    assert record(visit, province_staff, checklist, value=8).rating == "Trung bình"


def test_weights_count_in_the_total(visit, province_staff, checklist):
    first = checklist[0]
    Criterion.objects.filter(pk=first.pk).update(weight=3)
    scores = full_scores(checklist, 10)
    scores[first.code] = 0
    recorded = record_visit(
        visit=visit,
        held_on=HELD_ON,
        findings="",
        scores=scores,
        recommendations=[],
        by=province_staff,
    )
    others = len(checklist) - 1
    assert recorded.total_score == 10 * others
    assert recorded.max_score == 10 * (others + 3)


def test_a_score_out_of_range_or_missing_is_named_and_nothing_is_saved(
    visit, province_staff, checklist
):
    scores = full_scores(checklist)
    scores[checklist[0].code] = 11
    del scores[checklist[1].code]
    with pytest.raises(ValidationError) as error:
        record_visit(
            visit=visit,
            held_on=HELD_ON,
            findings="",
            scores=scores,
            recommendations=[],
            by=province_staff,
        )
    messages = error.value.message_dict
    assert checklist[0].name in messages[f"score_{checklist[0].code}"][0]
    assert "10" in messages[f"score_{checklist[0].code}"][0]
    assert checklist[1].name in messages[f"score_{checklist[1].code}"][0]
    visit.refresh_from_db()
    assert visit.status == VisitStatus.PLANNED and not visit.scores.exists()


def test_a_bad_recommendation_rolls_back_the_whole_visit(visit, province_staff, checklist):
    far = RecommendationInput("Việc của huyện khác", unit(A_NGO), datetime.date(2023, 9, 1))
    with pytest.raises(ValidationError) as error:
        record(visit, province_staff, checklist, recommendations=[far])
    assert "Kiến nghị 1" in str(error.value) or "Recommendation 1" in str(error.value)
    visit.refresh_from_db()
    assert visit.status == VisitStatus.PLANNED
    assert not visit.scores.exists() and not Recommendation.objects.exists()


def test_a_visit_is_recorded_once_and_never_when_cancelled(
    visit, far_visit, province_staff, checklist
):
    record(visit, province_staff, checklist)
    with pytest.raises(ValidationError):
        record(visit, province_staff, checklist)
    far_visit.status = VisitStatus.CANCELLED
    far_visit.save()
    with pytest.raises(ValidationError):
        record(far_visit, province_staff, checklist)


def test_a_visit_cannot_be_recorded_before_the_day_it_is_held(visit, province_staff, checklist):
    with pytest.raises(ValidationError) as error:
        record(visit, province_staff, checklist, today=HELD_ON - datetime.timedelta(days=1))
    assert "held_on" in error.value.message_dict


def test_only_the_organisers_staff_record_a_visit(visit, district_officer, leader, checklist):
    # Phú Vang sees the province's visit to it, but does not record it; leaders read only.
    for user in (district_officer, leader):
        with pytest.raises(PermissionDenied):
            record(visit, user, checklist)


def test_criteria_follow_the_year_of_the_visit(visit, province_staff, checklist):
    retired = checklist[0]
    Criterion.objects.filter(pk=retired.pk).update(year_to=2022)
    Criterion.objects.create(code="moi-2023", name="Tiêu chí mới", year_from=2023)
    assert retired not in Criterion.objects.for_year(2023)
    assert retired in Criterion.objects.for_year(2022)
    scores = {c.code: 8 for c in Criterion.objects.for_year(2023)}
    recorded = record_visit(
        visit=visit,
        held_on=HELD_ON,
        findings="",
        scores=scores,
        recommendations=[],
        by=province_staff,
    )
    assert recorded.scores.filter(criterion__code="moi-2023").exists()
    assert not recorded.scores.filter(criterion=retired).exists()
