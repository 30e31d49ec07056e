"""RSS 2.0 and Atom feeds of the portal's sections (django.contrib.syndication).

News (all of it, and each category), the policy library, stories and models,
events. Only live, public pages of the site; newest first; absolute links on
the site's canonical address. The media library's podcast is in podcast.py.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from wagtail.models import Page, Site
from wagtail.query import PageQuerySet

from .models import (
    ArticlePage,
    Category,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    PolicyDocumentPage,
    PolicyLibraryPage,
    StoryIndexPage,
    StoryPage,
)
from .sharing import absolute_url, page_description

ITEMS_PER_FEED = 30


@dataclass(frozen=True)
class FeedSection:
    index: type[Page]
    item: type[Page]
    # Newest first, by the date the feed gives each item (see item_pubdate).
    ordering: tuple[str, ...]


# URL key → section. The keys are the sections' usual slugs; the feeds find the
# section page by its type, so they keep working if an editor renames one.
SECTIONS: dict[str, FeedSection] = {
    "tin-tuc": FeedSection(NewsIndexPage, ArticlePage, ("-date", "-first_published_at", "-pk")),
    "van-ban-chinh-sach": FeedSection(
        PolicyLibraryPage, PolicyDocumentPage, ("-first_published_at", "-issued_on", "-pk")
    ),
    "guong-dien-hinh-mo-hinh": FeedSection(
        StoryIndexPage, StoryPage, ("-first_published_at", "-pk")
    ),
    "su-kien": FeedSection(EventIndexPage, EventPage, ("-first_published_at", "-pk")),
}


@dataclass(frozen=True)
class FeedSource:
    title: str
    link: str
    feed_url: str
    description: str
    items: PageQuerySet


def feed_source(request: HttpRequest, section: str, category_slug: str | None = None) -> FeedSource:
    """What a feed lists; 404 for an unknown section or category."""
    if section not in SECTIONS:
        raise Http404
    definition = SECTIONS[section]
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    index = definition.index.objects.live().public().descendant_of(site.root_page).first()
    if index is None:
        raise Http404
    items = (
        definition.item.objects.live()
        .public()
        .descendant_of(site.root_page)
        .order_by(*definition.ordering)
    )
    title = f"{index.title} · {site.site_name}" if site.site_name else index.title
    link = absolute_url(request, index.url)
    if category_slug is not None:
        category = Category.objects.filter(slug=category_slug).first()
        if category is None:
            raise Http404
        items = items.filter(category=category)
        title = f"{index.title}: {category.name} · {site.site_name}"
        link = f"{link}?category={category.slug}"
    if definition.item is ArticlePage:
        items = items.select_related("category")
    return FeedSource(
        title=title,
        link=link,
        feed_url=absolute_url(request, request.path),
        description=page_description(index) or index.title,
        items=items[:ITEMS_PER_FEED],
    )


def publication_time(page: Page) -> datetime.datetime | None:
    """When the item appeared: an article's own date (at the hour it went live, if that
    day), else the page's first publication."""
    published = page.first_published_at
    day = getattr(page, "date", None) if isinstance(page, ArticlePage) else None
    if day is None:
        return published
    if published is not None and timezone.localdate(published) == day:
        return published
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class SectionFeed(Feed):
    """RSS 2.0 feed of a section (``/feeds/<section>/rss.xml``)."""

    def get_object(self, request: HttpRequest, section: str) -> FeedSource:
        return feed_source(request, section)

    def title(self, obj: FeedSource) -> str:
        return obj.title

    def link(self, obj: FeedSource) -> str:
        return obj.link

    def feed_url(self, obj: FeedSource) -> str:
        return obj.feed_url

    def description(self, obj: FeedSource) -> str:
        return obj.description

    def items(self, obj: FeedSource) -> PageQuerySet:
        return obj.items

    def item_title(self, item: Page) -> str:
        return item.title

    def item_description(self, item: Page) -> str:
        text = page_description(item)
        if isinstance(item, EventPage):
            when = date_format(timezone.localtime(item.starts_at), "SHORT_DATETIME_FORMAT")
            text = f"{when}, {item.place}. {text}".strip()
        return text

    def item_link(self, item: Page) -> str:
        # Absolute on the site's own address (cached site root paths, no query per item).
        return item.get_full_url()

    def item_pubdate(self, item: Page) -> datetime.datetime | None:
        return publication_time(item)

    def item_updateddate(self, item: Page) -> datetime.datetime | None:
        return item.last_published_at

    def item_author_name(self, item: Page) -> str | None:
        return getattr(item, "author", None) or None

    def item_categories(self, item: Page) -> list[str]:
        category = getattr(item, "category", None)
        return [category.name] if category else []


class SectionAtomFeed(SectionFeed):
    """The same feed as Atom (``/feeds/<section>/atom.xml``)."""

    feed_type = Atom1Feed

    def subtitle(self, obj: FeedSource) -> str:
        return obj.description


class CategoryFeed(SectionFeed):
    """RSS of one news category (``/feeds/tin-tuc/<category>/rss.xml``)."""

    def get_object(self, request: HttpRequest, category: str) -> FeedSource:
        return feed_source(request, "tin-tuc", category)


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj: FeedSource) -> str:
        return obj.description
