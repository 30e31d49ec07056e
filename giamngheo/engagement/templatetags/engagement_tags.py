"""Template tags other pages use to show the dialogues and polls."""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("engagement/includes/home_poll.html")
def home_poll() -> dict:
    """The latest open poll meant for the home page, as a short form (two queries)."""
    return {"poll": selectors.home_poll()}
