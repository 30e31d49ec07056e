"""Following up recommendations: a note to close, the history kept, overdue by date."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from giamngheo.evaluation.models import Recommendation, RecommendationStatus
from giamngheo.evaluation.services import RecommendationInput, update_recommendation
from tests.accounts.factories import UserFactory
from tests.conftest import unit

from .conftest import A_LUOI, PHU_DA, PHU_VANG, record

DUE = datetime.date(2023, 9, 30)


@pytest.fixture
def recommendations(visit, province_staff, checklist):
    record(
        visit,
        province_staff,
        checklist,
        recommendations=[
            RecommendationInput("Kiện toàn tổ truyền thông huyện", unit(PHU_VANG), DUE),
            RecommendationInput("Phát thanh hai buổi mỗi tuần", unit(PHU_DA), DUE),
        ],
    )
    return list(Recommendation.objects.order_by("pk"))


def test_closing_requires_a_note(recommendations, district_officer):
    with pytest.raises(ValidationError) as error:
        update_recommendation(
            recommendation=recommendations[0], status="closed", note=" ", by=district_officer
        )
    assert "note" in error.value.message_dict
    recommendations[0].refresh_from_db()
    assert recommendations[0].status == RecommendationStatus.OPEN


def test_every_change_is_kept_with_its_note_and_author(recommendations, district_officer):
    target = recommendations[0]
    update_recommendation(
        recommendation=target, status="in_progress", note="Đang làm", by=district_officer
    )
    closed = update_recommendation(
        recommendation=target,
        status="closed",
        note="Đã kiện toàn",
        by=district_officer,
        today=datetime.date(2023, 9, 1),
    )
    assert closed.closed_on == datetime.date(2023, 9, 1) and closed.closing_note == "Đã kiện toàn"
    history = list(target.updates.values_list("status", "note", "by"))
    assert history == [
        ("open", "", history[0][2]),
        ("in_progress", "Đang làm", district_officer.pk),
        ("closed", "Đã kiện toàn", district_officer.pk),
    ]


def test_overdue_means_not_closed_and_past_the_due_date(recommendations, district_officer):
    first, second = recommendations
    assert not Recommendation.objects.overdue(DUE).exists()  # due that day: not yet
    after = DUE + datetime.timedelta(days=1)
    assert set(Recommendation.objects.overdue(after)) == {first, second}
    update_recommendation(recommendation=first, status="closed", note="Xong", by=district_officer)
    assert list(Recommendation.objects.overdue(after)) == [second]
    assert second.is_overdue(after) and not second.is_overdue(DUE)


def test_a_commune_officer_follows_up_what_is_addressed_to_the_commune_only(
    recommendations, commune_officer
):
    district_one, commune_one = recommendations
    update_recommendation(
        recommendation=commune_one, status="in_progress", note="", by=commune_officer
    )
    with pytest.raises(PermissionDenied):
        update_recommendation(
            recommendation=district_one, status="in_progress", note="", by=commune_officer
        )


def test_another_district_and_leaders_cannot_follow_up(recommendations, leader, hue_units):
    other = UserFactory(role="district_officer", unit=unit(A_LUOI))
    for user in (other, leader):
        with pytest.raises(PermissionDenied):
            update_recommendation(
                recommendation=recommendations[0], status="in_progress", note="", by=user
            )
