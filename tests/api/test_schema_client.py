"""A client that knows only the schema lists, filters, posts with a key and reads back."""

import datetime

import pytest
from django.utils import timezone

from .conftest import THUAN_AN, issue_key
from .schema_client import SchemaClient

pytestmark = pytest.mark.django_db

LAST_MONDAY = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday() + 7)


def test_a_schema_only_client_lists_filters_posts_and_reads_back(client, hue_units):
    public = SchemaClient(client)
    communes = public.every_item("list_units", level="commune", limit=15)
    assert len(communes) == 40
    thuan_an = next(c for c in communes if c["code"] == THUAN_AN)

    app = SchemaClient(client, key=issue_key(THUAN_AN))
    assert app.call("get_key").json()["unit"] == THUAN_AN
    week = [
        {"commune": thuan_an["code"], "date": str(LAST_MONDAY + datetime.timedelta(days=d))}
        | {"title": f"Bản tin giảm nghèo ngày {d + 1}", "minutes": 10}
        for d in range(5)
    ]
    posted = app.call("post_radio_programmes", {"programmes": week})
    assert posted.status_code == 201, posted.content
    read = app.every_item("list_radio_programmes", since=str(LAST_MONDAY), unit=THUAN_AN, limit=2)
    assert sorted(p["title"] for p in read) == sorted(p["title"] for p in week)
    refused = app.call("post_radio_programmes", {"programmes": week[:1]})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"].endswith("title")
