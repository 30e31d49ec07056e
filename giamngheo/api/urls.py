from django.urls import path, re_path
from django.views.generic import RedirectView

from .site import api, not_found

urlpatterns = [
    path("", RedirectView.as_view(url="docs", permanent=False)),
    path("", api.urls),
    re_path(r"^(?P<rest>.*)$", not_found),
]
