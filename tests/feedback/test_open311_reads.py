"""GET requests: the public Q&A for everyone, a case for its code holder, nothing private."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from giamngheo.feedback.models import PublishedAnswer

from .factories import FeedbackFactory
from .open311_client import GeoReportClient, records

pytestmark = pytest.mark.django_db

PRIVATE = [
    "Trần Thị Bình",
    "0912345678",
    "binh@example.vn",
    "Nhà bà Bình, thôn 3",
    "Kính gửi bà Bình",
    "Nội dung gốc có tên người",
    "16.123456",
]


@pytest.fixture
def app(client):
    return GeoReportClient(client)


@pytest.fixture
def publish(categories, phu_vang):
    """A case answered and published as Q&A, with the citizen's details on the case."""

    def make(
        *,
        commune=phu_vang,
        category="policy-question",
        days_ago=1,
        status="closed",
        question="Hộ cận nghèo được vay vốn thế nào?",
        answer="Theo quy định hiện hành, hộ cận nghèo được vay tại Ngân hàng Chính sách.",
        live=True,
    ) -> PublishedAnswer:
        now = timezone.now()
        case = FeedbackFactory(
            commune=commune,
            assigned_unit=commune,
            category=categories[category],
            status=status,
            text="Nội dung gốc có tên người: Trần Thị Bình",
            answer="Kính gửi bà Bình, ...",
            answered_at=now,
            requested_at=now - datetime.timedelta(days=days_ago),
            address="Nhà bà Bình, thôn 3",
            latitude=Decimal("16.123456"),
            longitude=Decimal("107.654321"),
        )
        return PublishedAnswer.objects.create(
            feedback=case, category=case.category, question=question, answer=answer, is_live=live
        )

    return make


def ids(items) -> list[str]:
    return [item["service_request_id"] for item in items]


def test_the_public_list_holds_only_published_answers_under_public_ids(app, publish, phu_vang):
    shown = publish()
    publish(live=False)  # withdrawn
    unpublished = FeedbackFactory(commune=phu_vang, text="Chưa công bố")
    response = app.get("requests")
    assert response.status == 200
    items = response.json
    assert ids(items) == [f"HD-{shown.pk}"]
    (item,) = items
    assert item["description"] == shown.question
    assert item["status_notes"] == shown.answer
    assert item["status"] == "closed"
    assert item["agency_responsible"] == phu_vang.name
    assert item["address"].startswith(phu_vang.name) and item["address_id"] == phu_vang.code
    assert item["lat"] is None and item["long"] is None
    body = response.body.decode()
    assert shown.feedback.tracking_code not in body
    assert unpublished.tracking_code not in body


def test_nothing_private_is_in_any_read_in_either_format(app, publish):
    shown = publish()
    for fmt in ("json", "xml"):
        for reply in (
            app.get("requests", fmt=fmt),
            app.get(f"requests/HD-{shown.pk}", fmt=fmt),
            app.get("requests", fmt=fmt, service_request_id=f"HD-{shown.pk}"),
        ):
            assert reply.status == 200
            body = reply.body.decode()
            for secret in PRIVATE:
                assert secret not in body, (fmt, secret)


def test_the_code_holder_reads_their_case_without_contact_details(app, categories, phu_vang):
    case = FeedbackFactory(commune=phu_vang, text="Tôi hỏi về hỗ trợ nhà ở")
    for fmt in ("json", "xml"):
        body = app.get(f"requests/{case.tracking_code}", fmt=fmt).body.decode()
        assert "Tôi hỏi về hỗ trợ nhà ở" in body  # what the tracking page shows too
        for contact in (case.name, case.phone, case.email):
            assert contact not in body
        for field in ("first_name", "last_name", "email", "phone", "account_id", "device_id"):
            assert f"<{field}>" not in body and f'"{field}"' not in body


def test_a_tracking_code_is_read_however_it_was_typed(app, categories, phu_vang):
    case = FeedbackFactory(commune=phu_vang)
    typed = case.tracking_code.lower()[:5] + "-" + case.tracking_code.lower()[5:]
    (item,) = app.get(f"requests/{typed}").json
    assert item["service_request_id"] == case.tracking_code


