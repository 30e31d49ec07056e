"""Absolute links for what leaves the site: e-mails, text messages, shared links.

Every such link is built here, on the address the site is served at:

- while serving a request, the Wagtail Site configured for the request's host;
- otherwise (a task sending mail after the request, the morning's cron job, or a
  request to a host no Site names) the ``PUBLIC_BASE_URL`` setting;
- and when that is empty, the default Wagtail Site's address
  (``setup_portal --hostname``, Settings → Sites).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Site


def public_base_url(request: HttpRequest | None = None) -> str:
    """``https://host`` (with a port if not the usual one), without a final slash."""
    # Wagtail answers a host it does not know with the default Site (kept on the
    # request, so asking costs one query per request): its address is then not
    # where this visitor reached the site.
    site = Site.find_for_request(request) if request is not None else None
    if (
        request is not None
        and site is not None
        and site.hostname == request.get_host().rsplit(":", 1)[0]
    ):
        return site.root_url.rstrip("/")
    configured = (getattr(settings, "PUBLIC_BASE_URL", "") or "").rstrip("/")
    if configured:
        return configured
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site else ""


def public_url(path: str) -> str:
    """``path`` (starting with "/") as a full address on the site."""
    return f"{public_base_url()}{path}"


def public_url_for(viewname: str, *args: object) -> str:
    """The full address of a named URL, as ``reverse`` would give its path."""
    return public_url(reverse(viewname, args=args))
