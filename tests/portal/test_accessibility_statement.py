"""The accessibility statement government portals publish, and where a visitor finds it."""

import pytest

from giamngheo.portal.services import ensure_home_page


@pytest.fixture
def home(hue_units, wagtail_tree):
    return ensure_home_page()


def test_the_statement_names_its_standard_and_how_to_report_a_barrier(client, home):
    response = client.get("/tuyen-bo-tiep-can/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Tuyên bố về khả năng tiếp cận</h1>" in html
    assert "WCAG) 2.1 ở mức AA" in html
    assert 'href="/phan-anh/"' in html  # a barrier is reported through the feedback form
    assert "rà soát lần gần nhất ngày 03/12/2026" in html


def test_every_portal_page_links_the_statement_in_its_footer(client, home):
    html = client.get("/").content.decode()
    footer = html[html.index('class="site-footer"') :]
    assert 'href="/tuyen-bo-tiep-can/"' in footer
