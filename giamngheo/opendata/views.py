"""The open data page (/du-lieu-mo/), the downloads of each set and the catalogue.

Public: no sign-in, and nothing a visitor could not read on the portal already.
Not kept by the portal's page cache: the figures change with records, not pages.
"""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from . import formats
from .datasets import BY_SLUG, DATASETS
from .registry import LICENCE_NAME, LICENCE_URL, as_date


def _title() -> str:
    return _("Open data")


def _description() -> str:
    return _(
        "The figures of the communication programme for sustainable poverty reduction, "
        "free to reuse under the %(licence)s licence."
    ) % {"licence": LICENCE_NAME}


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    entries = [{"dataset": d, "modified": as_date(d.modified())} for d in DATASETS]
    response = render(
        request,
        "opendata/index.html",
        {
            "entries": entries,
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
            "meta_title": _title(),
            "meta_description": _description(),
        },
    )
    patch_cache_control(response, max_age=0)
    return response


@require_safe
def download(request: HttpRequest, slug: str, kind: str) -> StreamingHttpResponse:
    dataset = BY_SLUG.get(slug)
    if dataset is None or kind not in formats.MEDIA_TYPES:
        raise Http404
    response = formats.download(request, dataset, kind)
    patch_cache_control(response, max_age=0)
    return response


@require_safe
def catalogue(request: HttpRequest) -> HttpResponse:
    site = Site.find_for_request(request)
    data = formats.catalogue(
        request,
        DATASETS,
        title=_title(),
        description=_description(),
        # The portal's own name, as its share previews give it.
        publisher_name=(site.site_name if site and site.site_name else "")
        or _("Communication programme for sustainable poverty reduction"),
    )
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1),
        content_type="application/ld+json; charset=utf-8",
    )
    patch_cache_control(response, max_age=0)
    return response
