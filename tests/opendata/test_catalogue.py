"""The DCAT catalogue: the same data sets as the page, each with its licence, last
update and the download addresses that answer."""

import datetime

import pytest
from django.utils import timezone

from giamngheo.opendata.datasets import DATASETS
from tests.activities.factories import ActivityFactory
from tests.conftest import unit

pytestmark = pytest.mark.usefixtures("fresh_cache")


def catalogue(client) -> dict:
    response = client.get("/du-lieu-mo/catalog.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return response.json()


def test_the_catalogue_describes_every_data_set_in_dcat_terms(client):
    data = catalogue(client)
    assert data["@type"] == "dcat:Catalog"
    assert data["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert data["@context"]["dct"] == "http://purl.org/dc/terms/"
    assert data["dct:publisher"]["foaf:name"]
    entries = data["dcat:dataset"]
    assert [entry["dct:identifier"] for entry in entries] == [d.slug for d in DATASETS]
    for entry in entries:
        assert entry["@type"] == "dcat:Dataset"
        assert entry["dct:title"] and entry["dct:description"]
        assert entry["dct:license"] == "https://creativecommons.org/licenses/by/4.0/"
        assert entry["dct:accrualPeriodicity"].startswith("http://purl.org/cld/freq/")
        media = {d["dcat:mediaType"] for d in entry["dcat:distribution"]}
        assert media == {"text/csv", "application/json"}


def test_each_download_address_of_the_catalogue_answers_with_its_media_type(client):
    for entry in catalogue(client)["dcat:dataset"]:
        for distribution in entry["dcat:distribution"]:
            url = distribution["dcat:downloadURL"]
            assert url.startswith("http://testserver/du-lieu-mo/")
            response = client.get(url.removeprefix("http://testserver"))
            assert response.status_code == 200
            assert response["Content-Type"].startswith(distribution["dcat:mediaType"])
            b"".join(response.streaming_content)


def test_the_catalogue_gives_the_last_update_computed_from_the_data(client):
    ActivityFactory(unit=unit("19942"), start_date=datetime.date(2023, 5, 10))
    entries = {e["dct:identifier"]: e for e in catalogue(client)["dcat:dataset"]}
    today = timezone.localdate().isoformat()
    assert entries["hoat-dong-truyen-thong"]["dct:modified"] == {
        "@value": today,
        "@type": "xsd:date",
    }
    assert "dct:modified" not in entries["ho-ngheo"]  # no approved figure yet
