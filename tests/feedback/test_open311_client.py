"""An app, written from the GeoReport v2 spec alone, sends feedback and follows it."""

import datetime
import re

import pytest

from giamngheo.feedback import services
from giamngheo.feedback.models import Feedback
from giamngheo.feedback.open311.models import ApiKey, new_raw_key
from tests.accounts.factories import UserFactory
from tests.conftest import unit

from .open311_client import GeoReportClient, records

pytestmark = pytest.mark.django_db

W3_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")
REQUEST_FIELDS = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
]


@pytest.fixture
def raw_key(db):
    raw = new_raw_key()
    key = ApiKey(name="Ứng dụng Hue-S")
    key.set_key(raw)
    key.save()
    return raw


@pytest.fixture
def app(client, raw_key, categories, phu_vang):
    return GeoReportClient(client, api_key=raw_key)


def send_from_the_app(app, phu_vang, fmt="json"):
    """What a generic client does: list services, read the definition, post the form."""
    services_list = app.get("services").json
    service = services_list[0]
    assert service["metadata"] is True and service["type"] == "realtime"
    definition = app.service_definition(service["service_code"])

    def choose(attribute):  # the person picks their commune and ticks the consent box
        values = attribute["values"]
        named = [v for v in values if v["name"] == phu_vang.name]
        return (named or values)[0]["key"]

    answers = app.answers_for(definition, choose)
    reply = app.post_request(
        fmt,
        service_code=service["service_code"],
        lat="16.4637123",
        long="107.5908765",
        address_string="Thôn 3",
        email="binh@example.vn",
        device_id="tt222111",
        account_id="123456",
        first_name="Thị Bình",
        last_name="Trần",
        phone="0912 345 678",
        description="Gia đình tôi chưa nhận được hỗ trợ tiền điện quý này.",
        media_url="http://example.org/anh.jpg",
        attributes=answers,
    )
    return service, reply


def test_an_app_sends_feedback_and_reads_it_back_in_json_and_xml(app, phu_vang):
    service, reply = send_from_the_app(app, phu_vang)
    assert reply.status == 200, reply.body
    created = reply.json
    assert len(created) == 1 and "token" not in created[0]
    request_id = created[0]["service_request_id"]
    assert request_id in created[0]["service_notice"]

    found = app.get(f"requests/{request_id}").json
    assert len(found) == 1
    item = found[0]
    assert list(item) == REQUEST_FIELDS
    assert item["service_request_id"] == request_id
    assert item["status"] == "open"
    assert item["service_code"] == service["service_code"]
    assert item["service_name"] == service["service_name"]
    assert item["description"] == "Gia đình tôi chưa nhận được hỗ trợ tiền điện quý này."
    assert item["address"].startswith("Thôn 3, " + phu_vang.name)
    assert item["address_id"] == phu_vang.code
    assert item["lat"] == pytest.approx(16.463712) and item["long"] == pytest.approx(107.590877)
    for field in ("requested_datetime", "updated_datetime", "expected_datetime"):
        assert W3_DATETIME.match(item[field]), item[field]
    assert datetime.datetime.fromisoformat(item["requested_datetime"]).utcoffset() is not None

    xml = app.get(f"requests/{request_id}", fmt="xml").xml
    assert xml.tag == "service_requests"
    (as_xml,) = records(xml, "request")
    assert list(as_xml) == REQUEST_FIELDS
    assert as_xml["service_request_id"] == request_id and as_xml["status"] == "open"
    assert as_xml["description"] == item["description"]
    assert as_xml["agency_responsible"] is None  # an empty element, as JSON's null

    listed = app.get("requests", service_request_id=f"{request_id},NOSUCHID").json
    assert [r["service_request_id"] for r in listed] == [request_id]


def test_the_case_arrives_as_portal_feedback_from_an_app_with_consent(app, phu_vang, raw_key):
    _service, reply = send_from_the_app(app, phu_vang)
    feedback = Feedback.objects.get(tracking_code=reply.json[0]["service_request_id"])
    assert feedback.channel == "api"
    assert feedback.commune == phu_vang
    assert feedback.name == "Trần Thị Bình"  # family name first
    assert feedback.phone == "0912 345 678" and feedback.email == "binh@example.vn"
    assert feedback.consent_at is not None and feedback.consent_version
    assert feedback.address == "Thôn 3"
    assert str(feedback.latitude) == "16.463712"
    assert feedback.status == "received" and feedback.assigned_unit is None
    key = ApiKey.objects.get()
    assert key.requests_sent == 1 and key.last_used_at is not None


