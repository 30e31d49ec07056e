"""The language links in the portal's header (see portal/language.py)."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

register = template.Library()


@register.inclusion_tag("portal/includes/language_links.html", takes_context=True)
def language_links(context: template.Context) -> dict:
    """One link per language, named in itself as settings.LANGUAGES writes it (not
    translated: a reader looks for their own language's name), back to this address."""
    request = context.get("request")
    query = urlencode({"next": request.get_full_path() if request else "/"}, safe="/")
    current = translation.get_language()
    return {
        "languages": [
            {
                "code": code,
                "name": name,
                "is_current": code == current,
                "url": f"{reverse('portal-language', args=[code])}?{query}",
            }
            for code, name in settings.LANGUAGES
        ]
    }
