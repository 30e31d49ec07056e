"""Page types of the public portal (Trang thông tin điện tử về giảm nghèo)."""

from django.db import models
from django.utils.cache import patch_cache_control
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

    # The sections the home page links to, by their fixed slugs (services.SECTIONS).
    LINKED_SECTIONS = {
        "tin-tuc": "news_section",
        "van-ban-chinh-sach": "policy_section",
        "guong-dien-hinh-mo-hinh": "story_section",
        "thu-vien": "media_section",
        "su-kien": "event_section",
        "ket-qua": "results_section",
        "gioi-thieu": "about_section",
    }

    def get_context(self, request, *args, **kwargs):
        """Latest news, featured stories, the programme's headline figures, upcoming
        events and links into the sections, in a bounded number of queries."""
        from .events import upcoming_events
        from .news import ArticlePage
        from .stories import live_stories, with_image_renditions

        context = super().get_context(request, *args, **kwargs)
        sections = Page.objects.live().public().child_of(self).filter(slug__in=self.LINKED_SECTIONS)
        # Featured stories first, the latest ones filling the remaining places.
        stories = live_stories().order_by("-featured", "-first_published_at", "-pk")[:3]
        context.update(
            news=list(
                ArticlePage.objects.live()
                .public()
                .select_related("category")
                .order_by("-date", "-pk")[:5]
            ),
            stories=list(with_image_renditions(stories)),
            events=list(upcoming_events(3)),
            **{self.LINKED_SECTIONS[page.slug]: page for page in sections},
            **self.headline_figures(),
        )
        return context

    # The headline figures follow radio logs and courses, which do not empty the
    # anonymous page cache (only page changes do): keep the home page a minute at most.
    FIGURES_MAX_AGE = 60

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(response, max_age=self.FIGURES_MAX_AGE)
        return response

    def headline_figures(self) -> dict:
        """The indicators of the current programme period against their targets, for the
        whole province, live from the KPI engine (cached; writes invalidate it).

        The year's values only, as ``dashboard_values`` computes its first half: the
        home page shows no trend, and computing one would cost the years before too
        whenever a write has made the cache stale.
        """
        from giamngheo.indicators.dashboard import fmt, status_label
        from giamngheo.indicators.selectors import (
            current_period,
            default_year,
            indicator_value,
            indicators_with_targets,
            scope_for_unit,
        )

        period = current_period()
        if period is None:
            return {"figures": [], "figures_year": None}
        year = default_year(period)
        scope = scope_for_unit(None)
        values = [
            value
            for indicator in indicators_with_targets(period)
            if (value := indicator_value(indicator, period=period, year=year, scope=scope))
        ]
        figures = [
            {
                "name": value.indicator.name,
                "value": fmt(value.value, value.indicator.unit_of_measure),
                "target": fmt(value.target_value, value.indicator.unit_of_measure),
                "unit_of_measure": value.indicator.unit_of_measure,
                "status": value.status,
                "status_label": status_label(value.status),
            }
            for value in values
        ]
        return {"figures": figures, "figures_year": year, "figures_period": period}


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
