"""The public home page and the choice of language."""

import pytest

from giamngheo.portal.services import ensure_home_page


@pytest.fixture
def home(db):
    return ensure_home_page()


def test_home_page_is_vietnamese_by_default(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert '<html lang="vi">' in response.text
    assert "Giảm nghèo bền vững" in response.text
    assert "Chuyển đến nội dung" in response.text  # the skip link, translated


def test_visitor_can_switch_to_english(client, home):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/")
    assert '<html lang="en">' in response.text
    assert "Skip to content" in response.text


def test_setting_up_the_home_page_twice_keeps_one(home):
    from giamngheo.portal.models import HomePage

    ensure_home_page()
    assert HomePage.objects.count() == 1


def test_home_page_renders_in_a_bounded_number_of_queries(
    client, home, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        assert client.get("/").status_code == 200


def test_admin_is_vietnamese_for_staff(client, province_staff):
    client.force_login(province_staff)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert 'lang="vi"' in response.text
    assert "Bảng điều khiển" in response.text or "Trang tổng quan" in response.text
