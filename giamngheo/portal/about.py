"""The sections Decree 42/2022/NĐ-CP asks a state agency's portal to publish.

About (the steering committee and programme office: members, functions,
contacts), guidance on policies, the list of information the portal
publishes — plain section pages editors write — and the archive by year.
"""

from __future__ import annotations

from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from . import archive
from .base import PortalPage


class SectionBody(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"))
    image = ImageBlock(label=_("Image"))
    document = DocumentChooserBlock(label=_("Document"))


class SectionPage(PortalPage):
    """A plain page of the portal: guidance, the information list, contacts, …"""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(SectionBody(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_text_fields = ("intro", "body")
    search_fields = [*PortalPage.search_fields, index.SearchField("intro")]
    subpage_types = ["portal.SectionPage"]

    class Meta:
        verbose_name = _("section page")
        verbose_name_plural = _("section pages")

    def summary_text(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subsections"] = subsections(self)
        return context


def subsections(page: Page) -> models.QuerySet[SectionPage]:
    """The live, public section pages under ``page``, in the editors' order."""
    return SectionPage.objects.child_of(page).live().public().order_by("path")


class AboutPage(PortalPage):
    """The steering committee and the programme office (Giới thiệu)."""

    intro = models.TextField(_("introduction"), blank=True)
    functions = RichTextField(_("functions and tasks"), blank=True)
    contacts = RichTextField(_("contacts"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("functions"),
        InlinePanel("members", label=_("members of the steering committee")),
        FieldPanel("contacts"),
    ]
    search_text_fields = ("intro", "functions", "contacts")
    subpage_types = ["portal.SectionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("about page")

    def summary_text(self) -> str:
        return self.search_description or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(members=self.members.all(), subsections=subsections(self))
        return context


class CommitteeMember(Orderable):
    page = ParentalKey(AboutPage, related_name="members", on_delete=models.CASCADE)
    name = models.CharField(_("full name"), max_length=120)
    position = models.CharField(_("position"), max_length=255)
    committee_role = models.CharField(
        _("role in the committee"), max_length=120, help_text=_("e.g. Head, Deputy head, Member")
    )

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("committee_role")]


class ArchivePage(RoutablePageMixin, PortalPage):
    """Everything the portal has published, by year (lưu trữ)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("archive")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        home = site_root(self, request)
        context.update(home=home, years=archive.years(home))
        return context

    @re_path(r"^(\d{4})/$", name="year")
    def year(self, request, year: str):
        context = self.get_context(request)
        number = int(year)
        if number not in archive.year_range(context["years"]):
            raise Http404
        context.update(year=number, groups=archive.published_in(context["home"], number))
        return TemplateResponse(request, "portal/archive_year.html", context)


def site_root(page: Page, request) -> Page:
    """The home page of the site the visitor is on (the archive covers that site)."""
    site = Site.find_for_request(request) or page.get_site()
    return site.root_page
