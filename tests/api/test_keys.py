"""A unit's system posts with its key what its officers would enter, and reads back."""

import datetime

import pytest
from django.utils import timezone

from giamngheo.api.models import UnitApiKey
from giamngheo.broadcasts.models import Broadcast, monday_of
from giamngheo.indicators.models import ProgrammePeriod
from tests.accounts.factories import UserFactory
from tests.activities.factories import ActivityFactory
from tests.conftest import unit
from tests.feedback.factories import FeedbackFactory

from .conftest import PHU_VANG, THUAN_AN, issue_key

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LAST_MONDAY = monday_of(TODAY) - datetime.timedelta(days=7)


def post(client, url, body, key):
    return client.post(url, body, content_type="application/json", headers={"X-API-Key": key})


def week_of_programmes(code=THUAN_AN):
    return {
        "programmes": [
            {"commune": code, "date": str(LAST_MONDAY + datetime.timedelta(days=d)), "title": t}
            | {"minutes": 15}
            for d, t in ((0, "Chính sách tín dụng"), (3, "Bảo hiểm y tế cho hộ cận nghèo"))
        ]
    }


def test_a_week_posted_with_the_key_counts_on_the_dashboard(client, thuan_an_key):
    response = post(client, "/api/v1/radio-programmes", week_of_programmes(), thuan_an_key)
    assert response.status_code == 201, response.content
    assert len(response.json()["items"]) == 2
    period = ProgrammePeriod.objects.get(name__startswith="2026")
    url = f"/api/v1/radio-compliance?period={period.pk}&year={LAST_MONDAY.year}&unit={THUAN_AN}"
    weeks = {w["week_start"]: w for w in client.get(url).json()["weeks"]}
    if LAST_MONDAY.year == TODAY.year:  # the week has ended and counts this year
        assert weeks[str(LAST_MONDAY)]["compliant"] == 1
    back = client.get("/api/v1/radio-programmes", headers={"X-API-Key": thuan_an_key}).json()
    assert {p["title"] for p in back["items"]} == {
        "Chính sách tín dụng",
        "Bảo hiểm y tế cho hộ cận nghèo",
    }


def test_a_programme_of_another_commune_is_refused_and_nothing_is_saved(client, thuan_an_key):
    body = week_of_programmes()
    body["programmes"].append(
        {"commune": PHU_VANG, "date": str(LAST_MONDAY), "title": "Xã khác", "minutes": 15}
    )
    response = post(client, "/api/v1/radio-programmes", body, thuan_an_key)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    (error,) = response.json()["errors"]
    assert error["field"] == "programmes.2.commune"
    assert (
        "không thuộc các xã" in error["detail"] and "not one of your communes" in error["detail_en"]
    )
    assert Broadcast.objects.count() == 0


def test_a_missing_field_is_named_in_vietnamese(client, thuan_an_key):
    body = {"programmes": [{"commune": THUAN_AN, "date": str(LAST_MONDAY), "minutes": 5}]}
    response = post(client, "/api/v1/radio-programmes", body, thuan_an_key)
    (error,) = response.json()["errors"]
    assert error["field"] == "programmes.0.title"
    assert error["detail"] == "Trường này là bắt buộc."


def test_a_revoked_key_is_refused(client, thuan_an_key):
    UnitApiKey.objects.update(is_active=False)
    response = post(client, "/api/v1/radio-programmes", week_of_programmes(), thuan_an_key)
    assert response.status_code == 401


def test_a_key_is_rate_limited(client, thuan_an_key, settings):
    settings.API_KEY_RATE = "2/m"
    statuses = [
        client.get("/api/v1/key", headers={"X-API-Key": thuan_an_key}).status_code for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    assert UnitApiKey.objects.get().requests_sent == 2


def test_an_activity_posted_with_the_key_enters_the_register_once(client, thuan_an_key):
    activity = {
        "kind": "tin-bai",
        "title": "Tin về mô hình nuôi bò",
        "unit": THUAN_AN,
        "start_date": str(LAST_MONDAY),
        "audience_reached": 300,
    }
    first = post(client, "/api/v1/activities", activity, thuan_an_key)
    assert first.status_code == 201, first.content
    assert first.json()["unit"] == THUAN_AN
    again = post(client, "/api/v1/activities", activity, thuan_an_key)
    assert again.status_code == 422
    assert again.json()["errors"][0]["field"] == "title"
    elsewhere = post(client, "/api/v1/activities", activity | {"unit": PHU_VANG}, thuan_an_key)
    assert elsewhere.json()["errors"][0]["field"] == "unit"
    unknown = post(client, "/api/v1/activities", activity | {"kind": "khong-co"}, thuan_an_key)
    assert unknown.json()["errors"][0]["field"] == "kind"


def test_the_key_reads_its_units_feedback_cases_without_personal_data(client, hue_units):
    own = unit(THUAN_AN, TODAY)
    FeedbackFactory(commune=own, assigned_unit=own)
    FeedbackFactory(commune=unit(PHU_VANG, TODAY), assigned_unit=unit(PHU_VANG, TODAY))
    key = issue_key(THUAN_AN)
    (case,) = client.get("/api/v1/feedback-cases", headers={"X-API-Key": key}).json()["items"]
    assert case["commune"] == THUAN_AN
    text = str(case)
    assert "Trần Thị Bình" not in text and "0912345678" not in text and "Câu hỏi" not in text


def test_the_province_key_sees_every_commune_a_commune_key_only_its_own(client, hue_units):
    ActivityFactory(unit=unit(PHU_VANG))
    province = issue_key("46")
    body = {"commune": PHU_VANG, "date": str(LAST_MONDAY), "title": "Tỉnh nhập", "minutes": 10}
    assert (
        post(client, "/api/v1/radio-programmes", {"programmes": [body]}, province).status_code
        == 201
    )
    commune_key = issue_key(THUAN_AN)
    listing = client.get("/api/v1/radio-programmes", headers={"X-API-Key": commune_key}).json()
    assert listing["items"] == []


def test_province_staff_issue_a_key_shown_once(client, hue_units, wagtail_tree):
    staff = UserFactory(role="province_staff", unit=unit("46", TODAY))
    client.force_login(staff)
    response = client.post(
        "/admin/api_keys/new/",
        {
            "name": "Phần mềm đài xã",
            "contact": "",
            "unit": unit(THUAN_AN, TODAY).pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 200, response.content[:300]
    assert "no-store" in response["Cache-Control"]
    key = UnitApiKey.objects.get()
    page = response.content.decode()
    raw = page[page.index(key.prefix) :].split('"')[0]
    assert client.get("/api/v1/key", headers={"X-API-Key": raw}).json()["unit"] == THUAN_AN
    assert raw not in client.get("/admin/api_keys/").content.decode()


@pytest.mark.parametrize("url", ["/api/v1/radio-programmes", "/api/v1/feedback-cases"])
def test_a_keyed_list_costs_a_few_queries_however_long(
    client, hue_units, url, django_assert_max_num_queries
):
    from tests.broadcasts.factories import BroadcastFactory

    own = unit(THUAN_AN, TODAY)
    for number in range(25):
        BroadcastFactory(commune=own, on=LAST_MONDAY, title=f"Bản tin {number}")
        FeedbackFactory(commune=own, assigned_unit=own)
    key = issue_key(THUAN_AN)
    with django_assert_max_num_queries(8):
        body = client.get(url, headers={"X-API-Key": key}).json()
    assert len(body["items"]) == 25
