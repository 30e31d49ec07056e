"""The demo supervision data: plans of 2023 and 2024, recorded visits, one overdue."""

import pytest
from django.utils import timezone

from giamngheo.demo.services import load_demo
from giamngheo.evaluation.models import Recommendation, SupervisionPlan, SupervisionVisit


@pytest.mark.django_db
def test_demo_has_the_2023_supervision_recorded_with_one_recommendation_overdue(
    hue_units, wagtail_tree
):
    load_demo(seed=7, parts=["users", "training", "evaluation"])
    plans = SupervisionPlan.objects.all()
    assert {p.year for p in plans} == {2023, 2024}
    assert plans.filter(organiser__code="478").exists()
    held = SupervisionVisit.objects.filter(status="held")
    assert held.filter(unit__code="478", plan__organiser__level="province").exists()
    assert held.filter(plan__organiser__code="478").count() == 2
    assert all(visit.snapshot and visit.rating for visit in held)
    today = timezone.localdate()
    assert Recommendation.objects.overdue(today).filter(visit__unit__code="478").exists()
    assert Recommendation.objects.filter(status="closed").exists()
    first = list(Recommendation.objects.order_by("pk").values_list("text", "status"))
    load_demo(seed=7, parts=["users", "training", "evaluation"], force=True)
    assert list(Recommendation.objects.order_by("pk").values_list("text", "status")) == first
