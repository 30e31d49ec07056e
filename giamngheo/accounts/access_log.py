"""The personal data access log in the admin: read-only, scoped like the records it names.

A district officer sees who looked at the personal data of their district's
people, a commune officer their commune's; the province sees everything.
"""

from __future__ import annotations

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from . import scoping
from .models import PersonalDataAccess
from .viewsets import ListingOnlyMixin


class AccessIndexView(IndexView):
    any_permission_required = ["view"]

    def get_base_queryset(self):
        return scoping.scope(
            PersonalDataAccess.objects.select_related("user", "unit"), self.request.user
        )

    def get_edit_url(self, instance):
        return None

    def get_add_url(self):
        return None

    def get_delete_url(self, instance):
        return None


class AccessLogViewSet(ListingOnlyMixin, ModelViewSet):
    """Who saw or exported whose personal data, when and why."""

    model = PersonalDataAccess
    icon = "view"
    menu_label = _("Personal data access log")
    add_to_settings_menu = True
    index_view_class = AccessIndexView
    list_display = ["at", "user", "kind", "subject", "unit", "people", "purpose"]
    list_filter = ["kind", "at"]
    list_export = [
        "at",
        "user",
        "get_kind_display",
        "subject",
        "unit",
        "people",
        "purpose",
        "detail",
    ]
    export_headings = {"get_kind_display": capfirst(_("access"))}
    export_filename = "nhat-ky-truy-cap-du-lieu-ca-nhan"
    copy_view_enabled = False

    listing_permission = "view_personaldataaccess"
