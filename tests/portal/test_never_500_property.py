"""Property-based: arbitrary text, numbers and dates at every public address never make a 5xx.

Hypothesis throws what a careless or hostile visitor might type at every GET
parameter of the portal's pages, at the public forms and at Open311; the
answer is a page or a clear 4xx, never a 5xx, and a marker tag in the input
never comes back unescaped.
"""

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from giamngheo.portal.services import ensure_portal
from tests.portal.hostile import SETTINGS, assert_handled, files, values

pytestmark = pytest.mark.django_db

# Each public address and the query parameters its views read.
PARAMETERS = {
    "/tim-kiem/": ["q", "section", "page"],
    "/van-ban-chinh-sach/": ["q", "type", "status", "year", "page"],
    "/tin-tuc/": ["category", "tag", "page"],
    "/su-kien/": ["page", "past"],
    "/guong-dien-hinh-mo-hinh/": ["year", "kind", "page"],
    "/ket-qua/": ["year", "unit"],
    "/hoi-dap/": ["q", "category", "page"],
    "/phan-anh/tra-cuu/": ["code"],
    "/tham-do/": ["page"],
    "/cuoc-thi/": ["page"],
    "/open311/v2/requests.json": ["service_code", "start_date", "end_date", "status"],
    "/open311/v2/requests.xml": ["service_request_id", "jurisdiction_id"],
}


@pytest.fixture
def portal(hue_units, wagtail_tree, settings):
    settings.FEEDBACK_RATE_LIMITS = {
        key: "100000/h" for key in settings.FEEDBACK_RATE_LIMITS
    }  # the limits are not what is tested here
    cache.clear()
    return ensure_portal()


@pytest.mark.parametrize("address", list(PARAMETERS))
def test_any_query_parameter_value_is_answered_without_a_server_error(client, portal, address):
    @SETTINGS
    @given(query=st.dictionaries(st.sampled_from(PARAMETERS[address]), values, max_size=3))
    def check(query):
        assert_handled(client.get(address, query), " ".join(query.values()))

    check()


def test_any_text_in_the_feedback_form_is_answered_without_a_server_error(client, portal):
    @SETTINGS
    @given(
        form=st.dictionaries(
            st.sampled_from(
                ["category", "commune", "text", "name", "phone", "email", "address", "consent"]
            ),
            values,
            max_size=8,
        )
    )
    def check(form):
        assert_handled(client.post("/phan-anh/", form), " ".join(form.values()))

    check()


def test_any_open311_request_is_answered_in_the_specs_error_format(client, portal):
    @SETTINGS
    @given(
        form=st.dictionaries(
            st.sampled_from(
                [
                    "service_code",
                    "description",
                    "address_id",
                    "attribute[commune]",
                    "attribute[consent]",
                    "email",
                    "phone",
                    "api_key",
                    "lat",
                    "long",
                ]
            ),
            values,
            max_size=8,
        )
    )
    def check(form):
        response = client.post("/open311/v2/requests.json", form)
        assert_handled(response, " ".join(form.values()))
        if response.status_code >= 400:
            assert response.json()[0]["description"]  # the spec's errors list, with a reason

    check()


def test_any_file_attached_to_feedback_is_answered_without_a_server_error(client, portal):
    from django.core.files.uploadedfile import SimpleUploadedFile

    @SETTINGS
    @given(attached=st.lists(files, max_size=3), text=values)
    def check(attached, text):
        uploads = [SimpleUploadedFile(name, content, kind) for name, content, kind in attached]
        form = {"text": text, "consent": "on", "attachments": uploads}
        names = " ".join(name for name, _content, _kind in attached)
        assert_handled(client.post("/phan-anh/", form), f"{text} {names}")

    check()
