"""Page types of the public portal (Trang thông tin điện tử về giảm nghèo)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .base import PortalPage


class HomePage(PortalPage):
    intro = models.CharField(_("introduction"), max_length=500, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_text_fields = ("intro", "body")
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


# Page types kept in their own modules, imported here so Django finds them.
from .about import AboutPage, ArchivePage, CommitteeMember, SectionPage  # noqa: E402
from .events import EventIndexPage, EventPage  # noqa: E402
from .media import MediaItemPage, MediaLibraryPage  # noqa: E402
from .news import ArticlePage, ArticleTag, Category, NewsIndexPage  # noqa: E402
from .policies import PolicyDocumentPage, PolicyLibraryPage  # noqa: E402
from .results import ResultsPage  # noqa: E402
from .stories import StoryFigure, StoryIndexPage, StoryPage, StoryPhoto  # noqa: E402

__all__ = [
    "AboutPage",
    "ArchivePage",
    "ArticlePage",
    "ArticleTag",
    "Category",
    "CommitteeMember",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "MediaItemPage",
    "MediaLibraryPage",
    "NewsIndexPage",
    "PolicyDocumentPage",
    "PolicyLibraryPage",
    "ResultsPage",
    "SectionPage",
    "StoryFigure",
    "StoryIndexPage",
    "StoryPage",
    "StoryPhoto",
]
