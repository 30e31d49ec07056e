"""Another unit's supervision stays out: 404 on its records, never in lists or exports."""

import datetime

import pytest
from django.urls import reverse

from giamngheo.evaluation.models import Recommendation
from giamngheo.evaluation.services import RecommendationInput
from tests.conftest import unit

from .conftest import A_LUOI, PHU_DA, PHU_THUAN, PHU_VANG, record
from .factories import VisitFactory

DUE = datetime.date(2023, 9, 30)


@pytest.fixture
def recorded(visit, far_visit, province_staff, checklist):
    record(
        visit,
        province_staff,
        checklist,
        recommendations=[
            RecommendationInput("Việc của Phú Đa", unit(PHU_DA), DUE),
            RecommendationInput("Việc của Phú Thuận", unit(PHU_THUAN), DUE),
        ],
    )
    record(
        far_visit,
        province_staff,
        checklist,
        recommendations=[RecommendationInput("Việc của A Lưới", unit(A_LUOI), DUE)],
    )
    return visit, far_visit


def test_a_commune_officer_gets_404_on_another_communes_recommendation(
    client, recorded, commune_officer
):
    client.force_login(commune_officer)
    own = Recommendation.objects.get(text="Việc của Phú Đa")
    other = Recommendation.objects.get(text="Việc của Phú Thuận")
    assert (
        client.get(reverse("evaluation_recommendations:inspect", args=[own.pk])).status_code == 200
    )
    for name in ("inspect", "follow_up"):
        url = reverse(f"evaluation_recommendations:{name}", args=[other.pk])
        assert client.get(url).status_code == 404
    response = client.post(
        reverse("evaluation_recommendations:follow_up", args=[other.pk]),
        {"status": "closed", "note": "x"},
    )
    assert response.status_code == 404
    listing = client.get(reverse("evaluation_recommendations:index"))
    assert "Việc của Phú Đa" in listing.text and "Việc của Phú Thuận" not in listing.text


def test_a_district_officer_does_not_see_another_districts_visits_in_lists_or_exports(
    client, recorded, district_officer, django_assert_max_num_queries
):
    _own, far = recorded
    client.force_login(district_officer)
    with django_assert_max_num_queries(40):
        listing = client.get(reverse("evaluation_visits:index"))
    assert listing.status_code == 200
    assert "Huyện Phú Vang" in listing.text and "A Lưới" not in listing.text
    export = client.get(reverse("evaluation_visits:index"), {"export": "csv"})
    body = b"".join(export.streaming_content).decode() if export.streaming else export.text
    assert "Phú Vang" in body and "A Lưới" not in body
    recs = client.get(reverse("evaluation_recommendations:index"), {"export": "csv"})
    body = b"".join(recs.streaming_content).decode() if recs.streaming else recs.text
    assert "Việc của Phú Đa" in body and "Việc của A Lưới" not in body
    for name in ("inspect", "edit", "record"):
        url = reverse(f"evaluation_visits:{name}", args=[far.pk])
        assert client.get(url).status_code == 404


def test_the_visited_district_reads_the_province_visit_but_does_not_edit_it(
    client, recorded, district_officer
):
    own, _ = recorded
    client.force_login(district_officer)
    assert client.get(reverse("evaluation_visits:inspect", args=[own.pk])).status_code == 200
    # Wagtail answers a refused permission with a redirect to the dashboard.
    assert client.get(reverse("evaluation_visits:edit", args=[own.pk])).status_code in (302, 403)
    assert client.get(reverse("evaluation_plans:edit", args=[own.plan.pk])).status_code == 404


def test_lists_take_a_bounded_number_of_queries(
    client, province_plan, province_staff, checklist, django_assert_max_num_queries
):
    for code in (PHU_VANG, A_LUOI, PHU_DA):
        visit = VisitFactory(plan=province_plan, unit=unit(code))
        record(
            visit,
            province_staff,
            checklist,
            recommendations=[RecommendationInput("Kiến nghị", unit(code), DUE)],
        )
    client.force_login(province_staff)
    for name in ("evaluation_visits", "evaluation_recommendations", "evaluation_plans"):
        with django_assert_max_num_queries(40):
            assert client.get(reverse(f"{name}:index")).status_code == 200
        with django_assert_max_num_queries(40):
            assert client.get(reverse(f"{name}:index"), {"export": "xlsx"}).status_code == 200


def test_leaders_read_but_do_not_record(client, recorded, leader, hue_units):
    own, _far = recorded
    planned = VisitFactory(plan=own.plan, unit=unit(PHU_DA))
    client.force_login(leader)
    assert client.get(reverse("evaluation_visits:index")).status_code == 200
    response = client.get(reverse("evaluation_visits:record", args=[planned.pk]))
    assert response.status_code in (302, 403)
