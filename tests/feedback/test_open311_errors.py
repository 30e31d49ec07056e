"""Every refusal is the spec's error list with the right HTTP status, never a 500."""

import pytest
from django.test import Client

from giamngheo.feedback.models import Feedback
from giamngheo.feedback.open311.models import ApiKey, new_raw_key
from giamngheo.feedback.selectors import communes_for_citizens
from giamngheo.units.models import Unit
from tests.conftest import ON_2021_MAP

from .open311_client import GeoReportClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def raw_key(db):
    raw = new_raw_key()
    key = ApiKey(name="Ứng dụng thử")
    key.set_key(raw)
    key.save()
    return raw


@pytest.fixture
def app(client, raw_key, categories):
    return GeoReportClient(client, api_key=raw_key)


@pytest.fixture
def fields(phu_vang):
    """A request the server accepts; each test breaks one thing."""
    return {
        "service_code": "policy-question",
        "lat": "16.46",
        "long": "107.59",
        "description": "Điều kiện vay vốn hộ cận nghèo là gì?",
        "attributes": {"commune": phu_vang.code, "consent": "yes"},
    }


def refused(reply, status: int, *words: str) -> None:
    assert reply.status == status, reply.body
    errors = reply.errors()
    assert errors and all(error["code"] == status for error in errors)
    text = reply.error_text()
    for word in words:
        assert word in text, text
    assert not Feedback.objects.exists()


def test_the_accepted_request_is_accepted(app, fields):
    assert app.post_request(**fields).status == 200


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_post_without_an_api_key_is_refused_with_403(client, categories, fields, fmt):
    refused(GeoReportClient(client).post_request(fmt, **fields), 403, "api_key")


def test_a_wrong_api_key_is_refused_with_403(client, raw_key, categories, fields):
    wrong = GeoReportClient(client, api_key=raw_key[:-2] + "xx")
    refused(wrong.post_request(**fields), 403, "api_key")


def test_a_deactivated_api_key_is_refused_with_403(app, fields):
    ApiKey.objects.update(is_active=False)
    refused(app.post_request(**fields), 403, "api_key")


def test_the_api_key_is_checked_before_anything_else_of_the_request(client, categories):
    refused(GeoReportClient(client, api_key="x").post_request(), 403, "api_key")


def test_an_unknown_service_code_is_404(app, fields):
    refused(app.post_request(**{**fields, "service_code": "khong-co"}), 404, "service_code")


def test_an_inactive_service_code_is_404(app, fields, categories):
    categories["policy-question"].is_active = False
    categories["policy-question"].save()
    refused(app.post_request(**fields), 404, "service_code")


def test_a_missing_service_code_is_400(app, fields):
    del fields["service_code"]
    refused(app.post_request(**fields), 400, "service_code")


def test_a_request_without_any_location_is_400(app, fields):
    del fields["lat"], fields["long"]
    refused(app.post_request(**fields), 400, "lat", "address_string", "address_id")


def test_lat_without_long_is_400(app, fields):
    del fields["long"]
    refused(app.post_request(**{**fields, "address_string": "Thôn 1"}), 400, "lat")


@pytest.mark.parametrize(
    "lat", ["abc", "NaN", "Infinity", "1e999", "91", "-90.000001", "16,46", "0x10"]
)
def test_a_latitude_that_is_not_one_is_400(app, fields, lat):
    refused(app.post_request(**{**fields, "lat": lat}), 400, "lat")


@pytest.mark.parametrize("long", ["181", "-1e3", "--1"])
def test_a_longitude_out_of_range_is_400(app, fields, long):
    refused(app.post_request(**{**fields, "long": long}), 400, "long")


@pytest.mark.parametrize("consent", [None, "", "no", "true", "1"])
def test_without_consent_yes_the_request_is_refused_clearly(app, fields, consent):
    if consent is None:
        del fields["attributes"]["consent"]
    else:
        fields["attributes"]["consent"] = consent
    refused(app.post_request(**fields), 400, "attribute[consent]", "attribute[consent]=yes")


def test_consent_is_read_whatever_the_case(app, fields):
    fields["attributes"]["consent"] = " Yes "
    assert app.post_request(**fields).status == 200


def test_a_missing_commune_is_400(app, fields):
    del fields["attributes"]["commune"]
    refused(app.post_request(**fields), 400, "attribute[commune]")


