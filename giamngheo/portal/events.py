"""Events (sự kiện): seminars, conferences, contests, policy dialogues, with a report after."""

from __future__ import annotations

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
        return (self.ends_at or self.starts_at) >= timezone.now()


class EventIndexPage(PortalPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["portal.EventPage"]
    max_count = 1
    per_page = 20

    class Meta:
        verbose_name = _("events section")

    def events(self) -> models.QuerySet[EventPage]:
        return EventPage.objects.live().public().child_of(self).select_related("unit", "image")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = self.events()
        upcoming = events.filter(
            models.Q(ends_at__gte=now) | models.Q(ends_at__isnull=True, starts_at__gte=now)
        ).order_by("starts_at")
        past = events.exclude(pk__in=upcoming.values("pk")).order_by("-starts_at")
        context.update(
            upcoming=upcoming,
            page_obj=Paginator(past, self.per_page).get_page(request.GET.get("page")),
        )
        return context


def upcoming_events(limit: int = 3) -> models.QuerySet[EventPage]:
    """The next events of the whole portal, for the home page."""
    now = timezone.now()
    return (
        EventPage.objects.live()
        .public()
        .filter(models.Q(ends_at__gte=now) | models.Q(ends_at__isnull=True, starts_at__gte=now))
        .select_related("unit")
        .order_by("starts_at")[:limit]
    )
