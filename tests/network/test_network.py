"""The communicator registry: rules, scoping, inspect with trainings and activities, coverage."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from giamngheo.indicators.rules import Scope
from giamngheo.network import report, selectors
from giamngheo.reports.sections import ReportPeriod
from giamngheo.units.models import Unit
from tests.activities.factories import ActivityFactory
from tests.conftest import ON_2021_MAP, unit
from tests.training.factories import AttendanceFactory, CadreFactory, CourseFactory

from .factories import CommunicatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(hue_units):
    return {
        "phu_da": CommunicatorFactory(unit=unit("19942"), full_name="Lê Thị Hồng"),
        "phu_thuan": CommunicatorFactory(unit=unit("19903"), full_name="Nguyễn Văn An"),
        "phu_vang": CommunicatorFactory(unit=unit("478"), full_name="Hồ Văn Báo", role="reporter"),
        "a_luoi": CommunicatorFactory(unit=unit("481"), full_name="Kăn Sức"),
        "left": CommunicatorFactory(unit=unit("19942"), full_name="Đã nghỉ", is_active=False),
    }


def names(response) -> set[str]:
    return {person.full_name for person in response.context["object_list"]}


def test_a_cadre_of_another_unit_cannot_be_linked(hue_units):
    cadre = CadreFactory(unit=unit("481"))
    person = CommunicatorFactory.build(unit=unit("19942"), full_name="X", cadre=cadre)
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "cadre" in error.value.message_dict


def test_a_commune_officer_sees_only_their_communes_communicators(client, commune_officer, people):
    client.force_login(commune_officer)
    response = client.get(reverse("network_communicators:index"))
    assert names(response) == {"Lê Thị Hồng", "Đã nghỉ"}
    other = people["phu_thuan"]
    for view in ("edit", "inspect", "delete"):
        url = reverse(f"network_communicators:{view}", args=[other.pk])
        assert client.get(url).status_code == 404


def test_search_ignores_accents_and_filters_work(client, province_staff, people):
    client.force_login(province_staff)
    url = reverse("network_communicators:index")
    assert names(client.get(url, {"q": "le thi hong"})) == {"Lê Thị Hồng"}
    assert names(client.get(url, {"role": "reporter"})) == {"Hồ Văn Báo"}
    assert "Đã nghỉ" not in names(client.get(url, {"is_active": "true"}))


def test_the_export_leaves_out_other_units(
    client, district_officer, people, django_assert_max_num_queries
):
    client.force_login(district_officer)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("network_communicators:index") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    exported = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert exported == {"Lê Thị Hồng", "Nguyễn Văn An", "Hồ Văn Báo", "Đã nghỉ"}


def test_the_listing_runs_a_bounded_number_of_queries(
    client, province_staff, people, django_assert_max_num_queries
):
    for _number in range(20):
        CommunicatorFactory(unit=unit("19942"))
    client.force_login(province_staff)
    with django_assert_max_num_queries(25):
        assert client.get(reverse("network_communicators:index")).status_code == 200


def test_the_inspect_view_lists_trainings_and_activities(client, commune_officer, people):
    cadre = CadreFactory(unit=unit("19942"), full_name="Lê Thị Hồng")
    course = CourseFactory(organising_unit=unit("478"), title="Tập huấn kỹ năng truyền thông")
    AttendanceFactory(course=course, cadre=cadre)
    person = people["phu_da"]
    person.cadre = cadre
    person.save()
    activity = ActivityFactory(unit=unit("19942"), title="Họp dân thôn Hà Úc")
    activity.communicators.add(person)
    client.force_login(commune_officer)
    response = client.get(reverse("network_communicators:inspect", args=[person.pk]))
    content = response.content.decode()
    assert "Tập huấn kỹ năng truyền thông" in content and "Họp dân thôn Hà Úc" in content
    trained = client.get(reverse("network_communicators:index"), {"trained": "true"})
    assert names(trained) == {"Lê Thị Hồng"}


def test_coverage_flags_communes_without_an_active_communicator(people):
    units = Unit.objects.filter(code__in=["478", "19942", "19903", "19915"])
    rows = {row.commune.code: row for row in selectors.coverage(units=units, on=ON_2021_MAP)}
    assert (rows["19942"].active, rows["19903"].active) == (1, 1)
    # The commune whose only communicator left, and one with none at all, are not covered.
    people["phu_thuan"].is_active = False
    people["phu_thuan"].save()
    rows = {row.commune.code: row for row in selectors.coverage(units=units, on=ON_2021_MAP)}
    assert not rows["19903"].is_covered
    assert rows["19942"].district.code == "478"


def test_the_coverage_view_is_scoped_and_exports(client, district_officer, people):
    client.force_login(district_officer)
    url = reverse("network_coverage")
    response = client.get(url, {"on": "2023-06-30"})
    codes = {row.commune.code for row in response.context["rows"]}
    assert "19942" in codes and all(row.district.code == "478" for row in response.context["rows"])
    uncovered = client.get(url, {"on": "2023-06-30", "uncovered": "on"}).context["rows"]
    assert uncovered and all(not row.is_covered for row in uncovered)
    assert "19942" not in {row.commune.code for row in uncovered}
    export = client.get(url, {"on": "2023-06-30", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)} == {"Huyện Phú Vang"}


def test_the_report_section_counts_roles_and_lists_uncovered_communes(people):
    scope = Scope(province_code="46", unit=unit("478"))
    section = report.section(period=ReportPeriod(2023), scope=scope)
    coverage, by_role, uncovered = section.tables
    communes, covered, without = coverage.rows[0]
    assert covered + without == communes == len(uncovered.rows) + covered
    assert f"{covered} of {communes} communes" in section.paragraphs[0]  # its own figures
    assert by_role.totals[-1] == 3  # Phú Đa, Phú Thuận, the district's reporter
    assert by_role.rows[1][1:] == [0, 1, 0, 1]  # reporters: one at district level
    assert "Thị trấn Phú Đa" not in {row[1] for row in uncovered.rows}
    assert datetime.date(2023, 12, 31).strftime("%d/%m/%Y") in section.paragraphs[0]
