"""Whatever a visitor puts in the portal's query parameters, the answer is never a 500."""

import pytest

from giamngheo.portal.services import ensure_portal

pytestmark = pytest.mark.django_db

YEARS = ["10000", "0", "9" * 30, "²", "-1", " 2024 ", "2024.5", "abc", ""]


@pytest.fixture
def portal(hue_units, wagtail_tree):
    return ensure_portal()


def test_a_year_of_any_shape_never_breaks_a_listing(client, portal):
    answers = {
        (address, year): client.get(address, {"year": year}).status_code
        for address in ("/van-ban-chinh-sach/", "/guong-dien-hinh-mo-hinh/", "/ket-qua/")
        for year in YEARS
    }
    assert {key: code for key, code in answers.items() if code >= 500} == {}
    # A year outside what the results page offers is not found, not an error.
    assert answers[("/ket-qua/", "10000")] == 404
    assert answers[("/van-ban-chinh-sach/", "10000")] == 200  # the filter is ignored


def test_a_nul_character_in_any_query_answers_400_not_a_database_error(client, portal):
    for address, name in [("/van-ban-chinh-sach/", "q"), ("/tin-tuc/", "category")]:
        response = client.get(address, {name: "a\x00b"})
        assert response.status_code == 400
        assert "ký tự không hợp lệ" in response.content.decode()


def test_a_nul_character_in_an_admin_search_answers_400(client, portal, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.vn", "x"))
    response = client.get("/admin/documents/", {"q": "a\x00b"})
    assert response.status_code == 400
