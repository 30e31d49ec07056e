"""Site-wide search of the portal, typed with or without accents.

Pages index their title and text folded (``PortalPage.search_title`` and
``search_body``: no accents, "đ" as "d", punctuation as spaces); the query is
folded the same way, so "giam ngheo", "giảm nghèo" and "GIẢM NGHÈO" find the
same pages on every backend. Wagtail's search backend (database, PostgreSQL,
OpenSearch) finds and orders the matches; pages whose title holds every word
of the query then come first, so the ordering a citizen sees does not depend
on how a backend weighs titles.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, Site
from wagtail.query import PageQuerySet
from wagtail.search.utils import normalise_query_string

from giamngheo.core.text import search_words

from . import cache as page_cache
from .models import ArticlePage, EventPage, MediaItemPage, PolicyDocumentPage, StoryPage

# The sections a visitor may narrow the results to: URL value → (page type, label).
SECTIONS: dict[str, tuple[type[Page], str]] = {
    "tin-tuc": (ArticlePage, _("News")),
    "van-ban-chinh-sach": (PolicyDocumentPage, _("Policy documents")),
    "guong-dien-hinh-mo-hinh": (StoryPage, _("Stories and models")),
    "thu-vien": (MediaItemPage, _("Media library")),
    "su-kien": (EventPage, _("Events")),
}
# A query longer than this is cut: nobody types more, and the backend's work stays small.
MAX_QUERY_WORDS = 12
MAX_QUERY_LENGTH = 200
# Ranked results kept per query; ten pages of results are more than anyone reads.
MAX_RESULTS = 200
PER_PAGE = 10


@dataclass(frozen=True)
class SearchOutcome:
    query: str  # the words searched for, folded
    section: str  # a key of SECTIONS, or ""
    page_obj: PaginatorPage | None
    count: int
    promotions: list[SearchPromotion]


def printable(raw: str) -> str:
    """What the visitor typed without control characters (PostgreSQL refuses NUL)."""
    return "".join(ch if ch.isprintable() else " " for ch in raw)


def search_query(raw: str) -> str:
    """The words to search for: folded, punctuation as spaces, bounded in length."""
    return " ".join(search_words(raw[:MAX_QUERY_LENGTH]).split()[:MAX_QUERY_WORDS])


def searchable_pages(site: Site | None, section: str = "") -> PageQuerySet:
    """The live, public pages of the site, of one section's page type if given."""
    pages = Page.objects.live().public()
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    if section in SECTIONS:
        pages = pages.type(SECTIONS[section][0])
    return pages


def ranked_page_ids(query: str, pages: PageQuerySet) -> list[int]:
    """Ids of the matching pages: title matches first, then the backend's relevance order."""
    words = set(query.split())
    hits = pages.search(query, operator="and")[:MAX_RESULTS]
    in_title, elsewhere = [], []
    for page in hits:
        (in_title if words <= set(search_words(page.title).split()) else elsewhere).append(page.pk)
    return in_title + elsewhere


def cached_page_ids(query: str, section: str, site: Site | None) -> list[int]:
    """``ranked_page_ids``, kept in the cache until pages change.

    Repeated searches (the same few words, typed by many) are answered from the
    cache under the page cache's version token, which every publish, unpublish,
    move or deletion replaces (portal/cache.py): a search never finds a page
    that has gone, nor misses one just published, once that change is made.
    Counting the search for the search terms report is the view's, at every
    search, cached or not.
    """
    seconds = getattr(settings, "PORTAL_SEARCH_CACHE_SECONDS", 0)
    if seconds <= 0:
        return ranked_page_ids(query, searchable_pages(site, section))
    digest = hashlib.sha256(f"{section}\n{query}".encode()).hexdigest()[:32]
    key = f"portal:search:{page_cache.version()}:{site.pk if site else 0}:{digest}"
    ids = cache.get(key)
    if ids is None:
        ids = ranked_page_ids(query, searchable_pages(site, section))
        cache.set(key, ids, seconds)
    return ids


def search_pages(
    *, raw_query: str, section: str, page_number: str | None, site: Site | None
) -> SearchOutcome:
    """Search the portal as a visitor: live, public pages only, a page of results."""
    query = search_query(raw_query)
    section = section if section in SECTIONS else ""
    if not query:
        return SearchOutcome(query="", section=section, page_obj=None, count=0, promotions=[])
    ids = cached_page_ids(query, section, site)
    page_obj = Paginator(ids, PER_PAGE).get_page(page_number)
    by_id = Page.objects.filter(pk__in=page_obj.object_list).specific().in_bulk()
    page_obj.object_list = [by_id[pk] for pk in page_obj.object_list if pk in by_id]
    promotions = promoted_results(raw_query, query, site) if page_obj.number == 1 else []
    return SearchOutcome(
        query=query, section=section, page_obj=page_obj, count=len(ids), promotions=promotions
    )


def promoted_results(raw_query: str, query: str, site: Site | None) -> list[SearchPromotion]:
    """The editors' promoted results for what the visitor typed, accented or not.

    A promotion of an unpublished or private page is left out.
    """
    strings = {normalise_query_string(raw_query), normalise_query_string(query)}
    promotions = list(
        SearchPromotion.objects.filter(query__query_string__in=strings)
        .select_related("page")
        .order_by("sort_order")
    )
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    visible = (
        set(searchable_pages(site).filter(pk__in=page_ids).values_list("pk", flat=True))
        if page_ids
        else set()
    )
    return [p for p in promotions if p.page_id is None or p.page_id in visible]


def log_search(query: str) -> None:
    """Count the search in Wagtail's search terms report, by its folded words."""
    Query.get(query).add_hit()


def result_date(page: Page) -> datetime.date | None:
    """The date a visitor expects beside a result: the article's, the document's issue date,
    the event's start; else when it was first published."""
    for name in ("date", "issued_on", "starts_at"):
        value = getattr(page, name, None)
        if isinstance(value, datetime.datetime):
            return timezone.localdate(value)
        if isinstance(value, datetime.date):
            return value
    if page.first_published_at:
        return timezone.localdate(page.first_published_at)
    return None


def result_row(page: Page) -> dict:
    """What a result shows: the page, its type, its date and a sentence or two."""
    return {
        "page": page,
        "kind": page.specific_class._meta.verbose_name if page.specific_class else "",
        "date": result_date(page),
        "summary": page.summary_text() if hasattr(page, "summary_text") else "",
    }
