"""The portal's news and events in the data API (titles, dates, links, summaries).

The portal sits above the API in the layers, so it adds its router to the API
when the app is ready (``apps.py``) instead of the API importing the portal.
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router

from giamngheo.api.filters import Listing, in_dates, in_unit
from giamngheo.api.paging import Out, answer, latest, page, page_of

from .events import EventPage
from .news import ArticlePage

router = Router(tags=["Portal"])


class NewsOut(Out):
    id: int
    title: str
    date: datetime.date
    summary: str
    link: str


NewsPage = page_of(NewsOut, "NewsPage")


@router.get(
    "/news", response=NewsPage, summary=_("News articles of the portal"), operation_id="list_news"
)
def list_news(request: HttpRequest, query: Query[Listing]) -> HttpResponse:
    pages = in_dates(ArticlePage.objects.live().public(), "date", query)
    items, cursor = page(pages, ordering=("-date", "-pk"), cursor=query.cursor, limit=query.limit)
    data = {
        "items": [
            {
                "id": p.pk,
                "title": p.title,
                "date": p.date,
                "summary": p.lead or p.search_description,
                "link": p.get_full_url(request),
            }
            for p in items
        ],
        "next_cursor": cursor,
    }
    return answer(request, NewsPage, data, last_modified=latest(items, "last_published_at"))


class EventOut(Out):
    id: int
    title: str
    kind: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    place: str
    unit: str | None
    summary: str
    link: str


EventsPage = page_of(EventOut, "EventsPage")


@router.get(
    "/events",
    response=EventsPage,
    summary=_("Events: seminars, conferences, dialogues, contests, performances"),
    operation_id="list_events",
)
def list_events(request: HttpRequest, query: Query[Listing]) -> HttpResponse:
    pages = EventPage.objects.live().public().select_related("unit")
    pages = in_unit(in_dates(pages, "starts_at__date", query), "unit", query.unit)
    items, cursor = page(
        pages, ordering=("-starts_at", "-pk"), cursor=query.cursor, limit=query.limit
    )
    data = {
        "items": [
            {
                "id": p.pk,
                "title": p.title,
                "kind": p.kind,
                "starts_at": p.starts_at,
                "ends_at": p.ends_at,
                "place": p.place,
                "unit": p.unit.code if p.unit_id else None,
                "summary": p.summary,
                "link": p.get_full_url(request),
            }
            for p in items
        ],
        "next_cursor": cursor,
    }
    return answer(request, EventsPage, data, last_modified=latest(items, "last_published_at"))
