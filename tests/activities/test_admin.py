"""The register in the admin: scoped listings, exports and objects; filters; portal entries."""

import datetime

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from giamngheo.activities.models import Activity, Channel

from .factories import ActivityFactory, kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(phu_vang, phu_da, a_luoi):
    from tests.conftest import unit

    return {
        "phu_da": ActivityFactory(unit=phu_da, title="Họp dân Phú Đa"),
        "phu_thuan": ActivityFactory(unit=unit("19903"), title="Họp dân Phú Thuận"),
        "phu_vang": ActivityFactory(
            unit=phu_vang, title="Phóng sự Phú Vang", kind=kind("phong-su")
        ),
        "a_luoi": ActivityFactory(unit=a_luoi, title="Hội thảo A Lưới", kind=kind("hoi-thao")),
    }


def titles(response) -> set[str]:
    return {activity.title for activity in response.context["object_list"]}


def test_a_commune_officer_lists_only_their_communes_activities(client, commune_officer, records):
    client.force_login(commune_officer)
    response = client.get(reverse("activities:index"))
    assert titles(response) == {"Họp dân Phú Đa"}


def test_a_district_officer_lists_their_district_and_its_communes(
    client, district_officer, records
):
    client.force_login(district_officer)
    response = client.get(reverse("activities:index"))
    assert titles(response) == {"Họp dân Phú Đa", "Họp dân Phú Thuận", "Phóng sự Phú Vang"}


def test_the_commune_officer_gets_404_on_another_communes_activity(
    client, commune_officer, records
):
    client.force_login(commune_officer)
    other = records["phu_thuan"]
    for name in ("edit", "inspect", "delete"):
        assert client.get(reverse(f"activities:{name}", args=[other.pk])).status_code == 404
    own = records["phu_da"]
    assert client.get(reverse("activities:inspect", args=[own.pk])).status_code == 200


def test_the_export_leaves_out_other_units(client, district_officer, records):
    client.force_login(district_officer)
    response = client.get(reverse("activities:index") + "?export=xlsx")
    sheet = load_workbook(__import__("io").BytesIO(b"".join(response.streaming_content))).active
    exported = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert exported == {"Họp dân Phú Đa", "Họp dân Phú Thuận", "Phóng sự Phú Vang"}


def test_province_staff_filter_by_kind_group_and_search_without_accents(
    client, province_staff, records
):
    client.force_login(province_staff)
    url = reverse("activities:index")
    assert titles(client.get(url, {"kind": kind("hoi-thao").pk})) == {"Hội thảo A Lưới"}
    assert titles(client.get(url, {"q": "hop dan phu"})) == {"Họp dân Phú Đa", "Họp dân Phú Thuận"}
    assert titles(client.get(url, {"unit": "478"})) == {"Phóng sự Phú Vang"}
    assert len(titles(client.get(url, {"year": 2023, "origin": "entered"}))) == 4
    assert titles(client.get(url, {"planned": "yes"})) == set()


def test_the_listing_runs_a_bounded_number_of_queries(
    client, province_staff, records, phu_da, django_assert_max_num_queries
):
    for number in range(20):
        ActivityFactory(unit=phu_da, title=f"Tin bài {number}")
    client.force_login(province_staff)
    with django_assert_max_num_queries(30):
        response = client.get(reverse("activities:index"))
    assert response.status_code == 200
    with django_assert_max_num_queries(30):
        client.get(reverse("activities:index") + "?export=csv")


def test_a_commune_officer_enters_an_activity_for_their_commune(client, commune_officer, phu_da):
    client.force_login(commune_officer)
    response = client.post(
        reverse("activities:add"),
        {
            "kind": kind("hop-dan").pk,
            "unit": phu_da.pk,
            "title": "Họp dân thôn Hà Úc",
            "start_date": "2023-05-02",
            "channel": "in_person",
            "audience_reached": "80",
            "participants": "80",
            "cost": "500000",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Activity.objects.get().title == "Họp dân thôn Hà Úc"


def test_a_commune_officer_cannot_enter_an_activity_for_another_commune(
    client, commune_officer, a_luoi
):
    client.force_login(commune_officer)
    response = client.post(
        reverse("activities:add"),
        {"kind": kind("hop-dan").pk, "unit": a_luoi.pk, "title": "X", "start_date": "2023-05-02"},
    )
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_a_leader_reads_but_cannot_edit(client, leader, records):
    client.force_login(leader)
    assert client.get(reverse("activities:index")).status_code == 200
    response = client.get(reverse("activities:edit", args=[records["phu_da"].pk]))
    assert response.status_code == 302


def test_a_portal_entry_keeps_its_title_and_date_but_takes_figures(
    client, province_staff, hue_units, wagtail_tree
):
    from tests.portal.factories import ArticlePageFactory

    article = ArticlePageFactory(title="Tin từ cổng", date=datetime.date(2023, 4, 5))
    entry = Activity.objects.get(source_id=article.pk)
    client.force_login(province_staff)
    response = client.get(reverse("activities:edit", args=[entry.pk]))
    form = response.context["form"]
    data = {
        name: form[name].value() or "" for name in form.fields if not form.fields[name].disabled
    }
    data.update(title="Đổi tên", audience_reached="1200", cost="300000", communicators=[])
    response = client.post(reverse("activities:edit", args=[entry.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    entry.refresh_from_db()
    assert (entry.title, entry.audience_reached, entry.cost) == ("Tin từ cổng", 1200, 300000)


def test_the_form_offers_only_communicators_of_the_users_units(client, commune_officer, phu_da):
    from tests.conftest import unit
    from tests.network.factories import CommunicatorFactory

    own = CommunicatorFactory(unit=phu_da, full_name="Lê Thị Hồng")
    CommunicatorFactory(unit=unit("19903"), full_name="Người xã khác")
    client.force_login(commune_officer)
    form = client.get(reverse("activities:add")).context["form"]
    assert list(form.fields["communicators"].queryset) == [own]


@pytest.mark.parametrize(
    "role", ["province_staff", "leader", "district_officer", "commune_officer"]
)
def test_the_admin_menu_and_tables_views_open_for_every_role(client, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("activities_statistics")).status_code == 200
    assert client.get(reverse("activities_planned_vs_done"), {"year": "abc"}).status_code == 200
    assert client.get(reverse("network_coverage"), {"on": "not a date"}).status_code == 200


def test_the_listing_shows_the_channel_by_its_name(client, province_staff, records):
    client.force_login(province_staff)
    content = client.get(reverse("activities:index")).content.decode()
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        assert str(Channel.ONLINE.label) in content


def test_the_single_form_refuses_an_activity_already_registered_as_the_import_does(
    client, commune_officer, phu_da
):
    ActivityFactory(
        unit=phu_da,
        kind=kind("hop-dan"),
        title="Họp dân thôn 9",
        start_date=datetime.date(2023, 3, 15),
    )
    client.force_login(commune_officer)
    response = client.post(
        reverse("activities:add"),
        {
            "kind": kind("hop-dan").pk,
            "unit": phu_da.pk,
            "title": "HỌP DÂN THÔN 9",
            "start_date": "2023-03-15",
        },
    )
    assert response.status_code == 200
    assert "đã có trong sổ" in response.text
    assert Activity.objects.count() == 1
