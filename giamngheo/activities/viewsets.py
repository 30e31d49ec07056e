"""The activity register and its kinds in the admin, within the user's units."""

from __future__ import annotations

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, NumberColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from giamngheo.accounts.viewsets import ScopedIndexView, ScopedInspectView, ScopedModelViewSet
from giamngheo.core.text import fold
from giamngheo.training.viewsets import UnitCodeFilterSet

from . import views
from .forms import ActivityForm
from .models import Activity, ActivityKind, Channel, KindGroup

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ActivityFilterSet(UnitCodeFilterSet):
    year = django_filters.NumberFilter(label=_("Year"), method="filter_year")
    kind = django_filters.ModelChoiceFilter(label=_("Kind"), queryset=ActivityKind.objects.all())
    group = django_filters.ChoiceFilter(
        label=_("Group"), choices=KindGroup.choices, field_name="kind__group"
    )
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=Channel.choices)
    unit = django_filters.ChoiceFilter(label=_("Unit"), method="filter_unit")
    planned = django_filters.ChoiceFilter(
        label=_("Linked to a plan"), choices=YES_NO, method="filter_planned"
    )
    origin = django_filters.ChoiceFilter(
        label=_("Entered from"),
        choices=[("portal", _("The portal")), ("entered", _("Entered by staff"))],
        method="filter_origin",
    )

    class Meta:
        model = Activity
        fields = ["year", "kind", "group", "channel", "unit", "planned", "origin"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(start_date__year=int(value))

    def filter_planned(self, queryset, name, value):
        return queryset.filter(planned_activity__isnull=value != "yes")

    def filter_origin(self, queryset, name, value):
        return queryset.filter(source_type__isnull=value != "portal")


class ActivityIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("kind")

    def search_queryset(self, queryset):
        # Accent-insensitive: "hop dan" finds "Họp dân".
        if not self.is_searching:
            return queryset
        return queryset.filter(search_text__contains=fold(self.search_query))

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.request.user.has_perm(views.ADD_ACTIVITY):
            buttons.append(
                HeaderButton(
                    _("Import from Excel"),
                    url=reverse("activities:import"),
                    icon_name="upload",
                    priority=30,
                )
            )
        return buttons


class ActivityInspectView(ScopedInspectView):
    template_name = "activities/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["communicators"] = self.object.communicators.select_related("unit")
        return context


class ActivityViewSet(ScopedModelViewSet):
    model = Activity
    unit_field = "unit"
    url_prefix = "activities"
    icon = "calendar-alt"
    menu_label = _("Activity register")
    index_view_class = ActivityIndexView
    inspect_view_class = ActivityInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "kind",
        "title",
        "unit",
        "start_date",
        "end_date",
        "channel",
        "audience",
        "audience_reached",
        "participants",
        "cost",
        "link",
        "attachment",
        "planned_activity",
        "notes",
    ]
    filterset_class = ActivityFilterSet
    search_fields = ["title"]  # searched accent-free by ActivityIndexView.search_queryset
    list_display = [
        "title",
        "kind",
        "unit",
        "start_date",
        Column("get_channel_display", label=_("Channel"), sort_key="channel"),
        NumberColumn("audience_reached", label=_("People reached")),
        NumberColumn("cost", label=_("Cost (VND)")),
        BooleanColumn("from_portal", label=_("From the portal")),
    ]
    list_export = [
        "title",
        "kind",
        "get_kind_group",
        "unit",
        "unit_code",
        "start_date",
        "end_date",
        "get_channel_display",
        "audience",
        "audience_reached",
        "participants",
        "cost",
        "link",
        "planned_activity",
        "from_portal",
    ]
    export_headings = {
        "get_kind_group": _("Group"),
        "unit_code": _("Unit code"),
        "get_channel_display": _("Channel"),
        "from_portal": _("From the portal"),
    }
    export_filename = "hoat-dong-truyen-thong"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("kind"), FieldPanel("unit")]),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldRowPanel([FieldPanel("channel"), FieldPanel("audience")]),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("audience_reached"), FieldPanel("participants")]),
                    FieldPanel("cost"),
                ],
                heading=_("Figures"),
            ),
            FieldRowPanel([FieldPanel("link"), FieldPanel("attachment")]),
            FieldPanel("planned_activity"),
            FieldPanel("communicators"),
            FieldPanel("notes"),
        ],
        base_form_class=ActivityForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", views.ImportActivitiesView.as_view(), name="import"),
            path("import-template/", views.activities_template, name="import_template"),
        ]


class KindViewSet(ModelViewSet):
    """Kinds are data the province keeps; everyone with the register picks among them."""

    model = ActivityKind
    url_prefix = "activities/kinds"
    icon = "tag"
    menu_label = _("Activity kinds")
    list_display = [
        "name",
        "code",
        "group",
        "plan_type",
        "sort_order",
        BooleanColumn("is_active", label=pgettext_lazy("still serving", "Active")),
    ]
    list_filter = ["group", "is_active"]
    search_fields = ["name", "code"]
    form_fields = ["name", "code", "group", "plan_type", "sort_order", "is_active"]
    copy_view_enabled = False


class TablesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.VIEW_ACTIVITY)


class ActivitiesViewSetGroup(ViewSetGroup):
    menu_label = _("Communication activities")
    menu_icon = "calendar-alt"
    menu_order = 260
    items = (ActivityViewSet("activities"), KindViewSet("activity_kinds"))

    def get_submenu_items(self):
        items = super().get_submenu_items()
        items.insert(
            1,
            TablesMenuItem(
                _("Planned and done"),
                reverse("activities_planned_vs_done"),
                icon_name="tasks",
                name="activities-planned-vs-done",
                order=150,
            ),
        )
        items.insert(
            2,
            TablesMenuItem(
                _("Activity statistics"),
                reverse("activities_statistics"),
                icon_name="table",
                name="activities-statistics",
                order=160,
            ),
        )
        return items
