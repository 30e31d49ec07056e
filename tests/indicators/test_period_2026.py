"""The 2026–2030 period: a draft of the same targets, counted on the two-level map."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.indicators.rules import Scope, plan_coverage
from giamngheo.indicators.selectors import target_for
from giamngheo.plans.services import approve_plan, submit_plan
from giamngheo.portal.results import ResultsPage
from giamngheo.portal.services import ensure_portal
from tests.conftest import HUE, unit
from tests.plans.factories import CommunicationPlanFactory

TODAY = datetime.date(2026, 12, 3)
URL = reverse("indicators_dashboard")


@pytest.fixture
def period_2026(wagtail_tree, hue_units):
    cache.clear()
    return ProgrammePeriod.objects.get(name="2026–2030")


def approved_plans_of(code, period, by):
    for year in (None, 2026):
        plan = CommunicationPlanFactory(unit=unit(code, TODAY), period=period, year=year)
        submit_plan(plan=plan, by=by)
        approve_plan(plan=plan, by=by)


def test_the_2026_period_is_a_draft_of_the_same_three_targets(period_2026):
    assert period_2026.is_draft
    assert (period_2026.start, period_2026.end) == (
        datetime.date(2026, 1, 1),
        TODAY.replace(2030, 12, 31),
    )
    targets = {t.indicator.code: t.value for t in period_2026.targets.select_related("indicator")}
    assert targets == {"ke-hoach-truyen-thong": 100, "phat-thanh-xa": 80, "tap-huan-can-bo": 100}


def test_province_staff_confirm_the_draft_from_the_periods_list(
    client, province_staff, period_2026
):
    client.force_login(province_staff)
    listing = client.get(reverse("periods:index"))
    confirm_url = reverse("periods:confirm", args=[period_2026.pk])
    assert confirm_url in listing.text
    page = client.get(confirm_url)
    assert "Phú Vang" not in page.text and page.status_code == 200
    assert client.post(confirm_url).status_code == 302
    period_2026.refresh_from_db()
    assert not period_2026.is_draft
    assert confirm_url not in client.get(reverse("periods:index")).text


def test_an_officer_cannot_confirm_targets(client, commune_officer, period_2026):
    client.force_login(commune_officer)
    response = client.post(reverse("periods:confirm", args=[period_2026.pk]))
    assert response.status_code in (302, 403)  # Wagtail sends a refused user to the admin home
    period_2026.refresh_from_db()
    assert period_2026.is_draft


def test_an_edited_target_stays_when_the_seed_runs_again(period_2026):
    from giamngheo.indicators.models import Indicator, Target
    from giamngheo.indicators.seed import seed_periods

    target = period_2026.targets.get(indicator__code="tap-huan-can-bo")
    target.value = 150
    target.save()
    seed_periods(ProgrammePeriod, Indicator, Target)
    assert target_for(target.indicator, period_2026, 2027).value == 150


def test_2026_plans_are_counted_over_the_40_communes_and_the_province(period_2026, province_staff):
    approved_plans_of("19942", period_2026, province_staff)  # Xã Phú Vang
    approved_plans_of(HUE, period_2026, province_staff)  # the province's own plan
    target = period_2026.targets.get(indicator__code="ke-hoach-truyen-thong")
    result = plan_coverage(target, 2026, Scope(HUE))
    assert len(result.detail) == 41
    assert result.value == pytest.approx(100 * 2 / 41)
    one_commune = plan_coverage(target, 2026, Scope(HUE, unit("19942", TODAY)))
    assert one_commune.value == 100


def test_the_dashboard_drills_from_the_province_to_the_communes_in_2026(
    client, province_staff, period_2026
):
    client.force_login(province_staff)
    response = client.get(URL, {"period": period_2026.pk, "year": 2026})
    assert response.status_code == 200
    offered = {u.code for u in response.context["districts"]}
    assert len(offered) == 40 and "19942" in offered and "478" not in offered
    assert "Xã Phú Vang" in response.text
    one = client.get(URL, {"period": period_2026.pk, "year": 2026, "unit": "19942"})
    assert one.context["scope"].unit.code == "19942"
    assert "draft" in response.text.lower() or "dự thảo" in response.text.lower()


def test_the_results_page_shows_2026_by_commune_and_keeps_2023(client, period_2026):
    ensure_portal()
    page = ResultsPage.objects.get()
    response = client.get(page.url, {"year": "2026", "unit": "19942"})
    assert response.status_code == 200
    result = response.context["results"]
    assert result.scope.unit.code == "19942" and len(result.units) == 40
    assert 2023 in result.years and 2026 in result.years
    assert client.get(page.url, {"year": "2023"}).context["results"].period.name == "2021–2025"
