"""Province staff issue each unit's system its data API key; the key is shown once."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from giamngheo.accounts.viewsets import ScopedUnitForm
from giamngheo.core.api_keys import ApiKeyCreateView

from .models import UnitApiKey


class UnitKeyCreateView(ApiKeyCreateView):
    def get_usage(self) -> str:
        return gettext(
            "The system sends it in the X-API-Key header of each request; it acts for the "
            "unit chosen here only. The documentation is at /api/v1/docs."
        )


class UnitApiKeyViewSet(ModelViewSet):
    model = UnitApiKey
    icon = "key"
    menu_label = _("Data API keys")
    add_to_settings_menu = True
    add_view_class = UnitKeyCreateView
    # The units offered are those the issuing user sees (the one scoping policy).
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("contact"), FieldPanel("unit"), FieldPanel("is_active")],
        base_form_class=ScopedUnitForm,
    )
    list_display = [
        "name",
        "unit",
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
