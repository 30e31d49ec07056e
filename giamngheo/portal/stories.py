"""Exemplary people and effective models (gương điển hình, mô hình giảm nghèo hiệu quả).

Structured pages a citizen browses by unit and year: who or what, where, when,
what was done, the result in figures, photos.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from giamngheo.core.params import parse_year
from giamngheo.core.text import collation_key
from giamngheo.units.models import Unit, UnitLevel

from .base import PortalPage


def with_image_renditions(stories: models.QuerySet[StoryPage]) -> models.QuerySet[StoryPage]:
    """Stories with their main photo and its renditions fetched in two queries for the
    whole list, instead of one per teaser."""
    images = get_image_model().objects.prefetch_renditions()
    return stories.prefetch_related(Prefetch("image", queryset=images))


def live_stories() -> models.QuerySet[StoryPage]:
    """Published, public stories with what a teaser shows (unit and its parent)."""
    return StoryPage.objects.live().public().select_related("unit", "unit__parent")


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

    @property
    def place(self) -> str:
        """Where, as the unit row of the time names it: a commune with its district
        ("Thị trấn Phú Đa, Huyện Phú Vang"); since the two-level map, the commune alone."""
        unit = self.unit
        parent = unit.parent
        if unit.level == UnitLevel.COMMUNE and parent and parent.level == UnitLevel.DISTRICT:
            return f"{unit.name}, {parent.name}"
        return unit.name

    def same_unit_stories(self, limit: int = 4) -> models.QuerySet[StoryPage]:
        """Other stories of the same unit, by its code: the code outlives renamings and
        the 2025 merger (Thị trấn Phú Đa and Xã Phú Vang share 19942)."""
        return (
            live_stories()
            .filter(unit__code=self.unit.code)
            .exclude(pk=self.pk)
            .order_by("-year", "title")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.unit_id:
            # The unit and its district in one query, for ``place``.
            self.unit = Unit.objects.select_related("parent").get(pk=self.unit_id)
        images = get_image_model().objects.prefetch_renditions()
        context.update(
            figures=list(self.figures.all()),
            photos=list(self.photos.prefetch_related(Prefetch("image", queryset=images))),
            other_stories=list(self.same_unit_stories()) if self.unit_id else [],
        )
        return context


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

    def stories(self, params: Mapping[str, str]) -> models.QuerySet[StoryPage]:
        """Live stories narrowed by kind, unit (a commune, or a district and its communes)
        and year; a value that matches nothing gives an empty list, never an error."""
        stories = live_stories().child_of(self).order_by("-year", "title", "pk")
        if params.get("kind") in StoryKind.values:
            stories = stories.filter(kind=params["kind"])
        if code := params.get("unit"):
            # By code, not row: one choice finds the stories of every version of the unit.
            stories = stories.filter(Q(unit__code=code) | Q(unit__parent__code=code))
        if year := parse_year(params.get("year")):
            stories = stories.filter(year=year)
        return stories

    def filter_choices(self) -> dict:
        """The units and years that have live stories, for the filter menus.

        Units come grouped under their district (which can be picked as a whole) or,
        on the two-level map, under the province; a unit renamed keeps its latest name.
        """
        rows = (
            StoryPage.objects.live()
            .public()
            .child_of(self)
            .order_by("-unit__valid_from")
            .values_list(
                "year",
                "unit__code",
                "unit__name",
                "unit__level",
                "unit__parent__code",
                "unit__parent__name",
                "unit__parent__level",
            )
            .distinct()
        )
        groups: dict[str, UnitGroup] = {}
        years: set[int] = set()
        for year, code, name, level, parent_code, parent_name, parent_level in rows:
            years.add(year)
            if level == UnitLevel.DISTRICT:
                groups.setdefault(code, UnitGroup(code, name, is_district=True))
            elif level == UnitLevel.COMMUNE and parent_code:
                group = groups.setdefault(
                    parent_code,
                    UnitGroup(parent_code, parent_name, parent_level == UnitLevel.DISTRICT),
                )
                group.add(code, name)
            # A story of the whole province is listed, but not a choice of unit.
        for group in groups.values():
            group.units.sort(key=lambda unit: collation_key(unit[1]))
        return {
            "unit_groups": sorted(groups.values(), key=lambda group: collation_key(group.name)),
            "years": sorted(years, reverse=True),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = with_image_renditions(self.stories(request.GET))
        context.update(
            page_obj=Paginator(stories, self.per_page).get_page(request.GET.get("page")),
            kinds=StoryKind.choices,
            filters=request.GET,
            **self.filter_choices(),
        )
        return context


@dataclass
class UnitGroup:
    """A district, or the province on the two-level map, and its units that have stories."""

    code: str
    name: str
    is_district: bool  # a district is a choice itself: its communes' stories
    units: list[tuple[str, str]] = field(default_factory=list)

    def add(self, code: str, name: str) -> None:
        if all(code != known for known, _name in self.units):
            self.units.append((code, name))
