"""Province staff give each app its API key in the admin; the key is shown once
(``core.api_keys.ApiKeyCreateView`` says why the page, not a message)."""

from __future__ import annotations

from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from giamngheo.core.api_keys import ApiKeyCreateView

from .models import ApiKey


class Open311KeyCreateView(ApiKeyCreateView):
    def get_usage(self) -> str:
        # The translation is ours, not input: safe to render as markup.
        return mark_safe(
            gettext(
                "The app sends it as <code>api_key</code> with each "
                "<code>POST requests.json</code> (or <code>.xml</code>)."
            )
        )


class ApiKeyViewSet(ModelViewSet):
    model = ApiKey
    icon = "key"
    menu_label = _("App API keys (Open311)")
    add_view_class = Open311KeyCreateView
    form_fields = ["name", "contact", "is_active"]
    list_display = [
        "name",
        "prefix_display",
        "is_active",
        "created_at",
        "last_used_at",
        "requests_sent",
    ]
    list_filter = ["is_active"]
    search_fields = ["name", "contact"]
    copy_view_enabled = False
    inspect_view_enabled = False
