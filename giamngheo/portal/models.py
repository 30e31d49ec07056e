"""Page types of the public portal (Trang thông tin điện tử về giảm nghèo)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    intro = models.CharField(_("introduction"), max_length=500, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


# Page types kept in their own modules, imported here so Django finds them.
from .news import ArticlePage, ArticleTag, Category, NewsIndexPage  # noqa: E402
from .policies import PolicyDocumentPage, PolicyLibraryPage  # noqa: E402

__all__ = [
    "ArticlePage",
    "ArticleTag",
    "Category",
    "HomePage",
    "NewsIndexPage",
    "PolicyDocumentPage",
    "PolicyLibraryPage",
]
