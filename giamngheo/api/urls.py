from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.urls import path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from .problems import CONTENT_TYPE, problem
from .site import api, not_found


def _wrong_method_as_problem(view):
    """Ninja answers a method an address does not take with a plain-text 405; say it as
    a problem like every other error, keeping the ``Allow`` header."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code != 405 or response.get("Content-Type") == CONTENT_TYPE:
            return response
        answer = problem(405, _("This address does not take this method: see the Allow header."))
        answer["Allow"] = response.get("Allow", "")
        return answer

    return wrapped


# Unpacked under names that are not ``app_name``: Django would read that one as this
# module's own namespace.
_patterns, _ninja_app, _namespace = api.urls
for _pattern in _patterns:
    _pattern.callback = _wrong_method_as_problem(_pattern.callback)

urlpatterns = [
    path("", RedirectView.as_view(url="docs", permanent=False)),
    path("", (_patterns, _ninja_app, _namespace)),
    re_path(r"^(?P<rest>.*)$", not_found),
]
