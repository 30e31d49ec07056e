"""The podcast feed of the media library's radio programmes (RSS 2.0 with iTunes tags).

Commune radio stations and podcast apps subscribe to it: each episode carries
its audio file as an ``<enclosure>`` (absolute address, size in bytes, MIME
type), so a station's player downloads new programmes by itself.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.templatetags.static import static
from django.utils import timezone
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

if TYPE_CHECKING:
    from django.http import HttpRequest

    from .media import MediaItemPage, MediaLibraryPage

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
COVER = "img/podcast-cover.png"  # 1400×1400, the minimum podcast directories accept
# Apple's list of podcast categories has no "poverty": government is the closest.
ITUNES_CATEGORY = "Government"
MAX_EPISODES = 100


class PodcastFeedGenerator(Rss201rev2Feed):
    """RSS 2.0 with the iTunes tags podcast apps read (author, image, explicit, duration)."""

    def rss_attributes(self) -> dict[str, str]:
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES}

    def add_root_elements(self, handler) -> None:
        super().add_root_elements(handler)
        feed = self.feed
        handler.addQuickElement("itunes:author", feed["itunes_author"])
        handler.addQuickElement("itunes:summary", feed["description"])
        handler.addQuickElement("itunes:image", None, {"href": feed["itunes_image"]})
        handler.addQuickElement("itunes:category", None, {"text": ITUNES_CATEGORY})
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:type", "episodic")

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:author", item["itunes_author"])
        handler.addQuickElement("itunes:explicit", "false")
        if item.get("itunes_duration"):
            handler.addQuickElement("itunes:duration", str(item["itunes_duration"]))
        if item["description"]:
            handler.addQuickElement("itunes:summary", item["description"])


class PodcastFeed(Feed):
    """The library's live, public radio programmes that have their audio file, newest first."""

    feed_type = PodcastFeedGenerator
    language = "vi"

    def __call__(self, request: HttpRequest, *args, **kwargs):
        # The request is needed for absolute file addresses and the site's name.
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request: HttpRequest, library: MediaLibraryPage) -> MediaLibraryPage:
        return library

    def site_author(self) -> str:
        site = Site.find_for_request(self.request)
        return (site and site.site_name) or str(settings.WAGTAIL_SITE_NAME)

    def title(self, library: MediaLibraryPage) -> str:
        return _("%(title)s: radio programmes") % {"title": library.title}

    def link(self, library: MediaLibraryPage) -> str:
        return library.get_url(self.request) or "/"

    def description(self, library: MediaLibraryPage) -> str:
        return library.intro or library.title

    def categories(self, library: MediaLibraryPage) -> list[str]:
        return [_("Sustainable poverty reduction")]

    def feed_extra_kwargs(self, library: MediaLibraryPage) -> dict[str, Any]:
        return {
            "itunes_author": self.site_author(),
            "itunes_image": self.request.build_absolute_uri(static(COVER)),
        }

    def items(self, library: MediaLibraryPage):
        return library.radio_episodes()[:MAX_EPISODES]

    def item_title(self, item: MediaItemPage) -> str:
        return item.title

    def item_description(self, item: MediaItemPage) -> str:
        return item.summary_text()

    def item_link(self, item: MediaItemPage) -> str:
        return item.get_url(self.request) or "/"

    def item_pubdate(self, item: MediaItemPage) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time.min))

    def item_author_name(self, item: MediaItemPage) -> str:
        return item.unit.name if item.unit else self.site_author()

    def item_enclosures(self, item: MediaItemPage) -> list[Enclosure]:
        document = item.file
        return [
            Enclosure(
                url=self.request.build_absolute_uri(document.url),
                length=str(document.file_size or document.get_file_size() or 0),
                mime_type=document.content_type,
            )
        ]

    def item_extra_kwargs(self, item: MediaItemPage) -> dict[str, Any]:
        return {"itunes_author": self.item_author_name(item), "itunes_duration": item.duration}
