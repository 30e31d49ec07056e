"""A snippet chooser offers and returns only records of the user's units, like its listing."""

import json

import pytest
from django.urls import reverse

from giamngheo.indicators.models import ProgrammePeriod
from tests.conftest import unit
from tests.plans.factories import CommunicationPlanFactory as PlanFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    """A chooser answers JSON (the modal's HTML inside) or HTML."""
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(json.loads(response.content), ensure_ascii=False)
    return response.content.decode()


@pytest.fixture
def plans(hue_units, wagtail_tree):
    period = ProgrammePeriod.objects.get(start__year=2021)
    return {
        "ours": PlanFactory(unit=unit("478"), period=period, title="Kế hoạch của Phú Vang"),
        "theirs": PlanFactory(unit=unit("481"), period=period, title="Kế hoạch của A Lưới"),
    }


def test_the_plan_chooser_lists_and_returns_only_the_districts_plans(
    client, district_officer, plans
):
    client.force_login(district_officer)
    namespace = "wagtailsnippetchoosers_plans_communicationplan"
    for view in ("choose", "choose_results"):
        page = text(client.get(reverse(f"{namespace}:{view}")))
        assert "Kế hoạch của Phú Vang" in page
        assert "Kế hoạch của A Lưới" not in page
    ours, theirs = plans["ours"].pk, plans["theirs"].pk
    assert client.get(reverse(f"{namespace}:chosen", args=[ours])).status_code == 200
    assert client.get(reverse(f"{namespace}:chosen", args=[theirs])).status_code == 404
    both = client.get(reverse(f"{namespace}:chosen_multiple"), {"id": [ours, theirs]})
    assert "Kế hoạch của A Lưới" not in text(both)
