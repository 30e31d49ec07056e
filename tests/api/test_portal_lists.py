"""News and events, as the portal publishes them: titles, dates, summaries, links."""

import datetime

import pytest
from django.utils import timezone

from tests.portal.factories import ArticlePageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def test_published_news_come_with_their_link_and_drafts_stay_out(client, hue_units):
    ArticlePageFactory(title="Huế hỗ trợ nhà ở cho hộ nghèo", date=datetime.date(2026, 3, 2))
    ArticlePageFactory(title="Bản nháp", live=False)
    (item,) = client.get("/api/v1/news?since=2026-01-01").json()["items"]
    assert item["title"] == "Huế hỗ trợ nhà ở cho hộ nghèo" and item["date"] == "2026-03-02"
    assert item["summary"].startswith("Tóm tắt") and item["link"].startswith("http")


def test_events_filter_by_date(client, hue_units, django_assert_max_num_queries):
    now = timezone.now()
    for days in (-400, -3, 5, 9):
        EventPageFactory(starts_at=now + datetime.timedelta(days=days))
    since = (now - datetime.timedelta(days=30)).date().isoformat()
    with django_assert_max_num_queries(8):
        body = client.get(f"/api/v1/events?since={since}").json()
    assert len(body["items"]) == 3
