"""URLs of bench_api.py: the site's own, and /bench/activities, the bare floor.

/bench/activities reads the same 100 activities with ``.values()`` and answers
``JsonResponse``: no schema, no paging object, no ETag. Never part of the site.
"""

from django.http import HttpRequest, JsonResponse
from django.urls import path

from giamngheo.activities.models import Activity
from giamngheo.urls import urlpatterns as site_urlpatterns


def bare_activities(request: HttpRequest) -> JsonResponse:
    limit = int(request.GET.get("limit", 100))
    offset = int(request.GET.get("offset", 0))
    rows = Activity.objects.order_by("-start_date", "-pk").values(
        "id",
        "title",
        "kind__name",
        "kind__code",
        "kind__group",
        "unit__code",
        "unit__name",
        "start_date",
        "end_date",
        "channel",
        "audience",
        "audience_reached",
        "participants",
        "link",
    )[offset : offset + limit]
    return JsonResponse({"items": list(rows), "next_cursor": None})


urlpatterns = [path("bench/activities", bare_activities), *site_urlpatterns]
