"""What a shared link of the portal carries: its canonical address, the preview
(Open Graph, Twitter card), the section's feeds, and the links to share it.

Addresses are absolute on the page's Wagtail Site (the default one unless the
request names another), so a link shared from a preview server or an IP
address still points at the public site. Nothing here loads a third party's
script: the share links are plain URLs.
"""

from __future__ import annotations

import logging
from urllib.parse import quote, urlencode

from django.core.paginator import Page as PaginatorPage
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.models import Page, Site

from giamngheo.core.links import public_base_url

from .models import (
    ArticlePage,
    Category,
    EventIndexPage,
    EventPage,
    HomePage,
    MediaItemPage,
    NewsIndexPage,
    PolicyDocumentPage,
    PolicyLibraryPage,
    StoryIndexPage,
    StoryPage,
)

logger = logging.getLogger(__name__)

# Detail pages are shared as articles; everything else (sections, home) as a website.
DETAIL_PAGE_TYPES = (ArticlePage, PolicyDocumentPage, StoryPage, EventPage, MediaItemPage)
# The size Facebook, Zalo and Twitter show large previews at.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
DESCRIPTION_LENGTH = 200
# The sections with feeds (giamngheo/portal/feeds.py): page types → the feed's key.
FEED_OF_PAGE_TYPE: dict[type[Page], str] = {
    # The home page announces the news feed, so a feed reader given the site finds it.
    HomePage: "tin-tuc",
    NewsIndexPage: "tin-tuc",
    ArticlePage: "tin-tuc",
    PolicyLibraryPage: "van-ban-chinh-sach",
    PolicyDocumentPage: "van-ban-chinh-sach",
    StoryIndexPage: "guong-dien-hinh-mo-hinh",
    StoryPage: "guong-dien-hinh-mo-hinh",
    EventIndexPage: "su-kien",
    EventPage: "su-kien",
}


def site_root_url(request: HttpRequest) -> str:
    """``https://host`` of the request's Wagtail Site, else the site's public address
    (``core/links.py``: the same as links in e-mails and text messages)."""
    return public_base_url(request) or f"{request.scheme}://{request.get_host()}"


def absolute_url(request: HttpRequest, path: str) -> str:
    """``path`` (already absolute, or starting with "/") as a full URL on the site."""
    if path.startswith(("http://", "https://")):
        return path
    return site_root_url(request) + path


def canonical_url(request: HttpRequest, page_obj: PaginatorPage | None = None) -> str:
    """The address without its query string, but with ``?page=N`` past the first page."""
    url = absolute_url(request, request.path)
    if page_obj is not None and getattr(page_obj, "number", 1) > 1:
        url += f"?page={page_obj.number}"
    return url


def page_description(page: Page | None) -> str:
    """One or two sentences: the page's summary, else its introduction."""
    if page is None:
        return ""
    text = page.summary_text() if hasattr(page, "summary_text") else page.search_description
    text = text or getattr(page, "intro", "") or ""
    return Truncator(" ".join(strip_tags(str(text)).split())).chars(DESCRIPTION_LENGTH)


def share_image(request: HttpRequest, page: Page | None) -> dict | None:
    """The preview picture: a 1200×630 JPEG crop of the page's image, absolute URL."""
    image = page.share_image() if page is not None and hasattr(page, "share_image") else None
    if image is None:
        return None
    try:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    except (OSError, InvalidFilterSpecError):
        # A missing or unreadable original must not take the page down with it.
        logger.warning("No share image for page %s", page.pk, exc_info=True)
        return None
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


FEED_TITLES = {
    "tin-tuc": _lazy("News"),
    "van-ban-chinh-sach": _lazy("Policy documents"),
    "guong-dien-hinh-mo-hinh": _lazy("Stories and models"),
    "su-kien": _lazy("Events"),
}
FEED_MIME_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


def feed_url(request: HttpRequest, kind: str, section: str, category: str | None = None) -> str:
    """Absolute URL of a section's feed, or a news category's; ``kind`` is "rss" or "atom"."""
    if category:
        path = reverse(f"portal:category_feed_{kind}", kwargs={"category": category})
    else:
        path = reverse(f"portal:feed_{kind}", kwargs={"section": section})
    return absolute_url(request, path)


def feed_links(request: HttpRequest, page: Page | None) -> list[dict]:
    """The feeds of the section the page belongs to, and of the news category being read."""
    section = FEED_OF_PAGE_TYPE.get(type(page)) if page is not None else None
    if section is None:
        return []
    feeds = [(str(FEED_TITLES[section]), None)]
    category = None
    if isinstance(page, ArticlePage) and page.category_id:
        category = page.category
    elif isinstance(page, NewsIndexPage) and request.GET.get("category"):
        category = Category.objects.filter(slug=request.GET["category"]).first()
    if category is not None:
        feeds.append((f"{FEED_TITLES[section]}: {category.name}", category.slug))
    return [
        {
            "title": title,
            "mime": FEED_MIME_TYPES[kind],
            "href": feed_url(request, kind, section, category=slug),
        }
        for title, slug in feeds
        for kind in ("rss", "atom")
    ]


def share_meta(context) -> dict:
    """Everything meta.html writes in the page head, from a template context."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    noindex = bool(context.get("noindex"))
    title = (page.seo_title or page.title) if page is not None else context.get("meta_title", "")
    description = page_description(page) or context.get("meta_description", "")
    image = share_image(request, page)
    site = Site.find_for_request(request)
    is_detail = isinstance(page, DETAIL_PAGE_TYPES)
    return {
        "canonical": "" if noindex else canonical_url(request, context.get("page_obj")),
        "noindex": noindex,
        "title": title,
        "description": description,
        "site_name": (site.site_name if site and site.site_name else "")
        or _("Sustainable poverty reduction"),
        "og_type": "article" if is_detail else "website",
        "published": page.first_published_at if is_detail else None,
        "modified": page.last_published_at if is_detail else None,
        "image": image,
        "twitter_card": "summary_large_image" if image else "summary",
        "feeds": feed_links(request, page),
    }


def share_links(request: HttpRequest, page: Page) -> dict:
    """Plain share URLs of the page (no scripts): Facebook, e-mail, SMS, and the address
    the page's share button (static/js/share.js) passes to the phone's share sheet."""
    url = canonical_url(request)
    title = page.seo_title or page.title
    summary = page_description(page)
    body = f"{summary}\n\n{url}" if summary else url
    return {
        "url": url,
        "title": title,
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        "email": "mailto:?" + urlencode({"subject": title, "body": body}, quote_via=quote),
        # "sms:?&body=" is the form both Android and iOS messaging apps read.
        "sms": "sms:?&body=" + quote(f"{title} {url}", safe=""),
    }
