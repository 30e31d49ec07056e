"""A district officer reaches only their district's plans; a commune officer none."""

import csv
import io

import pytest
from django.urls import reverse

from giamngheo.accounts import scoping
from giamngheo.plans.models import CommunicationPlan
from tests.accounts.factories import UserFactory
from tests.conftest import unit

from .conftest import A_LUOI, PHU_DA, PHU_VANG
from .forms import plan_data

pytestmark = pytest.mark.usefixtures("plan_workflow")


def object_urls(plan) -> dict[str, str]:
    revision = plan.revisions.first()
    pk = plan.pk
    return {
        "edit": reverse("plans:edit", args=[pk]),
        "delete": reverse("plans:delete", args=[pk]),
        "inspect": reverse("plans:inspect", args=[pk]),
        "history": reverse("plans:history", args=[pk]),
        "history_results": reverse("plans:history_results", args=[pk]),
        "usage": reverse("plans:usage", args=[pk]),
        "copy": reverse("plans:copy", args=[pk]),
        "revisions_revert": reverse("plans:revisions_revert", args=[pk, revision.pk]),
        "revisions_compare": reverse("plans:revisions_compare", args=[pk, "earliest", "latest"]),
        "workflow_history": reverse("plans:workflow_history", args=[pk]),
        "lock": reverse("plans:lock", args=[pk]),
        "unlock": reverse("plans:unlock", args=[pk]),
        "unpublish": reverse("plans:unpublish", args=[pk]),
    }


OBJECT_VIEWS = [
    "edit",
    "delete",
    "inspect",
    "history",
    "history_results",
    "usage",
    "copy",
    "revisions_revert",
    "revisions_compare",
    "workflow_history",
    "lock",
    "unlock",
    "unpublish",
]


