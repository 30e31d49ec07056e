"""URLs of the benchmark server: the site's own, /bench/ok/, /bench/page/ and /bench/insert/.

Each answers through the same middleware as every page: the floors that
bench_portal.py and bench_feedback.py compare the site with. None is part of
the site.

- /bench/ok/ answers "ok";
- /bench/page/?size=N answers N bytes of HTML, built by nothing: a bare Django
  view of the same size as the page it stands beside;
- /bench/insert/ (POST) inserts one row with a random code in one transaction
  and answers the code: the least an intake can do.
"""

import secrets

from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from giamngheo.urls import urlpatterns as site_urlpatterns

FLOOR_TABLE = "bench_intake_floor"
_CHUNK = "<p>Giảm nghèo bền vững</p>\n".encode()


def ok(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def page(request: HttpRequest) -> HttpResponse:
    size = max(0, min(int(request.GET.get("size", "0") or 0), 2_000_000))
    body = (_CHUNK * (size // len(_CHUNK) + 1))[:size]
    return HttpResponse(body, content_type="text/html; charset=utf-8")


@csrf_exempt
@require_POST
def insert(request: HttpRequest) -> HttpResponse:
    code = secrets.token_hex(8)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {FLOOR_TABLE} (code) VALUES (%s)", [code])
    return HttpResponse(code, content_type="text/plain", status=201)


urlpatterns = [
    path("bench/ok/", ok),
    path("bench/page/", page),
    path("bench/insert/", insert),
    *site_urlpatterns,
]
