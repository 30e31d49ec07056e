"""Events (sự kiện): seminars, conferences, contests, policy dialogues, with a report after."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .base import PortalPage


class EventKind(models.TextChoices):
    SEMINAR = "seminar", _("Seminar")
    CONFERENCE = "conference", _("Conference")
    CONTEST = "contest", _("Contest")
    DIALOGUE = "dialogue", _("Policy dialogue")
    PERFORMANCE = "performance", _("Staged performance")
    OTHER = "other", _("Other event")


class EventPage(PortalPage):
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        help_text=_("The unit holding the event; empty for the province."),
    )
    organiser = models.CharField(_("organiser"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("programme"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    report = RichTextField(
        _("report afterwards"), blank=True, help_text=_("What happened, once the event is over.")
    )
    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("report document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("starts_at"),
                FieldPanel("ends_at"),
                FieldPanel("place"),
                FieldPanel("unit"),
                FieldPanel("organiser"),
            ],
            heading=_("Event"),
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("report"), FieldPanel("report_document")], heading=_("Report")),
    ]
    search_text_fields = ("summary", "body", "report", "place")
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("report"),
        index.FilterField("starts_at"),
    ]
    parent_page_types = ["portal.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self) -> None:
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event cannot end before it starts.")})

    def summary_text(self) -> str:
        return self.search_description or self.summary

    @property
    def is_upcoming(self) -> bool:
        """Not over yet: to come, or under way (an event without an end is over once
        it has started)."""
        return (self.ends_at or self.starts_at) >= timezone.now()

    @property
    def ends_same_day(self) -> bool:
        """The end is on the start's day (local time): the page shows only its hour."""
        if not self.ends_at:
            return False
        return timezone.localdate(self.ends_at) == timezone.localdate(self.starts_at)


def not_over(now: datetime.datetime) -> models.Q:
    """Events still to come or under way at ``now``."""
    return models.Q(ends_at__gte=now) | models.Q(ends_at__isnull=True, starts_at__gte=now)


class EventIndexPage(PortalPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["portal.EventPage"]
    max_count = 1
    per_page = 20

    class Meta:
        verbose_name = _("events section")

    def events(self) -> models.QuerySet[EventPage]:
        return EventPage.objects.live().public().child_of(self).select_related("unit")

    def get_context(self, request, *args, **kwargs):
        """Upcoming events first, soonest first; then past events, newest first, paginated.
        Later pages of the past events do not repeat the upcoming ones."""
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.events()
        past = events.exclude(not_over(now)).order_by("-starts_at", "-pk")
        page_obj = Paginator(past, self.per_page).get_page(request.GET.get("page"))
        upcoming = events.filter(not_over(now)).order_by("starts_at", "pk")
        context.update(upcoming=list(upcoming) if page_obj.number == 1 else [], page_obj=page_obj)
        return context


def upcoming_events(limit: int = 3) -> models.QuerySet[EventPage]:
    """The next events of the whole portal (and those under way), for the home page."""
    return (
        EventPage.objects.live()
        .public()
        .filter(not_over(timezone.now()))
        .select_related("unit")
        .order_by("starts_at", "pk")[:limit]
    )
