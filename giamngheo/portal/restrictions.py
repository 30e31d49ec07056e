"""Wagtail's view restrictions read once per request instead of at every ``.public()``.

Why: ``PageQuerySet.public()`` asks the database for every view restriction
each time it is called, and a portal page calls it three to seven times (the
menu, the listings, the share metadata, the home page's sections). The
restrictions are few and change rarely: while a request is served, the first
call reads them and the next ones reuse that list. Outside a request (commands,
tasks, code under test) nothing is kept and Wagtail's own query runs, and a
restriction saved or deleted during a request is read again at the next call.
"""

from __future__ import annotations

import threading
from typing import Any

from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

_state = threading.local()
_wagtail_private_q = PageQuerySet.private_q


def _restricted_pages() -> list:
    pages = getattr(_state, "pages", None)
    if pages is None:
        pages = [r.page for r in PageViewRestriction.objects.select_related("page")]
        _state.pages = pages
    return pages


def private_q(self: PageQuerySet) -> Q:
    """``PageQuerySet.private_q`` on the request's list of restricted pages."""
    if not getattr(_state, "in_request", False):
        return _wagtail_private_q(self)
    q = Q()
    for page in _restricted_pages():
        q |= self.descendant_of_q(page, inclusive=True)
    # As Wagtail does: no private section matches no page.
    return q if q else Q(pk__in=[])


def _start(**kwargs: Any) -> None:
    _state.in_request, _state.pages = True, None


def _finish(**kwargs: Any) -> None:
    _state.in_request, _state.pages = False, None


def _forget(**kwargs: Any) -> None:
    _state.pages = None


def install() -> None:
    """Called once from the portal app's ``ready``."""
    PageQuerySet.private_q = private_q  # type: ignore[method-assign]
    request_started.connect(_start, dispatch_uid="portal_restrictions_start")
    request_finished.connect(_finish, dispatch_uid="portal_restrictions_finish")
    for signal in (post_save, post_delete):
        signal.connect(_forget, sender=PageViewRestriction, dispatch_uid=f"portal_r_{signal}")
