"""Policy dialogues as portal pages, and the section that lists them.

A ``PolicyDialogue`` goes through the portal's moderation workflow like any
other page. Its status follows from its dates and content, never from a field
someone must remember to change:

* open for questions, until the question deadline (the start when none);
* closed for questions, while the dialogue is still to come;
* held, once it has started;
* answered, once held and its minutes (text or document) are published.

Citizens post questions and upvotes to the page's own sub-addresses
(``dat-cau-hoi/``, ``dong-tinh/<id>/``), handled in ``views.py``.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from giamngheo.portal.base import PortalPage
from giamngheo.units.models import Unit, UnitLevel


class DialogueStatus(models.TextChoices):
    OPEN = "open", _("Open for questions")
    UPCOMING = "upcoming", _("Closed for questions, upcoming")
    HELD = "held", _("Held")
    ANSWERED = "answered", _("Answers and minutes published")


def has_minutes_q() -> models.Q:
    return ~models.Q(minutes="") | models.Q(minutes_document__isnull=False)


def with_status(
    dialogues: models.QuerySet[PolicyDialogue], status: str, now: datetime.datetime
) -> models.QuerySet[PolicyDialogue]:
    """The dialogues that have ``status`` at ``now`` (the listing's status filter)."""
    if status == DialogueStatus.OPEN:
        return dialogues.filter(models.Q(questions_close_at__gt=now) | _open_without_deadline(now))
    if status == DialogueStatus.UPCOMING:
        return dialogues.filter(starts_at__gt=now).exclude(
            models.Q(questions_close_at__gt=now) | _open_without_deadline(now)
        )
    held = dialogues.filter(starts_at__lte=now)
    if status == DialogueStatus.HELD:
        return held.exclude(has_minutes_q())
    return held.filter(has_minutes_q())


def _open_without_deadline(now: datetime.datetime) -> models.Q:
    return models.Q(questions_close_at__isnull=True, starts_at__gt=now)


class DialoguePageForm(WagtailAdminPageForm):
    """The unit is picked among the province's units, named with their code and dates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.conf import settings

        from giamngheo.accounts.viewsets import unit_label
        from giamngheo.units.divisions import province_code

        field = self.fields.get("unit")
        if field is not None:
            field.queryset = Unit.objects.of_province(
                province_code(settings.PROVINCE_CODE)
            ).vietnamese_order()
            field.label_from_instance = unit_label


class PolicyDialogue(RoutablePageMixin, PortalPage):
    # Set from the unit on save: the listing filters on it without a join.
    level = models.CharField(_("level"), max_length=10, choices=UnitLevel.choices, editable=False)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="policy_dialogues",
        help_text=_("The province, district or commune holding the dialogue."),
    )
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=255)
    questions_close_at = models.DateTimeField(
        _("questions close at"),
        null=True,
        blank=True,
        help_text=_("Empty: citizens may send questions until the dialogue starts."),
    )
    summary = models.TextField(_("summary"), blank=True)
    minutes = RichTextField(
        _("minutes"), blank=True, help_text=_("What was said and decided, after the dialogue.")
    )
    minutes_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("minutes document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("unit"),
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("questions_close_at")]),
                FieldPanel("place"),
            ],
            heading=_("Dialogue"),
        ),
        FieldPanel("summary"),
        InlinePanel("officials", heading=_("Officials taking part"), label=_("Official")),
        MultiFieldPanel(
            [FieldPanel("minutes"), FieldPanel("minutes_document")], heading=_("Minutes")
        ),
    ]
    base_form_class = DialoguePageForm
    search_text_fields = ("summary", "place", "minutes")
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("minutes"),
        index.FilterField("starts_at"),
    ]
    parent_page_types = ["engagement.DialogueIndexPage"]
    subpage_types: list[str] = []
    questions_per_page = 30

    class Meta:
        verbose_name = _("policy dialogue")
        verbose_name_plural = _("policy dialogues")

    def clean(self) -> None:
        super().clean()
        if self.questions_close_at and self.starts_at and self.questions_close_at > self.starts_at:
            raise ValidationError(
                {"questions_close_at": _("Questions must close before the dialogue starts.")}
            )

    def save(self, *args, **kwargs):
        if self.unit_id:
            self.level = self.unit.level
        return super().save(*args, **kwargs)

    def summary_text(self) -> str:
        return self.search_description or self.summary

    # --- Status

    @property
    def question_deadline(self) -> datetime.datetime:
        return self.questions_close_at or self.starts_at

    @property
    def has_minutes(self) -> bool:
        return bool(self.minutes) or self.minutes_document_id is not None

    def status(self, now: datetime.datetime | None = None) -> str:
        now = now or timezone.now()
        if now < self.question_deadline:
            return DialogueStatus.OPEN
        if now < self.starts_at:
            return DialogueStatus.UPCOMING
        return DialogueStatus.ANSWERED if self.has_minutes else DialogueStatus.HELD

    def get_status_display(self) -> str:
        return str(DialogueStatus(self.status()).label)

    get_status_display.short_description = _("status")  # type: ignore[attr-defined]

    def is_open_for_questions(self, now: datetime.datetime | None = None) -> bool:
        return self.status(now) == DialogueStatus.OPEN

    def is_held(self, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.starts_at

    # --- Public page

    def get_context(self, request, *args, **kwargs):
        from . import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.dialogue_context(self, request))
        return context

    @path("", name="dialogue")
    def dialogue(self, request, *args, **kwargs):
        return self.render(request)

    @path("dat-cau-hoi/", name="ask")
    def ask(self, request):
        from . import views

        return views.ask(request, self)

    @path("dong-tinh/<int:question_id>/", name="upvote")
    def upvote(self, request, question_id: int):
        from . import views

        return views.upvote(request, self, question_id)


class DialogueOfficial(Orderable):
    page = ParentalKey(PolicyDialogue, on_delete=models.CASCADE, related_name="officials")
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("position")])]

    class Meta(Orderable.Meta):
        verbose_name = _("official")
        verbose_name_plural = _("officials")

    def __str__(self) -> str:
        return f"{self.name}, {self.position}" if self.position else self.name


class DialogueIndexPage(PortalPage):
    """The section listing the dialogues: the coming ones first, then the past ones."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_text_fields = ("intro",)
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["engagement.PolicyDialogue"]
    max_count = 1
    per_page = 20

    class Meta:
        verbose_name = _("policy dialogues section")

    def dialogues(self) -> models.QuerySet[PolicyDialogue]:
        return PolicyDialogue.objects.live().public().child_of(self).select_related("unit")

    def get_context(self, request, *args, **kwargs):
        """Coming dialogues soonest first, then past ones newest first, paginated; an
        optional status filter (``?trang-thai=open``); unknown values are ignored."""
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        dialogues = self.dialogues()
        status = request.GET.get("trang-thai", "")
        if status in DialogueStatus.values:
            dialogues = with_status(dialogues, status, now)
        else:
            status = ""
        coming = dialogues.filter(starts_at__gt=now).order_by("starts_at", "pk")
        past = dialogues.filter(starts_at__lte=now).order_by("-starts_at", "-pk")
        page_obj = Paginator(past, self.per_page).get_page(request.GET.get("page"))
        context.update(
            coming=list(coming) if page_obj.number == 1 else [],
            page_obj=page_obj,
            status=status,
            statuses=DialogueStatus.choices,
            now=now,
        )
        return context
