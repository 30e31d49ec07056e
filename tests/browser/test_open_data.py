"""The open data page in Chromium: no serious WCAG 2.1 AA problem at phone and desktop
width, and the CSV link downloads a file (not a page) that keeps its Vietnamese."""

import datetime
from pathlib import Path

import pytest

from tests.activities.factories import ActivityFactory
from tests.conftest import unit

from .test_accessibility import AXE, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1280])
def test_the_open_data_page_has_no_serious_accessibility_problem(
    live_server, browser, hue_units, wagtail_tree, width
):
    if not AXE.exists():
        pytest.skip("needs axe-core from npm: make install")
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    tab.goto(live_server.url + "/du-lieu-mo/")
    problems = serious_violations(tab)
    context.close()
    assert problems == []


def test_the_csv_link_downloads_a_file_excel_reads_in_vietnamese(
    live_server, browser, hue_units, wagtail_tree
):
    ActivityFactory(
        unit=unit("19942"), title="Tọa đàm giảm nghèo", start_date=datetime.date(2023, 5, 10)
    )
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.goto(live_server.url + "/du-lieu-mo/")
    with tab.expect_download() as download:
        tab.click('a[href="/du-lieu-mo/hoat-dong-truyen-thong.csv"]')
    path = download.value.path()
    assert download.value.suggested_filename == "hoat-dong-truyen-thong.csv"
    content = Path(path).read_bytes()
    context.close()
    assert content.startswith(b"\xef\xbb\xbf")
    assert "Tọa đàm giảm nghèo" in content.decode("utf-8-sig")
