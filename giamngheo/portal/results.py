"""The programme's results (kết quả thực hiện): indicators against targets, per year
and unit, as tables readable without JavaScript, a chart, and CSV."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page

from .base import PortalPage


class ResultsPage(RoutablePageMixin, PortalPage):
    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("commentary"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_text_fields = ("intro", "body")
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("programme results page")
