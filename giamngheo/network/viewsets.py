"""The network of communicators in the admin, within the user's units."""

from __future__ import annotations

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import HeaderButton

from giamngheo.accounts.privacy import (
    AccessKind,
    PersonalDataExportMixin,
    log_personal_data_access,
)
from giamngheo.accounts.viewsets import ScopedIndexView, ScopedInspectView, ScopedModelViewSet
from giamngheo.core.text import fold
from giamngheo.training.models import Attendance
from giamngheo.training.viewsets import UnitCodeFilterSet

from .forms import CommunicatorForm
from .models import Communicator, CommunicatorRole


class CommunicatorFilterSet(UnitCodeFilterSet):
    unit = django_filters.ChoiceFilter(label=_("Unit"), method="filter_unit")
    role = django_filters.ChoiceFilter(label=_("Role"), choices=CommunicatorRole.choices)
    is_active = django_filters.BooleanFilter(label=pgettext_lazy("still serving", "Active"))
    trained = django_filters.BooleanFilter(label=_("Trained"), method="filter_trained")

    class Meta:
        model = Communicator
        fields = ["unit", "role", "is_active", "trained"]

    def filter_trained(self, queryset, name, value):
        # Trained: linked to a cadre who attended at least one course.
        trained = Attendance.objects.filter(attended=True).values("cadre_id")
        if value:
            return queryset.filter(cadre_id__in=trained)
        return queryset.exclude(cadre_id__in=trained)


# Why staff see communicators' phone numbers and e-mail addresses: the access log says it.
NETWORK_PURPOSE = _("Running the network of communicators")


class CommunicatorIndexView(PersonalDataExportMixin, ScopedIndexView):
    export_purpose = NETWORK_PURPOSE

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm("network.add_communicator"):
            buttons.append(
                HeaderButton(
                    _("Import from Excel"),
                    url=reverse("network_communicators:import"),
                    icon_name="upload",
                    priority=30,
                )
            )
        return buttons

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(search_name__contains=fold(self.search_query))


class CommunicatorInspectView(ScopedInspectView):
    template_name = "network/communicator_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.object.phone or self.object.email:
            log_personal_data_access(
                user=self.request.user,
                kind=AccessKind.CONTACT,
                purpose=NETWORK_PURPOSE,
                subject=self.object,
                unit=self.object.unit,
            )
        context["trainings"] = (
            Attendance.objects.filter(cadre_id=self.object.cadre_id, attended=True)
            .select_related("course__organising_unit")
            .order_by("-course__start_date")
            if self.object.cadre_id
            else Attendance.objects.none()
        )
        context["activities"] = self.object.activities.select_related("kind", "unit").order_by(
            "-start_date"
        )
        return context


class CommunicatorViewSet(ScopedModelViewSet):
    model = Communicator
    unit_field = "unit"
    url_prefix = "network/communicators"
    icon = "user"
    menu_label = _("Communicators")
    index_view_class = CommunicatorIndexView
    inspect_view_class = CommunicatorInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "full_name",
        "unit",
        "role",
        "organisation",
        "fields_of_work",
        "phone",
        "email",
        "is_active",
        "cadre",
        "start_date",
    ]
    filterset_class = CommunicatorFilterSet
    search_fields = ["full_name"]  # searched accent-free by CommunicatorIndexView
    list_display = [
        "full_name",
        "unit",
        Column("get_role_display", label=_("Role"), sort_key="role"),
        "organisation",
        BooleanColumn("is_trained", label=_("In the cadre registry")),
        BooleanColumn("is_active", label=pgettext_lazy("still serving", "Active")),
    ]
    list_export = [
        "full_name",
        "unit",
        "unit_code",
        "get_role_display",
        "organisation",
        "fields_of_work",
        "phone",
        "email",
        "is_active",
        "start_date",
    ]
    export_headings = {"unit_code": _("Unit code"), "get_role_display": _("Role")}
    export_filename = "tuyen-truyen-vien"
    edit_handler = ObjectList(
        [
            FieldPanel("full_name"),
            FieldRowPanel([FieldPanel("unit"), FieldPanel("role")]),
            FieldPanel("organisation"),
            FieldPanel("fields_of_work"),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("is_active")]),
            FieldPanel("cadre"),
        ],
        base_form_class=CommunicatorForm,
    )

    def get_urlpatterns(self):
        from . import views

        return [
            *super().get_urlpatterns(),
            path("import/", views.ImportCommunicatorsView.as_view(), name="import"),
            path("import-template/", views.communicators_template, name="import_template"),
        ]


class CoverageMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("network.view_communicator")


class NetworkViewSetGroup(ViewSetGroup):
    menu_label = _("Network of communicators")
    menu_icon = "user"
    menu_order = 270
    items = (CommunicatorViewSet("network_communicators"),)

    def get_submenu_items(self):
        return [
            *super().get_submenu_items(),
            CoverageMenuItem(
                _("Coverage of communes"),
                reverse("network_coverage"),
                icon_name="table",
                name="network-coverage",
                order=200,
            ),
        ]
