"""People's names read in Vietnamese order (Nguyễn Thị Lan) and lists of people
sort by given name, then family name, as Vietnamese readers expect."""

import re

from django.urls import reverse

from giamngheo.reports.models import GeneratedReport
from giamngheo.training.models import Cadre
from tests.accounts.factories import UserFactory
from tests.conftest import unit


def _sign_in(client, user):
    client.force_login(user)


def test_a_user_is_named_family_name_first_everywhere(province_staff):
    province_staff.first_name, province_staff.last_name = "Lan", "Nguyễn Thị"
    province_staff.save()
    assert province_staff.get_full_name() == "Nguyễn Thị Lan"
    assert str(province_staff) == "Nguyễn Thị Lan"


def test_the_dashboard_greets_the_user_by_name_in_vietnamese_order(client, province_staff):
    province_staff.first_name, province_staff.last_name = "Lan", "Nguyễn Thị"
    province_staff.save()
    _sign_in(client, province_staff)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Nguyễn Thị Lan" in html
    assert "Lan Nguyễn Thị" not in html


def test_the_reports_list_names_the_requester_in_vietnamese_order(client, province_staff):
    province_staff.first_name, province_staff.last_name = "Lan", "Nguyễn Thị"
    province_staff.save()
    GeneratedReport.objects.create(year=2026, unit=unit("46"), requested_by=province_staff)
    _sign_in(client, province_staff)
    html = client.get(reverse("reports_index")).content.decode()
    assert "Nguyễn Thị Lan" in html
    assert "Lan Nguyễn Thị" not in html


def test_the_user_list_sorts_by_given_name_then_family_name(client, hue_units):
    admin = UserFactory(username="quantri", first_name="Trị", last_name="Quản", is_superuser=True)
    for username, first, last in [
        ("tuan", "Tuấn", "Hồ Đắc"),
        ("lan2", "Lan", "Phan Thị"),
        ("an", "An", "Trần Văn"),
        ("lan1", "Lan", "Nguyễn Thị"),
    ]:
        UserFactory(username=username, first_name=first, last_name=last)
    _sign_in(client, admin)
    html = client.get(reverse("wagtailusers_users:index")).content.decode()
    shown = re.findall(r"Trần Văn An|Nguyễn Thị Lan|Phan Thị Lan|Quản Trị|Hồ Đắc Tuấn", html)
    assert list(dict.fromkeys(shown)) == [
        "Trần Văn An",
        "Nguyễn Thị Lan",
        "Phan Thị Lan",
        "Quản Trị",
        "Hồ Đắc Tuấn",
    ]


def test_the_cadre_registry_sorts_by_given_name(hue_units):
    commune = unit("19942")
    for name in ["Phan Thị Lan", "Trần Văn Bình", "Nguyễn Thị Lan", "Lê Văn An"]:
        Cadre.objects.create(full_name=name, unit=commune, level=commune.level)
    assert list(Cadre.objects.values_list("full_name", flat=True)) == [
        "Lê Văn An",
        "Trần Văn Bình",
        "Nguyễn Thị Lan",
        "Phan Thị Lan",
    ]
