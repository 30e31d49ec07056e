"""News and columns (tin tức, chuyên trang, chuyên mục)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .base import PortalPage


@register_snippet
class Category(models.Model):
    """A column or section of the news (chuyên mục): policy, models, radio…"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("portal.ArticlePage", related_name="tagged_items")


class ArticlePage(PortalPage):
    date = models.DateField(_("publication date"), default=timezone.localdate)
    author = models.CharField(_("author"), max_length=150, blank=True)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True, on_delete=models.SET_NULL
    )
    tags = ClusterTaggableManager(_("tags"), through=ArticleTag, blank=True)
    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_caption = models.CharField(_("image caption"), max_length=255, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("author"), FieldPanel("category"), FieldPanel("tags")],
            heading=_("Article"),
        ),
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_caption")], heading=_("Image")),
        FieldPanel("body"),
    ]
    search_text_fields = ("lead", "body", "author")
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["portal.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def summary_text(self) -> str:
        return self.search_description or self.lead


class NewsIndexPage(PortalPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["portal.ArticlePage"]
    per_page = 10

    class Meta:
        verbose_name = _("news section")

    def articles(self, params) -> models.QuerySet[ArticlePage]:
        articles = (
            ArticlePage.objects.live()
            .public()
            .child_of(self)
            .select_related("category", "image")
            .order_by("-date", "-pk")
        )
        if params.get("category"):
            articles = articles.filter(category__slug=params["category"])
        if params.get("tag"):
            articles = articles.filter(tags__slug=params["tag"])
        return articles

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            page_obj=Paginator(self.articles(request.GET), self.per_page).get_page(
                request.GET.get("page")
            ),
            categories=Category.objects.all(),
            filters=request.GET,
        )
        return context
