"""Errors speak the visitor's language and keep the portal's layout."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from giamngheo.portal.services import ensure_portal


@pytest.fixture
def portal(db):
    return ensure_portal()


def test_a_missing_page_answers_404_in_vietnamese_with_the_menu(client, portal):
    response = client.get("/trang-khong-co/")
    assert response.status_code == 404
    assert '<html lang="vi">' in response.text
    assert "Không tìm thấy trang" in response.text
    assert "Văn bản chính sách" in response.text  # the main menu is there


def test_the_server_error_page_renders_without_touching_the_database(portal):
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("500.html")
    assert len(queries) == 0
    assert "Đã có lỗi xảy ra" in html


def test_every_page_links_to_the_citizens_feedback_channel_and_contests(client, portal):
    for address in ["/", "/tin-tuc/", "/trang-khong-co/"]:
        response = client.get(address)
        assert 'href="/phan-anh/"' in response.text
        assert 'href="/hoi-dap/"' in response.text
        assert 'href="/cuoc-thi/"' in response.text
