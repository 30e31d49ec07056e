"""The open data page: every data set with its licence, update frequency, last update,
data dictionary and downloads; found from the footer; its catalogue linked in the head."""

import datetime
import re

import pytest
from django.utils import timezone

from giamngheo.opendata.datasets import DATASETS
from giamngheo.opendata.registry import LICENCE_URL
from tests.activities.factories import ActivityFactory
from tests.conftest import unit

pytestmark = pytest.mark.usefixtures("fresh_cache")


def test_the_page_lists_each_data_set_with_its_dictionary_and_downloads(client):
    response = client.get("/du-lieu-mo/")
    assert response.status_code == 200
    html = response.content.decode()
    for dataset in DATASETS:
        assert f'id="{dataset.slug}"' in html
        assert f'href="/du-lieu-mo/{dataset.slug}.csv"' in html
        assert f'href="/du-lieu-mo/{dataset.slug}.json"' in html
        for field in dataset.fields:
            assert f"<code>{field.name}</code>" in html
        assert str(dataset.frequency_label) in html
    assert html.count(f'href="{LICENCE_URL}" rel="license"') >= len(DATASETS)


def test_the_last_update_is_read_from_the_data(client):
    ActivityFactory(unit=unit("19942"), start_date=datetime.date(2023, 5, 10))
    html = client.get("/du-lieu-mo/").content.decode()
    section = html.split('id="hoat-dong-truyen-thong"')[1].split("</section>")[0]
    today = timezone.localdate()  # the entry was written today
    assert f'<time datetime="{today:%Y-%m-%d}">{today:%d/%m/%Y}</time>' in section


def test_a_set_without_data_says_so_instead_of_a_date(client):
    html = client.get("/du-lieu-mo/").content.decode()
    section = html.split('id="ho-ngheo"')[1].split("</section>")[0]
    assert "<time" not in section


def test_the_head_links_the_machine_readable_catalogue(client):
    html = client.get("/du-lieu-mo/").content.decode()
    assert re.search(
        r'<link rel="alternate" type="application/ld\+json" [^>]*href="/du-lieu-mo/catalog.json"',
        html,
    )


def test_every_portal_page_links_the_open_data_page_in_its_footer(client):
    html = client.get("/tuyen-bo-tiep-can/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert 'href="/du-lieu-mo/"' in footer


def test_the_page_reads_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(30):
        client.get("/du-lieu-mo/")
    for day in range(1, 20):
        ActivityFactory(unit=unit("19942"), start_date=datetime.date(2023, 5, day))
    with django_assert_max_num_queries(30):
        assert client.get("/du-lieu-mo/").status_code == 200


def test_an_unknown_data_set_or_format_is_not_found(client):
    assert client.get("/du-lieu-mo/khong-co.csv").status_code == 404
    assert client.get("/du-lieu-mo/tin-tuc.xlsx").status_code == 404


def test_downloads_answer_only_reads(client):
    assert client.post("/du-lieu-mo/tin-tuc.csv").status_code == 405