def test_an_app_posting_in_xml_gets_the_id_in_xml(app, phu_vang):
    _service, reply = send_from_the_app(app, phu_vang, fmt="xml")
    assert reply.status == 200
    (created,) = records(reply.xml, "request")
    assert Feedback.objects.filter(tracking_code=created["service_request_id"]).exists()


def test_an_answered_case_reads_closed_with_its_answer_and_the_unit(app, phu_vang, officer):
    _service, reply = send_from_the_app(app, phu_vang)
    feedback = Feedback.objects.get(tracking_code=reply.json[0]["service_request_id"])
    province = UserFactory(role="province_staff", unit=unit("46", datetime.date.today()))
    services.assign_feedback(feedback=feedback, unit=phu_vang, by=province)

    (item,) = app.get(f"requests/{feedback.tracking_code}").json
    assert item["status"] == "open" and item["agency_responsible"] == phu_vang.name
    assert item["status_notes"] is None

    services.answer_feedback(feedback=feedback, answer="Đã chi trả ngày 5.", by=officer)
    (item,) = app.get(f"requests/{feedback.tracking_code}").json
    assert item["status"] == "closed"
    assert item["status_notes"] == "Đã chi trả ngày 5."
    assert item["expected_datetime"] is None
    assert W3_DATETIME.match(item["updated_datetime"])


def test_a_rejected_case_reads_closed_with_the_reason(app, phu_vang):
    _service, reply = send_from_the_app(app, phu_vang)
    feedback = Feedback.objects.get(tracking_code=reply.json[0]["service_request_id"])
    province = UserFactory(role="province_staff", unit=unit("46", datetime.date.today()))
    services.reject_feedback(feedback=feedback, reason="Trùng với phản ánh trước.", by=province)
    (item,) = app.get(f"requests/{feedback.tracking_code}").json
    assert item["status"] == "closed" and item["status_notes"] == "Trùng với phản ánh trước."


def test_the_service_definition_offers_the_communes_and_the_consent(app, phu_vang):
    code = app.get("services").json[0]["service_code"]
    definition = app.service_definition(code)
    assert definition["service_code"] == code
    by_code = {a["code"]: a for a in definition["attributes"]}
    commune = by_code["commune"]
    assert commune["datatype"] == "singlevaluelist" and commune["required"] is True
    assert {"key": phu_vang.code, "name": phu_vang.name} in commune["values"]
    consent = by_code["consent"]
    assert consent["required"] is True and [v["key"] for v in consent["values"]] == ["yes"]
    assert "91/2025/QH15" in consent["description"]

    xml = app.get(f"services/{code}", fmt="xml").xml
    assert xml.tag == "service_definition" and xml.findtext("service_code") == code
    orders = [a.findtext("order") for a in xml.find("attributes").findall("attribute")]
    assert orders == ["1", "2"]
    keys = [v.findtext("key") for v in xml.find("attributes/attribute/values").findall("value")]
    assert phu_vang.code in keys


def test_the_service_list_reads_the_same_in_xml_and_json(app, categories):
    as_json = app.get("services").json
    xml = app.get("services", fmt="xml").xml
    assert xml.tag == "services"
    as_xml = records(xml, "service")
    assert [s["service_code"] for s in as_xml] == [s["service_code"] for s in as_json]
    assert {s["service_code"] for s in as_json} == {c.code for c in categories.values()}
    assert as_xml[0]["metadata"] == "true" and as_xml[0]["type"] == "realtime"
    assert set(as_xml[0]) == {
        "service_code",
        "service_name",
        "description",
        "metadata",
        "type",
        "keywords",
        "group",
    }


def test_an_inactive_category_is_not_offered(app, categories):
    categories["other"].is_active = False
    categories["other"].save()
    codes = [s["service_code"] for s in app.get("services").json]
    assert "other" not in codes
    assert app.get("services/other").status == 404


def test_the_discovery_file_points_at_the_v2_endpoint(client):
    discovery = client.get("/open311/discovery.json").json()
    (endpoint,) = discovery["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert endpoint["formats"] == ["text/xml", "application/json"]
    response = client.get("/open311/discovery.xml")
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert b"<format>application/json</format>" in response.content


def test_the_jurisdiction_id_may_be_given_or_left_out(client, raw_key, categories, settings):
    settings.OPEN311_JURISDICTION = "giamngheo.46"
    with_id = GeoReportClient(client, api_key=raw_key, jurisdiction_id="giamngheo.46")
    assert with_id.get("services").status == 200
    assert GeoReportClient(client).get("services").status == 200
