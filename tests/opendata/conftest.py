import csv
import io
import json

import pytest
from django.core.cache import cache


@pytest.fixture
def fresh_cache(hue_units):
    cache.clear()  # indicator values cached by an earlier test of the same database


def download(client, slug: str, kind: str):
    response = client.get(f"/du-lieu-mo/{slug}.{kind}")
    assert response.status_code == 200, response
    body = b"".join(response.streaming_content)
    return response, body


def csv_rows(client, slug: str) -> list[dict[str, str]]:
    """The CSV as Excel would read it: UTF-8 with its byte-order mark."""
    _response, body = download(client, slug, "csv")
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def json_data(client, slug: str) -> dict:
    _response, body = download(client, slug, "json")
    return json.loads(body)
