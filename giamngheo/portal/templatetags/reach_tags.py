"""Template tags for share previews and share links (see giamngheo/portal/sharing.py)."""

from django import template

from giamngheo.portal import sharing

register = template.Library()


@register.simple_tag(takes_context=True)
def share_meta(context) -> dict:
    """Canonical address, description, Open Graph, Twitter card and feeds of the page."""
    return sharing.share_meta(context)


@register.simple_tag(takes_context=True)
def share_links(context) -> dict:
    """Facebook, e-mail and SMS links to the current page, and the share button's data."""
    request, page = context.get("request"), context.get("page")
    if request is None or page is None:
        return {}
    return sharing.share_links(request, page)
