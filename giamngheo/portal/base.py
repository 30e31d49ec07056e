"""What every page of the portal shares: accent-free search fields and share metadata."""

from __future__ import annotations

from html import unescape

from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail.search import index

from giamngheo.core.text import search_words


class PortalPage(Page):
    """Base of the portal's page types.

    Search: besides the fields as written, every page indexes its title and
    text folded (no accents, "đ" as "d"), and the search view folds the query
    the same way, so "giam ngheo" finds "giảm nghèo" on any search backend
    (database, PostgreSQL full-text, OpenSearch). The folded title weighs most,
    so titles rank first.
    """

    # Names of the text and rich-text fields a page type folds into its search text.
    search_text_fields: tuple[str, ...] = ()

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_title", boost=5),
        index.SearchField("search_body"),
    ]

    class Meta:
        abstract = True

    # Folded, and punctuation as spaces (``search_words``): the search view folds
    # the query the same way (giamngheo/portal/search.py).
    def search_title(self) -> str:
        return search_words(self.title)

    def search_body(self) -> str:
        parts = (
            unescape(strip_tags(str(getattr(self, name) or ""))) for name in self.search_text_fields
        )
        return search_words(" ".join(parts))

    # Share previews (Open Graph, Twitter cards) and listings read these two.
    def summary_text(self) -> str:
        """One or two sentences about the page: its search description, else its own text."""
        return self.search_description or ""

    def share_image(self):
        """The page's picture for share previews and listings, or None."""
        return getattr(self, "image", None)
