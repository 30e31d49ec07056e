"""Issuing bodies in the admin: the organisation reports follow, edited by province staff."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import IssuingBody


class IssuingBodyViewSet(ModelViewSet):
    model = IssuingBody
    url_prefix = "reports/issuing-bodies"
    icon = "group"
    menu_label = _("Issuing bodies")
    add_to_settings_menu = True
    list_display = ["__str__", "symbol", "valid_from", "valid_to"]
    list_filter = ["level"]
    form_fields = [
        "level",
        "valid_from",
        "valid_to",
        "superior_body",
        "name",
        "symbol",
        "place",
        "recipients",
        "signer_title",
        "signer_name",
    ]
    copy_view_enabled = True
