"""Template tags of the portal's layout."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("portal/includes/menu.html", takes_context=True)
def main_menu(context) -> dict:
    """The home page's sections marked "show in menus", in the editors' order; the one
    the visitor is in is marked current."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"sections": []}
    # The request goes along so that {% pageurl %} reads the site's root paths once
    # per request (kept on it) rather than once per section from the cache.
    current = context.get("page")
    current_path = current.path if isinstance(current, Page) else ""
    sections = Page.objects.live().public().in_menu().child_of(site.root_page)
    return {
        "request": request,
        "sections": [(section, current_path.startswith(section.path)) for section in sections],
    }
