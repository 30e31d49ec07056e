"""The portal's views outside the page tree: site search, robots.txt, the accessibility
statement."""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Site

from . import search as site_search
from .sharing import absolute_url


def search(request: HttpRequest) -> HttpResponse:
    """The search page: the form alone without a query, else a page of results."""
    params = request.GET
    raw_query = site_search.printable(params.get("q", ""))[: site_search.MAX_QUERY_LENGTH]
    outcome = site_search.search_pages(
        raw_query=raw_query,
        section=params.get("section", ""),
        page_number=params.get("page"),
        site=Site.find_for_request(request),
    )
    if outcome.query and not params.get("page"):  # the next pages are the same search
        site_search.log_search(outcome.query)
    results = [site_search.result_row(page) for page in outcome.page_obj or []]
    return render(
        request,
        "portal/search.html",
        {
            "raw_query": raw_query,
            "outcome": outcome,
            "results": results,
            "sections": [(key, label) for key, (_model, label) in site_search.SECTIONS.items()],
            "is_capped": outcome.count >= site_search.MAX_RESULTS,
            # Result pages are not for search engines (robots.txt says so too).
            "noindex": True,
        },
    )


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read the portal, not the admin nor search results; the sitemap's address."""
    return render(
        request,
        "portal/robots.txt",
        {
            "sitemap_url": absolute_url(request, reverse("portal:sitemap")),
            "search_path": reverse("portal:search"),
        },
        content_type="text/plain; charset=utf-8",
    )


# The day the statement was last reviewed against the pages; change it with the statement.
STATEMENT_REVIEWED_ON = datetime.date(2026, 12, 3)


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """What the portal promises people using assistive technology, as government sites publish.

    A template rather than an editable page: it states how the software is built and
    tested, which editors cannot change; how to report a barrier points at the citizens'
    channel the office already answers.
    """
    return render(
        request,
        "portal/accessibility_statement.html",
        {"reviewed_on": STATEMENT_REVIEWED_ON, "meta_title": _("Accessibility statement")},
    )
