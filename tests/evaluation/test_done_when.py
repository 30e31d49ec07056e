"""The issue's "done when", through the admin: plan a visit to a district, record it with
scores and two recommendations, the district closes one, the other shows as overdue."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from giamngheo.evaluation.models import (
    Recommendation,
    RecommendationStatus,
    SupervisionPlan,
    VisitStatus,
)
from tests.conftest import unit

from .conftest import PHU_VANG, PROVINCE


def formset(prefix, rows, extra_keys=()):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


@pytest.mark.django_db
def test_province_plans_records_and_the_district_follows_up_until_one_is_overdue(
    client, province_staff, district_officer, checklist
):
    today = timezone.localdate()
    # On the three-level map (districts were abolished on 1 July 2025).
    visit_day = datetime.date(2023, 5, 10)
    year = visit_day.year
    district, province = unit(PHU_VANG, visit_day), unit(PROVINCE, visit_day)
    client.force_login(province_staff)

    # 1. Province staff plan the year's supervision with a visit to Phú Vang.
    response = client.post(
        reverse("evaluation_plans:add"),
        {
            "year": year,
            "title": f"Kế hoạch giám sát công tác truyền thông năm {year}",
            "organiser": province.pk,
            "reference": "12/KH-BCĐ",
            "notes": "",
            **formset(
                "visits",
                [
                    {
                        "id": "",
                        "unit": district.pk,
                        "planned_on": visit_day.strftime("%d/%m/%Y"),
                        "team_leader": "Nguyễn Văn Trưởng",
                        "team_members": "Trần Thị Một",
                        "status": VisitStatus.PLANNED,
                        "DELETE": "",
                    }
                ],
            ),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    plan = SupervisionPlan.objects.get()
    visit = plan.visits.get()
    assert visit.unit == district and visit.status == VisitStatus.PLANNED

    # 2. They record it: one score per criterion, two recommendations.
    record_url = reverse("evaluation_visits:record", args=[visit.pk])
    page = client.get(record_url)
    assert page.status_code == 200
    assert all(criterion.name in page.text for criterion in checklist)
    due_soon, due_later = datetime.date(2023, 7, 31), datetime.date(2023, 12, 31)
    scores = {f"score_{c.code}": "8" for c in checklist}
    response = client.post(
        record_url,
        {
            "held_on": visit_day.strftime("%d/%m/%Y"),
            "findings": "Huyện đã ban hành kế hoạch truyền thông.",
            "strengths": "Đài truyền thanh xã hoạt động đều",
            "shortcomings": "Chưa đối thoại chính sách ở cơ sở",
            **scores,
            **formset(
                "recommendations",
                [
                    {
                        "text": "Tổ chức đối thoại chính sách ở các xã",
                        "responsible_unit": district.pk,
                        "due_on": due_soon.strftime("%d/%m/%Y"),
                    },
                    {
                        "text": "Kiện toàn mạng lưới tuyên truyền viên",
                        "responsible_unit": district.pk,
                        "due_on": due_later.strftime("%d/%m/%Y"),
                    },
                    {"text": "", "responsible_unit": "", "due_on": ""},
                ],
            ),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    visit.refresh_from_db()
    assert visit.status == VisitStatus.HELD and visit.held_on == visit_day
    assert visit.percent == 80 and visit.rating == "Tốt"
    assert visit.scores.count() == len(checklist)
    assert visit.snapshot  # the unit's figures on the day
    assert client.get(reverse("evaluation_visits:inspect", args=[visit.pk])).status_code == 200
    dialogue, network = Recommendation.objects.order_by("due_on")

    # 3. The district officer sees both and closes the network one with a note.
    client.force_login(district_officer)
    listing = client.get(reverse("evaluation_recommendations:index"))
    assert dialogue.text in listing.text and network.text in listing.text
    follow_up = reverse("evaluation_recommendations:follow_up", args=[network.pk])
    refused = client.post(follow_up, {"status": RecommendationStatus.CLOSED, "note": ""})
    assert refused.status_code == 200
    assert "Hãy cho biết" in refused.text or "note" in refused.context["form"].errors
    response = client.post(
        follow_up,
        {"status": RecommendationStatus.CLOSED, "note": "Đã kiện toàn 12 tuyên truyền viên."},
    )
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.status == RecommendationStatus.CLOSED and network.closed_on == today
    assert network.updates.count() == 2  # created, then closed

    # 4. The other one, past its due date, is overdue: flagged and found by the "overdue" filter.
    overdue = client.get(reverse("evaluation_recommendations:index"), {"overdue": "true"})
    assert dialogue.text in overdue.text and network.text not in overdue.text
    assert list(Recommendation.objects.overdue(today)) == [dialogue]
    inspect = client.get(reverse("evaluation_recommendations:inspect", args=[dialogue.pk]))
    assert "Quá hạn" in inspect.text
