"""The installable web app: its manifest, its service worker and the offline page.

The service worker is served by a view from the site's root (/sw.js), not from
/static/: a worker controls only the pages under its own address, and the
portal's pages are under /. Its list of files to keep on the phone holds the
static files' hashed names, so a deployment that changes one of them gives the
worker a new version, and the phone drops the old copies.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe
from wagtail.models import Site

BRAND = "#a3111b"  # portal.css --brand
# Content, not interface: the app's name under its icon, in Vietnamese like the pages.
APP_NAME = "Giảm nghèo bền vững"
APP_SHORT_NAME = "Giảm nghèo"
ICONS = [
    ("icons/icon-192.png", "192x192", "any"),
    ("icons/icon-512.png", "512x512", "any"),
    ("icons/icon-maskable-512.png", "512x512", "maskable"),
]
# What every visit may need offline: the offline page's look and the app's icons.
PRECACHE_STATIC = [
    "css/portal.css",
    "js/app.js",
    "js/menu.js",
    "icons/icon-192.png",
    "icons/apple-touch-icon.png",
]
# Never answered by the worker: the back office and anything that is not a page.
NEVER_PREFIXES = ["/admin/", "/documents/", "/i18n/", "/api/", "/ngon-ngu/"]


@require_safe
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest: name, colours, icons, start address."""
    site = Site.find_for_request(request)
    data = {
        "name": (site.site_name if site and site.site_name else APP_NAME),
        "short_name": APP_SHORT_NAME,
        "lang": settings.LANGUAGE_CODE,
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": BRAND,
        "background_color": BRAND,
        "icons": [
            {"src": static(path), "sizes": sizes, "type": "image/png", "purpose": purpose}
            for path, sizes, purpose in ICONS
        ],
    }
    response = JsonResponse(data, content_type="application/manifest+json")
    patch_cache_control(response, public=True, max_age=60 * 60)
    return response


def worker_config() -> dict:
    """What the service worker needs to know, and its version."""
    precache = [reverse("portal-offline"), *(static(path) for path in PRECACHE_STATIC)]
    config = {
        "offline": reverse("portal-offline"),
        "precache": precache,
        "staticPrefix": settings.STATIC_URL,
        "never": NEVER_PREFIXES,
        # Without hashed file names (development) static files are fetched first,
        # so that an edited style sheet shows at once.
        "staticNetworkFirst": settings.DEBUG,
        "maxPages": 30,
    }
    config["version"] = hashlib.sha256(json.dumps(config).encode()).hexdigest()[:12]
    return config


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker script, from the site's root so that its scope is the whole site."""
    script = render_to_string("portal/sw.js", {"config": json.dumps(worker_config())})
    response = HttpResponse(script, content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    # Browsers look for a new worker at each visit; no HTTP cache may keep an old one.
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


@require_safe
def offline(request: HttpRequest) -> HttpResponse:
    """The page the worker shows for a page that is neither online nor kept on the phone.

    The worker fetches it when it installs, in the visitor's language (the
    cookie). HTTP caches must ask again each time (no-cache), so the worker's
    copy is the current one.
    """
    response = render(request, "portal/offline.html")
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response
