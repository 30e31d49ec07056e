"""What a district officer reads on a plan sent back for changes: the resubmit button
in Vietnamese with its spaces, and who asked for the changes named in Vietnamese order."""

import pytest
from django.urls import reverse

from giamngheo.plans.services import send_back_plan, submit_plan

pytestmark = pytest.mark.usefixtures("plan_workflow")


def test_a_plan_sent_back_offers_to_resubmit_and_names_the_reviewer_family_name_first(
    client, district_officer, province_staff, own_plan
):
    province_staff.first_name, province_staff.last_name = "Lan", "Nguyễn Thị"
    province_staff.save()
    district_officer.first_name, district_officer.last_name = "Hùng", "Lê Quang"
    district_officer.save()
    submit_plan(plan=own_plan, by=district_officer)
    send_back_plan(plan=own_plan, by=province_staff, comment="Bổ sung kinh phí")

    client.force_login(district_officer)
    edit = client.get(reverse("plans:edit", args=[own_plan.pk])).content.decode()
    assert "Gửi duyệt lại: " in edit
    assert "Thực hiện lại" not in edit

    history = client.get(reverse("plans:workflow_history", args=[own_plan.pk])).content.decode()
    assert "Lê Quang Hùng" in history  # who submitted
    state = own_plan.workflow_states.get()
    detail = client.get(reverse("plans:workflow_history_detail", args=[own_plan.pk, state.pk]))
    html = detail.content.decode()
    assert "Nguyễn Thị Lan" in html  # who asked for changes
    assert "Lan Nguyễn Thị" not in html and "Hùng Lê Quang" not in html
