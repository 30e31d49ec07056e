"""Province staff give apps their keys; cases from apps reach the right officers."""

import hashlib
import re

import pytest
from django.utils import timezone

from giamngheo.feedback import services
from giamngheo.feedback.models import Feedback
from giamngheo.feedback.open311.models import ApiKey
from tests.accounts.factories import UserFactory
from tests.conftest import unit

from .open311_client import GeoReportClient

pytestmark = pytest.mark.django_db

KEYS = "/admin/feedback_api_keys/"
KEY_PATTERN = re.compile(r"gn311_[A-Za-z0-9_-]{43}")


@pytest.fixture
def province(hue_units, wagtail_tree):
    return UserFactory(
        username="tinh", role="province_staff", unit=unit("46", timezone.localdate())
    )


def create_key(client, province, name="Ứng dụng Hue-S") -> tuple[str, object]:
    client.force_login(province)
    response = client.post(
        f"{KEYS}new/", {"name": name, "contact": "0234 3822 000", "is_active": "on"}
    )
    assert response.status_code == 200, response.content[:500]
    (raw,) = set(KEY_PATTERN.findall(response.content.decode()))
    client.logout()
    return raw, response


def test_province_staff_create_a_key_shown_once_and_stored_hashed(client, province):
    raw, response = create_key(client, province)
    assert "no-store" in response["Cache-Control"]
    key = ApiKey.objects.get()
    assert key.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in {key.name, key.contact, key.prefix, key.key_hash}
    assert raw.startswith(key.prefix) and key.created_by == province

    client.force_login(province)
    listing = client.get(KEYS).content.decode()
    assert key.prefix in listing and raw not in listing
    edit = client.get(f"{KEYS}edit/{key.pk}/").content.decode()
    assert raw not in edit and key.key_hash not in edit


def test_the_new_key_lets_the_app_post(client, province, categories, phu_vang):
    raw, _response = create_key(client, province)
    app = GeoReportClient(client, api_key=raw)
    reply = app.post_request(
        service_code="suggestion",
        address_id=phu_vang.code,
        description="Nên phát thêm chương trình vào buổi tối.",
        attributes={"consent": "yes"},
    )
    assert reply.status == 200, reply.body


def test_a_key_deactivated_in_the_admin_is_refused_at_once(client, province, categories, phu_vang):
    raw, _response = create_key(client, province)
    key = ApiKey.objects.get()
    client.force_login(province)
    response = client.post(f"{KEYS}edit/{key.pk}/", {"name": key.name, "contact": key.contact})
    assert response.status_code == 302
    key.refresh_from_db()
    assert not key.is_active
    client.logout()
    reply = GeoReportClient(client, api_key=raw).post_request(
        service_code="suggestion",
        address_id=phu_vang.code,
        description="Góp ý",
        attributes={"consent": "yes"},
    )
    assert reply.status == 403


@pytest.mark.parametrize("role", ["commune_officer", "district_officer", "leader"])
def test_other_roles_cannot_see_or_create_keys(client, hue_units, wagtail_tree, role):
    user = UserFactory(role=role, unit=unit("46" if role == "leader" else "478"))
    client.force_login(user)
    for response in (client.get(KEYS), client.post(f"{KEYS}new/", {"name": "Lậu"})):
        assert response.status_code == 403 or (
            response.status_code == 302 and response["Location"] == "/admin/"
        )
    assert not ApiKey.objects.exists()


def test_a_case_from_an_app_reaches_only_its_communes_officer(
    client, province, officer, other_officer, categories, phu_vang, phu_xuan
):
    raw, _response = create_key(client, province)
    reply = GeoReportClient(client, api_key=raw).post_request(
        service_code="support-not-received",
        lat="16.5",
        long="107.6",
        description="Chưa nhận tiền hỗ trợ tháng này.",
        attributes={"commune": phu_vang.code, "consent": "yes"},
    )
    code = reply.json[0]["service_request_id"]
    case = Feedback.objects.get(tracking_code=code)

    def lists(user) -> bool:
        client.force_login(user)
        return code in client.get("/admin/feedback_cases/").content.decode()

    # Received from an app like from the portal: the province sees it and assigns it.
    assert lists(province)
    assert not lists(officer) and not lists(other_officer)
    services.assign_feedback(feedback=case, unit=phu_vang, by=province)
    assert lists(officer)
    assert not lists(other_officer)
    client.force_login(other_officer)
    assert client.get(f"/admin/phan-anh/ca/{case.pk}/").status_code == 404
    client.force_login(officer)
    page = client.get(f"/admin/phan-anh/ca/{case.pk}/").content.decode()
    assert "Chưa nhận tiền hỗ trợ tháng này." in page


def test_the_key_listing_query_count_does_not_grow(client, province, django_assert_max_num_queries):
    client.force_login(province)
    ApiKey.objects.create(name="Ứng dụng 0", key_hash="0" * 64, prefix="gn311_000000")
    with django_assert_max_num_queries(40) as few:
        assert client.get(KEYS).status_code == 200
    for n in range(1, 12):
        ApiKey.objects.create(name=f"Ứng dụng {n}", key_hash=f"{n:064d}", prefix=f"gn311_{n:06d}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(KEYS).status_code == 200