@pytest.mark.parametrize("commune", ["99999", "abc", "46", "478"])
def test_a_commune_not_offered_is_400(app, fields, commune):
    fields["attributes"]["commune"] = commune
    refused(app.post_request(**fields), 400, "attribute[commune]")


def test_a_commune_of_an_older_map_is_400(app, fields):
    current = communes_for_citizens().values_list("code", flat=True)
    old = (
        Unit.objects.in_force(ON_2021_MAP)
        .filter(level="commune", province_code="46")
        .exclude(code__in=current)
        .values_list("code", flat=True)
        .first()
    )
    fields["attributes"]["commune"] = old
    refused(app.post_request(**fields), 400, "attribute[commune]")


def test_the_commune_may_come_as_address_id(app, fields, phu_vang):
    del fields["attributes"]["commune"], fields["lat"], fields["long"]
    reply = app.post_request(**fields, address_id=phu_vang.code)
    assert reply.status == 200, reply.body
    assert Feedback.objects.get().commune == phu_vang


def test_address_id_naming_another_commune_than_the_attribute_is_400(app, fields, phu_xuan):
    refused(app.post_request(**fields, address_id=phu_xuan.code), 400, "address_id")


def test_a_missing_description_is_400(app, fields):
    del fields["description"]
    refused(app.post_request(**fields), 400, "description")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("description", "<script>alert(1)</script>"),
        ("description", "x" * 5001),
        ("description", "   "),
        ("address_string", "<b>Thôn 1</b>"),
        ("address_string", "x" * 256),
        ("phone", "gọi tôi"),
        ("email", "khong-phai-email"),
        ("first_name", "<img src=x onerror=alert(1)>"),
    ],
)
def test_fields_the_portal_refuses_are_refused_by_name(app, fields, field, value):
    refused(app.post_request(**{**fields, field: value}), 400, field)


def test_several_errors_come_as_several_entries(app, fields):
    reply = app.post_request(**{**fields, "phone": "abc", "email": "abc"})
    assert reply.status == 400
    assert len(reply.errors()) == 2


def test_another_jurisdiction_is_404_on_every_method(client, raw_key, fields, settings):
    settings.OPEN311_JURISDICTION = "giamngheo.46"
    elsewhere = GeoReportClient(client, api_key=raw_key, jurisdiction_id="sfgov.org")
    refused(elsewhere.get("services"), 404, "jurisdiction_id")
    refused(elsewhere.get("requests"), 404, "jurisdiction_id")
    refused(elsewhere.post_request(**fields), 404, "jurisdiction_id")


@pytest.mark.parametrize(
    "path",
    ["services.html", "requests.yaml", "requests/ABC.csv", "services/other.JSONP"],
)
def test_an_unknown_format_suffix_is_400_in_xml(client, categories, path):
    response = client.get(f"/open311/v2/{path}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert b"<errors><error><code>400</code>" in response.content


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/open311/v2/services", "text/xml"),
        ("/open311/v2/services.", "text/xml"),
        ("/open311/v2/", "text/xml"),
        ("/open311/v2/tokens/123.json", "application/json"),
        ("/open311/v3/services.xml", "text/xml"),
        ("/open311/", "text/xml"),
    ],
)
def test_any_other_address_is_a_404_in_the_spec_format(client, path, content_type):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith(content_type)


def test_a_wrong_method_is_405_with_the_spec_error(client, categories):
    response = client.delete("/open311/v2/requests.json")
    assert response.status_code == 405 and response.json()[0]["code"] == 405
    assert response["Allow"] == "GET, POST"
    assert client.post("/open311/v2/services.xml").status_code == 405


def test_the_post_needs_no_csrf_token(raw_key, fields):
    browserless = GeoReportClient(Client(enforce_csrf_checks=True), api_key=raw_key)
    assert browserless.post_request(**fields).status == 200


