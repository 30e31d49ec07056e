"""Whole pages of the portal kept in the cache for anonymous visitors.

Why: most visitors read the portal anonymously, many on old phones over slow
links, and a page that takes several queries to build is the same for all of
them. A page served from the cache costs no query. See
docs/decisions/0005-anonymous-page-cache.md for the choices made here.

What is cached: the GET responses of Wagtail's page serving (and of views
marked with ``cache_for_visitors``), for a visitor without a session or
flash-message cookie, when the response is a 200 that set no cookie, used no
CSRF token, wrote no session, and does not say ``private`` or ``no-store``.
HEAD requests are answered from the same entries. The key is the full URL
(host, path and query) and the interface language, under a version token.

Invalidation: any change to what pages show (a page published, unpublished,
moved or deleted; a snippet, setting, image, document, privacy setting or site
changed) replaces the version token, so every cached page is stale at once.
Coarse, but it is always right, including for listings and the home page that
show the changed page, and a publish is rare next to page views.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from functools import cache as memoize
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import get_max_age, patch_vary_headers
from wagtail import views as wagtail_views
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "portal:pages:version"
STATUS_HEADER = "X-Page-Cache"
# Whatever else may be in the request, these views never answer from the cache.
NEVER_PREFIXES = ("/admin/", "/documents/", "/i18n/")


def timeout() -> int:
    """Seconds a page stays cached; 0 turns the cache off (read at each request)."""
    return getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0)


def cache_for_visitors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let the page cache keep this view's responses, like Wagtail's pages.

    Only for views whose output depends on nothing but the URL, the language
    and the pages (a search over pages, the offline page): the cache is cleared
    when pages change, not when other records do.
    """
    view.cache_for_visitors = True  # type: ignore[attr-defined]
    return view


# --- Versions


def version() -> str:
    current = cache.get(VERSION_KEY)
    if current is None:
        # A random token, not a counter: if the key is evicted, a counter would
        # restart at 1 and bring back pages cached under the old 1.
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        current = cache.get(VERSION_KEY)
    return current


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def clear() -> None:
    """Every cached page is stale: now, and again when the transaction commits.

    The second time covers a visitor who read the old rows between the first
    and the commit, and cached them under the new version.
    """
    _new_version()
    transaction.on_commit(_new_version)


# --- The middleware


def page_key(request: HttpRequest) -> str:
    url = request.build_absolute_uri()
    digest = hashlib.sha256(url.encode()).hexdigest()[:32]
    return f"portal:page:{version()}:{translation.get_language()}:{digest}"


def _is_cacheable_request(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        # Wagtail's previews run the middleware on a dummy request.
        and not getattr(request, "is_preview", False)
        and not getattr(request, "is_dummy", False)
        and not request.path.startswith(NEVER_PREFIXES)
    )


def _storable_seconds(request: HttpRequest, response: HttpResponse) -> int:
    """How long this response may be kept, 0 for never."""
    if (
        request.method != "GET"
        or response.status_code != 200
        or response.streaming
        or response.cookies
        # The page holds this visitor's CSRF token (a form that posts).
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (hasattr(request, "session") and request.session.modified)
    ):
        return 0
    directives = {
        part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")
    }
    if {"private", "no-store"} & directives:
        return 0
    max_age = get_max_age(response)
    return timeout() if max_age is None else min(max_age, timeout())


def _freeze(response: HttpResponse) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = [(name, value) for name, value in response.items() if name != STATUS_HEADER]
    return response.status_code, headers, response.content


def _thaw(frozen: tuple[int, list[tuple[str, str]], bytes]) -> HttpResponse:
    status, headers, content = frozen
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class AnonymousPageCacheMiddleware:
    """Answers cacheable requests from the cache, and keeps what it may.

    Placed after the language middleware (the key holds the language) and
    before the CSRF one (to see the cookie it sets). The lookup is done in
    ``process_view``, once the URL is resolved, so that only Wagtail's pages
    and the views that ask for it are cached: the API, feedback tracking and
    the admin never are.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is not None:
            seconds = _storable_seconds(request, response)
            if seconds > 0:
                # The language comes from a cookie: say so to any HTTP cache on the way.
                patch_vary_headers(response, ["Cookie"])
                cache.set(key, _freeze(response), seconds)
                response[STATUS_HEADER] = "miss"
        return response

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        is_page = view_func is wagtail_views.serve or getattr(
            view_func, "cache_for_visitors", False
        )
        if not is_page or timeout() <= 0 or not _is_cacheable_request(request):
            return None
        key = page_key(request)
        frozen = cache.get(key)
        if frozen is None:
            request._page_cache_key = key  # type: ignore[attr-defined]
            return None
        response = _thaw(frozen)
        response[STATUS_HEADER] = "hit"
        return response


# --- Invalidation


@memoize
def _shows_on_pages(model: type) -> bool:
    """Whether rows of this model appear on pages (besides the pages themselves)."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    return issubclass(
        model,
        (
            PageViewRestriction,
            Site,
            BaseSiteSetting,
            BaseGenericSetting,
            get_image_model(),
            get_document_model(),
            *get_snippet_models(),
        ),
    )


def _is_page(model: type) -> bool:
    from wagtail.models import Page

    return issubclass(model, Page)


@receiver(page_published, dispatch_uid="portal_cache_published")
@receiver(page_unpublished, dispatch_uid="portal_cache_unpublished")
@receiver(post_page_move, dispatch_uid="portal_cache_moved")
def _on_page_change(sender: type, **kwargs: Any) -> None:
    clear()


@receiver(post_save, dispatch_uid="portal_cache_saved")
def _on_save(sender: type, instance: Any, created: bool = False, **kwargs: Any) -> None:
    # A page saved as a draft changes nothing visitors see; a page created live
    # in code (add_child, copy) sends no page_published.
    if _is_page(sender):
        if created and instance.live:
            clear()
    elif _shows_on_pages(sender):
        clear()


@receiver(post_delete, dispatch_uid="portal_cache_deleted")
def _on_delete(sender: type, instance: Any, **kwargs: Any) -> None:
    if _is_page(sender) or _shows_on_pages(sender):
        clear()
