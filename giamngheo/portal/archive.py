"""Reads behind the archive by year (lưu trữ): what the portal published, when.

A page counts in the year it was first published (``first_published_at``, in
the site's time zone), whatever its own date field says: the archive answers
"what did the portal publish in 2023". The home page and its sections (the
fixed pages ``ensure_portal()`` creates) are not content, so only pages below
the sections count.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone
from wagtail.models import Page
from wagtail.query import PageQuerySet

from giamngheo.core.text import collation_key


@dataclass
class Month:
    month: int
    pages: list[Page] = field(default_factory=list)


@dataclass
class PageTypeGroup:
    """The pages of one type published in the year, by month, newest first."""

    name: str
    count: int = 0
    months: list[Month] = field(default_factory=list)


def archived_pages(home: Page) -> PageQuerySet:
    """The live, public pages of the site below its sections, ever published."""
    return (
        Page.objects.live()
        .public()
        .descendant_of(home)
        .filter(depth__gt=home.depth + 1, first_published_at__isnull=False)
    )


def years(home: Page) -> list[tuple[int, int]]:
    """(year, number of pages first published that year), newest year first."""
    rows = (
        archived_pages(home)
        .annotate(year=ExtractYear("first_published_at"))
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("-year")
    )
    return [(row["year"], row["count"]) for row in rows]


def year_range(counts: list[tuple[int, int]]) -> range:
    """The years the archive answers for, given ``years()``: from the first year with
    content to this one (or the last with content, if a clock is behind)."""
    this_year = timezone.localdate().year
    published = [year for year, _count in counts]
    return range(min([*published, this_year]), max([*published, this_year]) + 1)


def published_in(home: Page, year: int) -> list[PageTypeGroup]:
    """The pages first published in ``year``, grouped by page type (its plural name,
    in Vietnamese alphabetical order) and, within a type, by month, newest first."""
    pages = (
        archived_pages(home)
        .filter(first_published_at__year=year)
        .only("title", "url_path", "first_published_at", "content_type_id", "depth", "path")
        .order_by("-first_published_at", "-pk")
    )
    groups: dict[int, PageTypeGroup] = {}
    for page in pages:
        group = groups.get(page.content_type_id)
        if group is None:
            model = ContentType.objects.get_for_id(page.content_type_id).model_class()
            name = str(model._meta.verbose_name_plural) if model else ""
            group = groups[page.content_type_id] = PageTypeGroup(name=name)
        month = timezone.localtime(page.first_published_at).month
        if not group.months or group.months[-1].month != month:
            group.months.append(Month(month))
        group.months[-1].pages.append(page)
        group.count += 1
    return sorted(groups.values(), key=lambda group: collation_key(group.name))
