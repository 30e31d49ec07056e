"""Absolute links for what leaves the site: e-mails and text messages.

A task that sends them runs after the request (or in the morning's cron job), so
it has no request whose host it could copy. Every such link is built here, on
the address the site is served at: the ``PUBLIC_BASE_URL`` setting, or, when it
is empty, the default Wagtail Site's address (``setup_portal --hostname``,
Settings → Sites). Pages served to a visitor build theirs from the request
(``portal/sharing.py``).
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from wagtail.models import Site


def public_base_url() -> str:
    """``https://host`` (with a port if not the usual one), without a final slash."""
    configured = (getattr(settings, "PUBLIC_BASE_URL", "") or "").rstrip("/")
    if configured:
        return configured
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url.rstrip("/") if site else ""


def public_url(path: str) -> str:
    """``path`` (starting with "/") as a full address on the site."""
    return f"{public_base_url()}{path}"


def public_url_for(viewname: str, *args: object) -> str:
    """The full address of a named URL, as ``reverse`` would give its path."""
    return public_url(reverse(viewname, args=args))
