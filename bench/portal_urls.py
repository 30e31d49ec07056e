"""URLs of the benchmark server: the site's own, and /bench/ok/.

/bench/ok/ answers "ok" through the same middleware as every page: the floor
that bench_portal.py compares each page with. It is never part of the site.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from giamngheo.urls import urlpatterns as site_urlpatterns


def ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/ok/", ok), *site_urlpatterns]