def export_cells(client) -> set[str]:
    response = client.get(reverse("plans:list") + "?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return {cell for row in csv.reader(io.StringIO(content)) for cell in row}


def test_district_officer_lists_only_their_districts_plans(
    client, district_officer, own_plan, far_plan
):
    client.force_login(district_officer)
    response = client.get(reverse("plans:list"))
    assert response.status_code == 200
    assert own_plan.title in response.text
    assert far_plan.title not in response.text


def test_district_officer_export_holds_only_their_district(
    client, district_officer, own_plan, far_plan
):
    client.force_login(district_officer)
    cells = export_cells(client)
    assert own_plan.title in cells
    assert far_plan.title not in cells


@pytest.mark.parametrize("view", OBJECT_VIEWS)
def test_district_officer_cannot_open_another_districts_plan(
    client, district_officer, far_plan, view
):
    client.force_login(district_officer)
    url = object_urls(far_plan)[view]
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


def test_district_officer_cannot_act_on_another_districts_workflow(
    client, district_officer, province_staff, far_plan
):
    from giamngheo.plans.services import submit_plan

    submit_plan(plan=far_plan, by=province_staff)
    task_state = far_plan.current_workflow_task_state
    client.force_login(district_officer)
    for url in [
        reverse("plans:workflow_action", args=[far_plan.pk, "approve", task_state.pk]),
        reverse("plans:collect_workflow_action_data", args=[far_plan.pk, "approve", task_state.pk]),
        reverse("plans:confirm_workflow_cancellation", args=[far_plan.pk]),
        reverse(
            "plans:workflow_history_detail", args=[far_plan.pk, far_plan.current_workflow_state.pk]
        ),
    ]:
        assert client.get(url).status_code == 404, url
    assert not CommunicationPlan.objects.get(pk=far_plan.pk).live


def test_district_officer_cannot_delete_another_districts_plan(client, district_officer, far_plan):
    client.force_login(district_officer)
    assert client.post(reverse("plans:delete", args=[far_plan.pk])).status_code == 404
    assert CommunicationPlan.objects.filter(pk=far_plan.pk).exists()


def test_bulk_delete_never_names_another_districts_plan(
    client, district_officer, own_plan, far_plan
):
    client.force_login(district_officer)
    url = reverse("wagtail_bulk_action", args=["plans", "communicationplan", "delete"])
    assert client.get(f"{url}?id={far_plan.pk}").status_code == 404
    response = client.get(f"{url}?id={far_plan.pk}&id={own_plan.pk}")
    assert response.status_code == 200
    assert own_plan.title in response.text
    assert far_plan.title not in response.text
    client.post(f"{url}?id={far_plan.pk}&id={own_plan.pk}")
    assert CommunicationPlan.objects.filter(pk=far_plan.pk).exists()
    assert not CommunicationPlan.objects.filter(pk=own_plan.pk).exists()


def test_the_unit_field_offers_only_the_officers_district(client, district_officer):
    client.force_login(district_officer)
    response = client.get(reverse("plans:add"))
    assert response.status_code == 200
    offered = response.context["form"].fields["unit"].queryset
    assert set(offered.values_list("code", flat=True)) == {PHU_VANG}


def test_district_officer_cannot_create_a_plan_for_another_district(
    client, district_officer, a_luoi, period
):
    client.force_login(district_officer)
    response = client.post(reverse("plans:add"), plan_data(unit=a_luoi, period=period))
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not CommunicationPlan.objects.exists()


def test_commune_officer_sees_no_plans_of_the_district(client, commune_officer, own_plan):
    # A commune drafts its own plan on the two-level map; its district's is not its own.
    assert not scoping.scope(CommunicationPlan.objects.all(), commune_officer).exists()
    client.force_login(commune_officer)
    response = client.get(reverse("plans:list"))
    assert response.status_code == 200
    assert own_plan.title not in response.text
    assert client.get(reverse("plans:edit", args=[own_plan.pk])).status_code == 404


def test_a_commune_officer_given_the_permission_still_sees_nothing(client, own_plan, hue_units):
    officer = UserFactory(role="district_officer", unit=unit(PHU_DA))
    client.force_login(officer)
    response = client.get(reverse("plans:list"))
    assert response.status_code == 200
    assert own_plan.title not in response.text
    assert client.get(reverse("plans:inspect", args=[own_plan.pk])).status_code == 404


def test_province_staff_see_every_district(client, province_staff, own_plan, far_plan):
    client.force_login(province_staff)
    cells = export_cells(client)
    assert {own_plan.title, far_plan.title} <= cells


def test_leader_reads_but_cannot_change(client, leader, own_plan):
    client.force_login(leader)
    assert client.get(reverse("plans:list")).status_code == 200
    assert client.get(reverse("plans:inspect", args=[own_plan.pk])).status_code == 200
    assert client.get(reverse("plans:add")).status_code == 302
    assert client.get(reverse("plans:edit", args=[own_plan.pk])).status_code == 302


def test_listing_filters_by_status_year_and_unit(
    client, province_staff, own_plan, far_plan, period
):
    own_plan.get_latest_revision().publish(user=province_staff)
    client.force_login(province_staff)
    url = reverse("plans:list")
    approved = client.get(url, {"status": "approved"}).text
    assert own_plan.title in approved and far_plan.title not in approved
    drafts = client.get(url, {"status": "draft"}).text
    assert far_plan.title in drafts and own_plan.title not in drafts
    by_unit = client.get(url, {"unit": unit(A_LUOI).pk}).text
    assert far_plan.title in by_unit and own_plan.title not in by_unit
    assert own_plan.title not in client.get(url, {"year": "period"}).text
    assert own_plan.title in client.get(url, {"year": "2023", "period": period.pk}).text


def test_search_ignores_accents(client, province_staff, own_plan, far_plan):
    client.force_login(province_staff)
    response = client.get(reverse("plans:list"), {"q": "phu vang"})
    assert own_plan.title in response.text
    assert far_plan.title not in response.text


def test_listing_runs_a_bounded_number_of_queries(
    client, province_staff, district_officer, period, django_assert_max_num_queries, hue_units
):
    from giamngheo.units.models import Unit

    from .factories import CommunicationPlanFactory, PlannedActivityFactory

    districts = (
        Unit.objects.of_province("46").filter(level="district").in_force(unit(PHU_VANG).valid_from)
    )
    for district in districts:
        for year in (2022, 2023, 2024):
            plan = CommunicationPlanFactory(unit=district, period=period, year=year)
            PlannedActivityFactory(plan=plan)
    for user in (province_staff, district_officer):
        client.force_login(user)
        with django_assert_max_num_queries(16):
            response = client.get(reverse("plans:list"))
        assert response.status_code == 200
        with django_assert_max_num_queries(10):
            export = client.get(reverse("plans:list") + "?export=csv")
            b"".join(export.streaming_content)
