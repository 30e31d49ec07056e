"""Exemplary people and effective models (gương điển hình, mô hình giảm nghèo hiệu quả).

Structured pages a citizen browses by unit and year: who or what, where, when,
what was done, the result in figures, photos.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from giamngheo.core.text import collation_key

from .base import PortalPage


class StoryKind(models.TextChoices):
    PERSON = "person", _("Exemplary person")
    MODEL = "model", _("Effective model")


class StoryPage(PortalPage):
    kind = models.CharField(_("kind"), max_length=10, choices=StoryKind.choices)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="stories",
        help_text=_("The commune (or district) where the person lives or the model runs."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    summary = models.TextField(_("summary"), help_text=_("One or two sentences."))
    body = RichTextField(_("what was done"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    featured = models.BooleanField(_("show on the home page"), default=False)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("unit"), FieldPanel("year"), FieldPanel("featured")],
            heading=_("Story"),
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("figures", label=_("result figures")),
        InlinePanel("photos", label=_("photos")),
    ]
    search_text_fields = ("summary", "body")
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("year"),
    ]
    parent_page_types = ["portal.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story or model")
        verbose_name_plural = _("stories and models")

    def summary_text(self) -> str:
        return self.search_description or self.summary


class StoryFigure(Orderable):
    """A result in figures: "Thu nhập bình quân" — "60 triệu đồng/năm"."""

    page = ParentalKey(StoryPage, related_name="figures", on_delete=models.CASCADE)
    label = models.CharField(_("what"), max_length=120)
    value = models.CharField(_("figure"), max_length=60)

    panels = [FieldPanel("label"), FieldPanel("value")]


class StoryPhoto(Orderable):
    page = ParentalKey(StoryPage, related_name="photos", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class StoryIndexPage(PortalPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["portal.StoryPage"]
    max_count = 1
    per_page = 12

    class Meta:
        verbose_name = _("stories and models section")

    def stories(self, params) -> models.QuerySet[StoryPage]:
        """Live stories narrowed by kind, unit (a commune, or a district and its communes)
        and year."""
        stories = (
            StoryPage.objects.live()
            .public()
            .child_of(self)
            .select_related("unit", "unit__parent", "image")
            .order_by("-year", "title")
        )
        if params.get("kind") in StoryKind.values:
            stories = stories.filter(kind=params["kind"])
        if code := params.get("unit"):
            stories = stories.filter(Q(unit__code=code) | Q(unit__parent__code=code))
        year = params.get("year", "")
        if year.isdigit():
            stories = stories.filter(year=int(year))
        return stories

    def filter_choices(self) -> dict:
        """The units and years that have stories, for the filter menus."""
        live = StoryPage.objects.live().public().child_of(self)
        units: dict[str, str] = {}
        for name, code, parent_name, parent_code, parent_level in live.values_list(
            "unit__name",
            "unit__code",
            "unit__parent__name",
            "unit__parent__code",
            "unit__parent__level",
        ).distinct():
            if parent_code and parent_level == "district":
                units.setdefault(parent_code, parent_name)
            units.setdefault(code, f"{name} ({parent_name})" if parent_name else name)
        return {
            "units": sorted(units.items(), key=lambda item: collation_key(item[1])),
            "years": sorted(set(live.values_list("year", flat=True)), reverse=True),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            page_obj=Paginator(self.stories(request.GET), self.per_page).get_page(
                request.GET.get("page")
            ),
            kinds=StoryKind.choices,
            filters=request.GET,
            **self.filter_choices(),
        )
        return context
