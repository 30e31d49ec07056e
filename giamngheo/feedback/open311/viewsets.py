"""Province staff give each app its API key in the admin; the key is shown once.

The create view answers the POST with a page that shows the new key, instead
of redirecting with a message: the key is never stored in clear, so it must
not travel through the session or a message cookie either.
"""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ApiKey, new_raw_key


class ApiKeyCreateView(generic.CreateView):
    def save_instance(self) -> ApiKey:
        self.raw_key = new_raw_key()
        self.form.instance.set_key(self.raw_key)
        self.form.instance.created_by = self.request.user
        return super().save_instance()

    def save_action(self) -> TemplateResponse:
        response = TemplateResponse(
            self.request,
            "feedback/admin/api_key_created.html",
            {
                "api_key": self.object,
                "raw_key": self.raw_key,
                "index_url": self.get_success_url(),
                "header_title": self.object.name,
            },
        )
        response["Cache-Control"] = "no-store"
        return response


class ApiKeyViewSet(ModelViewSet):
    model = ApiKey
    icon = "key"
    menu_label = _("App API keys (Open311)")
    add_view_class = ApiKeyCreateView
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
