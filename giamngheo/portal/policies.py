"""Policy and legal documents (văn bản chính sách): a filterable library of pages.

Each document is a page, so it goes through the editors' moderation workflow,
has revisions and a public URL; the library page lists its children with
filters a citizen understands (type, status, year, issuing body, words).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from giamngheo.core.params import parse_year
from giamngheo.core.text import fold

from .base import PortalPage


class DocumentType(models.TextChoices):
    RESOLUTION = "nghi-quyet", _("Resolution")
    DIRECTIVE = "chi-thi", _("Directive")
    LAW = "luat", _("Law")
    DECREE = "nghi-dinh", _("Decree")
    DECISION = "quyet-dinh", _("Decision")
    CIRCULAR = "thong-tu", _("Circular")
    PLAN = "ke-hoach", _("Plan")
    OFFICIAL_LETTER = "cong-van", _("Official letter")
    OTHER = "khac", _("Other document")


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    EXPIRED = "expired", _("Expired")
    REPLACED = "replaced", _("Replaced")


class PolicyDocumentPage(PortalPage):
    number = models.CharField(_("number and symbol"), max_length=60, help_text=_("e.g. 05-CT/TW"))
    document_type = models.CharField(_("type"), max_length=20, choices=DocumentType.choices)
    issuing_body = models.CharField(_("issuing body"), max_length=200)
    issued_on = models.DateField(_("issue date"))
    effective_on = models.DateField(_("effective date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.IN_FORCE
    )
    replaced_by = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
    )
    summary = models.TextField(_("summary"), blank=True)
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Title, number and summary without accents, for the library's word filter.
    search_text = models.TextField(editable=False, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldPanel("document_type"),
                FieldPanel("issuing_body"),
                FieldPanel("issued_on"),
                FieldPanel("effective_on"),
                FieldPanel("status"),
                FieldPanel("replaced_by"),
            ],
            heading=pgettext_lazy("legal document", "Document"),
        ),
        FieldPanel("summary"),
        FieldPanel("file"),
    ]
    search_text_fields = ("number", "summary", "issuing_body")
    search_fields = [
        *PortalPage.search_fields,
        index.SearchField("number", boost=3),
        index.SearchField("summary"),
        index.FilterField("document_type"),
        index.FilterField("status"),
    ]
    parent_page_types = ["portal.PolicyLibraryPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")

    def summary_text(self) -> str:
        return self.search_description or self.summary

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join([self.title, self.number, self.summary]))
        super().save(*args, **kwargs)


class PolicyLibraryPage(PortalPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["portal.PolicyDocumentPage"]
    max_count = 1
    per_page = 20

    class Meta:
        verbose_name = _("policy library")

    def documents(self, params) -> models.QuerySet[PolicyDocumentPage]:
        """The library's live documents narrowed by the visitor's filters."""
        documents = (
            PolicyDocumentPage.objects.live()
            .public()
            .child_of(self)
            .select_related("file")
            .order_by("-issued_on", "number")
        )
        words = fold(params.get("q", ""))
        if words:
            for word in words.split():
                documents = documents.filter(search_text__contains=word)
        if params.get("type") in DocumentType.values:
            documents = documents.filter(document_type=params["type"])
        if params.get("status") in DocumentStatus.values:
            documents = documents.filter(status=params["status"])
        if year := parse_year(params.get("year")):
            documents = documents.filter(issued_on__year=year)
        return documents

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = self.documents(request.GET)
        context.update(
            page_obj=Paginator(documents, self.per_page).get_page(request.GET.get("page")),
            types=DocumentType.choices,
            statuses=DocumentStatus.choices,
            filters=request.GET,
        )
        return context
