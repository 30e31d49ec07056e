"""Open311 addresses, included at /open311/ by giamngheo/urls.py; the API is /open311/v2/."""

from django.urls import path, re_path

from . import views

app_name = "open311"

urlpatterns = [
    path("discovery.<str:fmt>", views.discovery, name="discovery"),
    path("v2/services.<str:fmt>", views.services_list, name="services"),
    path(
        "v2/services/<str:service_code>.<str:fmt>",
        views.service_definition,
        name="service_definition",
    ),
    path("v2/requests.<str:fmt>", views.requests_, name="requests"),
    path(
        "v2/requests/<str:service_request_id>.<str:fmt>",
        views.request_detail,
        name="request",
    ),
    # Anything else here (no suffix, a typo) answers in the spec's error format.
    re_path(r"^(?P<rest>.*)$", views.not_found, name="not_found"),
]
