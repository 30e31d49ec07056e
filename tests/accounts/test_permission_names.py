"""The group form names permissions in Vietnamese, to the eye and to a screen reader."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_every_permission_of_a_model_is_named_in_vietnamese():
    call_command("migrate", verbosity=0)  # names are rewritten after every migrate
    names = dict(Permission.objects.values_list("codename", "name"))
    assert names["add_communicationplan"] == "Được thêm kế hoạch truyền thông"
    assert names["lock_communicationplan"] == "Được khóa kế hoạch truyền thông"
    assert names["record_supervisionvisit"] == "Được ghi kết quả đợt giám sát"
    assert not [name for name in names.values() if name.startswith("Can ")]


def test_the_group_form_reads_permissions_in_vietnamese(admin_client):
    call_command("migrate", verbosity=0)
    group = Group.objects.create(name="Cán bộ thử")
    response = admin_client.get(f"/admin/groups/edit/{group.pk}/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    hidden = [label.get_text(strip=True) for label in soup.select("label.w-sr-only")]
    assert "Được thêm kế hoạch truyền thông" in hidden
    assert not [text for text in hidden if text.startswith("Can ")]
    assert "Được ghi kết quả" in soup.get_text(" ", strip=True)