def test_a_body_too_large_or_with_too_many_fields_is_400(app, fields, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    refused(app.post_request(**fields, extra1="1", extra2="2"), 400)
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    refused(app.post_request(**{**fields, "description": "x" * 500}), 400)


@pytest.mark.parametrize(
    ("params", "word"),
    [
        ({"start_date": "hôm qua"}, "start_date"),
        ({"start_date": "2026-13-45T00:00:00Z"}, "start_date"),
        ({"end_date": "2026-02-30"}, "end_date"),
        ({"start_date": "2026-03-01", "end_date": "2026-02-01"}, "end_date"),
        ({"start_date": "2025-01-01T00:00:00Z", "end_date": "2025-06-01T00:00:00Z"}, "90"),
        ({"start_date": "9999-12-31T00:00:00Z"}, "start_date"),
        ({"end_date": "0001-01-02"}, "end_date"),
        ({"status": "pending"}, "status"),
        ({"page_size": "100000"}, "page_size"),
        ({"page_size": "abc"}, "page_size"),
        ({"page_size": "-5"}, "page_size"),
        ({"page": "0"}, "page"),
        ({"service_request_id": ",".join(["ABC"] * 101)}, "service_request_id"),
    ],
)
def test_bad_list_arguments_are_400(app, params, word):
    refused(app.get("requests", **params), 400, word)


def test_a_list_filtered_by_an_unknown_service_code_is_404(app):
    refused(app.get("requests", service_code="policy-question,khong-co"), 404, "khong-co")


def test_an_unknown_request_is_404(app):
    refused(app.get("requests/KHONGCOMA99"), 404, "service_request_id")
    refused(app.get("requests/HD-999999", fmt="xml"), 404, "service_request_id")


def test_an_unknown_service_definition_is_404(app):
    refused(app.get("services/khong-co"), 404, "service_code")


def test_too_many_posts_from_one_address_are_429(app, fields, settings):
    settings.FEEDBACK_RATE_LIMITS = {"open311-submit": "2/h"}
    assert app.post_request(**fields).status == 200
    assert app.post_request(**fields).status == 200
    reply = app.post_request(**fields)
    assert reply.status == 429 and reply.errors()[0]["code"] == 429
    assert Feedback.objects.count() == 2


def test_too_many_posts_with_one_key_are_429_from_any_address(client, raw_key, fields, settings):
    settings.FEEDBACK_RATE_LIMITS = {"open311-key": "1/h"}
    first = client.post("/open311/v2/requests.json", _form(fields, raw_key), REMOTE_ADDR="10.0.0.1")
    second = client.post(
        "/open311/v2/requests.json", _form(fields, raw_key), REMOTE_ADDR="10.0.0.2"
    )
    assert (first.status_code, second.status_code) == (200, 429)


def _form(fields: dict, raw_key: str) -> dict:
    data = {k: v for k, v in fields.items() if k != "attributes"}
    data |= {f"attribute[{k}]": v for k, v in fields["attributes"].items()}
    return data | {"api_key": raw_key}


def test_too_many_reads_are_429(app, settings):
    settings.FEEDBACK_RATE_LIMITS = {"open311-read": "2/h"}
    assert app.get("services").status == 200
    assert app.get("requests").status == 200
    assert app.get("services").status == 429


def test_each_tracking_code_looked_up_counts_against_its_limit(app, settings):
    settings.FEEDBACK_RATE_LIMITS = {"open311-track": "5/h"}
    assert app.get("requests", service_request_id="AAAAAAAAAA,BBBBBBBBBB").status == 200
    assert app.get("requests", service_request_id="CCCCCCCCCC,DDDDDDDDDD").status == 200
    assert app.get("requests", service_request_id="EEEEEEEEEE,FFFFFFFFFF").status == 429
    # Public Q&A ids are not secrets: they do not count.
    assert app.get("requests", service_request_id="HD-1,HD-2,HD-3,HD-4,HD-5,HD-6").status == 200


@pytest.mark.parametrize(
    "path",
    [
        "/open311/v2/requests/%00.json",
        "/open311/v2/requests/..json",
        "/open311/v2/requests/HD-99999999999999999999.json",
        "/open311/v2/services/%E2%80%8B.xml",
        "/open311/v2/requests.json?service_request_id=%00,%20,,",
        "/open311/v2/requests.json?start_date=%00",
        "/open311/v2/requests.json?jurisdiction_id=%00",
        "/open311/v2/requests.xml?status=open,,closed,&service_code=,",
        "/open311/v2/requests.json?page=99999&page_size=1000",
    ],
)
def test_odd_addresses_never_give_a_500(client, categories, path):
    response = client.get(path)
    assert response.status_code in (200, 400, 404), response.content
