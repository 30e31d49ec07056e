"""Poverty figures go public only when the province approved them; every version is kept."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import WorkflowState

from giamngheo.core import approval
from giamngheo.portal.results import ResultsPage
from giamngheo.portal.services import ensure_portal
from giamngheo.poverty.importers import import_statistics
from giamngheo.poverty.models import PovertyStatistic
from tests.conftest import unit

from .conftest import PHU_DA, PHU_VANG, xlsx
from .factories import PovertyStatisticFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def results(hue_units, wagtail_tree):
    ensure_portal()
    cache.clear()
    return ResultsPage.objects.get()


def public_households(client, results, unit_code: str = PHU_VANG) -> dict[str, str]:
    """The households column of the portal's results page, by unit name."""
    cache.clear()
    response = client.get(results.url, {"year": "2023", "unit": unit_code})
    children = response.context["results"].poverty["children"]
    return {row["name"]: row["households"] for row in children if row["has_data"]}


def add_figures(client, households: int, action: str) -> PovertyStatistic:
    """Fill in the admin's form as a commune officer does, and save or submit."""
    response = client.post(
        reverse("poverty_statistics:add"),
        {
            "unit": unit(PHU_DA).pk,
            "year": 2023,
            "households": households,
            "poor_households": 61,
            "near_poor_households": 80,
            "poverty_standard": "",
            "source": "Quyết định số 45/QĐ-UBND",
            "notes": "",
            action: "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return PovertyStatistic.objects.get(unit_code=PHU_DA, year=2023)


def test_a_communes_figures_are_public_only_after_the_province_approves(
    client, results, commune_officer, province_staff
):
    client.force_login(commune_officer)
    figure = add_figures(client, 2450, "action-submit")
    assert figure.get_approval_status() == "submitted"
    client.logout()
    assert "Thị trấn Phú Đa" not in public_households(client, results)

    approval.approve(instance=figure, by=province_staff)
    figure.refresh_from_db()
    assert figure.live and figure.get_approval_status() == "approved"
    assert public_households(client, results)["Thị trấn Phú Đa"] == "2.450"


def test_a_figure_sent_back_shows_the_reason_and_stays_private(
    client, results, commune_officer, province_staff
):
    client.force_login(commune_officer)
    figure = add_figures(client, 2450, "action-submit")
    approval.send_back(instance=figure, by=province_staff, comment="Số hộ nghèo chưa khớp QĐ")
    figure.refresh_from_db()
    assert figure.get_approval_status() == "draft"
    state = figure.workflow_states.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    page = client.get(reverse("poverty_statistics:edit", args=[figure.pk])).content.decode()
    assert "Số hộ nghèo chưa khớp QĐ" in page
    client.logout()
    assert "Thị trấn Phú Đa" not in public_households(client, results)


def test_a_change_to_an_approved_figure_waits_and_the_history_keeps_both(
    client, results, commune_officer, province_staff
):
    figure = PovertyStatisticFactory(unit=unit(PHU_DA), year=2023, households=2400)
    figure.save_revision(user=province_staff).publish(user=province_staff)
    report = import_statistics(
        upload=xlsx([[PHU_DA, 2023, 2450, 61, 80, "QĐ 45", ""]]),
        by=commune_officer,
        replace_existing=True,
        submit=True,
    )
    assert not report.has_errors, report.errors
    figure.refresh_from_db()
    assert figure.get_approval_status() == "approved"  # the approved version stays live
    assert figure.workflow_in_progress
    assert public_households(client, results)["Thị trấn Phú Đa"] == "2.400"

    approval.approve(instance=figure, by=province_staff)
    assert public_households(client, results)["Thị trấn Phú Đa"] == "2.450"
    households = [r.as_object().households for r in figure.revisions.order_by("created_at")]
    assert households == [2400, 2450]


def test_province_staff_figures_are_approved_as_they_are_imported(client, results, province_staff):
    report = import_statistics(
        upload=xlsx([[PHU_DA, 2023, 2450, 61, 80, "QĐ 45", ""]]), by=province_staff
    )
    assert report.created == 1
    assert PovertyStatistic.objects.get().live
    assert public_households(client, results)["Thị trấn Phú Đa"] == "2.450"


def test_the_listing_says_where_each_figure_stands(client, results, commune_officer):
    client.force_login(commune_officer)
    add_figures(client, 2450, "action-submit")
    page = client.get(reverse("poverty_statistics:list")).content.decode()
    assert "Đã trình" in page  # submitted, awaiting the province