def test_a_published_entry_reads_alike_in_xml_and_json(app, publish):
    shown = publish()
    (as_json,) = app.get(f"requests/HD-{shown.pk}").json
    xml = app.get(f"requests/hd-{shown.pk}", fmt="xml").xml
    (as_xml,) = records(xml, "request")
    assert as_xml["service_request_id"] == as_json["service_request_id"] == f"HD-{shown.pk}"
    assert as_xml["description"] == as_json["description"]
    assert as_xml["requested_datetime"] == as_json["requested_datetime"]
    assert as_xml["lat"] is None


def test_xml_stays_well_formed_whatever_the_citizen_typed(app, categories, phu_vang):
    text = "Thu nhập < 2 triệu & \"hộ\" 'cận nghèo' ]]> \x0b\x01 hết\ufffe"
    case = FeedbackFactory(commune=phu_vang, text=text)
    xml = app.get(f"requests/{case.tracking_code}", fmt="xml").xml
    (item,) = records(xml, "request")
    assert item["description"] == "Thu nhập < 2 triệu & \"hộ\" 'cận nghèo' ]]>  hết"
    (as_json,) = app.get(f"requests/{case.tracking_code}").json
    assert as_json["description"] == text  # JSON escapes them


def test_the_list_filters_by_service_code_status_and_dates(app, publish):
    policy = publish(category="policy-question", days_ago=2)
    support = publish(category="support-not-received", days_ago=5)
    reopened = publish(category="policy-question", days_ago=10, status="in_progress")
    old = publish(days_ago=120)

    assert ids(app.get("requests").json) == [f"HD-{p.pk}" for p in (policy, support, reopened)]
    assert ids(app.get("requests", service_code="support-not-received").json) == [
        f"HD-{support.pk}"
    ]
    both = app.get("requests", service_code="support-not-received,policy-question").json
    assert len(both) == 3
    assert ids(app.get("requests", status="open").json) == [f"HD-{reopened.pk}"]
    assert len(app.get("requests", status="open,closed").json) == 3
    assert ids(app.get("requests", status="closed").json) == [f"HD-{policy.pk}", f"HD-{support.pk}"]

    today = timezone.localdate()
    window = {
        "start_date": (today - datetime.timedelta(days=7)).isoformat() + "T00:00:00+07:00",
        "end_date": (today - datetime.timedelta(days=3)).isoformat(),
    }
    assert ids(app.get("requests", **window).json) == [f"HD-{support.pk}"]
    long_ago = (today - datetime.timedelta(days=130)).isoformat() + "T00:00:00Z"
    assert ids(app.get("requests", start_date=long_ago).json) == [f"HD-{old.pk}"]


def test_the_service_request_id_argument_overrides_the_others(app, publish):
    old = publish(days_ago=200)
    found = app.get("requests", service_request_id=f"HD-{old.pk}", status="open").json
    assert ids(found) == [f"HD-{old.pk}"]


def test_the_list_pages_with_page_and_page_size(app, publish):
    entries = [publish(days_ago=day) for day in range(1, 6)]
    newest_first = [f"HD-{p.pk}" for p in entries]
    assert ids(app.get("requests", page_size="2").json) == newest_first[:2]
    assert ids(app.get("requests", page_size="2", page="3").json) == newest_first[4:]
    assert app.get("requests", page="9").json == []


def test_an_empty_list_is_an_empty_array_or_element(app, categories):
    assert app.get("requests").json == []
    xml = app.get("requests", fmt="xml").xml
    assert xml.tag == "service_requests" and list(xml) == []


def test_reads_are_never_cached(app, publish):
    response = app.http.get("/open311/v2/requests.json")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_public_list_query_count_does_not_grow(app, publish, django_assert_max_num_queries):
    publish()
    with django_assert_max_num_queries(3) as few:
        assert len(app.get("requests").json) == 1
    for day in range(2, 17):
        publish(days_ago=day)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(app.get("requests").json) == 16


def test_reading_many_ids_takes_two_queries(
    app, publish, categories, phu_vang, django_assert_max_num_queries
):
    shown = [publish(days_ago=day) for day in range(1, 6)]
    cases = FeedbackFactory.create_batch(5, commune=phu_vang)
    wanted = [f"HD-{p.pk}" for p in shown] + [c.tracking_code for c in cases]
    with django_assert_max_num_queries(2):
        found = app.get("requests", service_request_id=",".join(wanted)).json
    assert ids(found) == wanted


def test_the_services_and_a_definition_take_few_queries(
    app, categories, phu_vang, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        assert app.get("services").status == 200
    with django_assert_max_num_queries(2):
        assert app.get("services/policy-question").status == 200
