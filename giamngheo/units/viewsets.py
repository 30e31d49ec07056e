"""The unit tree in the admin: browse the map in force on any date."""

from __future__ import annotations

import datetime

import django_filters
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminDateInput
from wagtail.admin.widgets.button import HeaderButton

from .models import Unit, UnitLevel


class UnitFilterSet(WagtailFilterSet):
    on = django_filters.DateFilter(
        label=_("In force on"), method="filter_on", widget=AdminDateInput
    )
    level = django_filters.ChoiceFilter(label=_("Level"), choices=UnitLevel.choices)
    parent = django_filters.CharFilter(label=_("Parent unit code"), field_name="parent__code")

    class Meta:
        model = Unit
        fields = ["on", "level", "parent"]

    def filter_on(self, queryset, name, value):
        return queryset.in_force(value)


class ChildrenColumn(Column):
    """A link to the units directly below, on the same date."""

    def __init__(self, *args, on: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.on = on

    def get_value(self, instance):
        return instance

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if instance.level == UnitLevel.COMMUNE:
            context["value"] = ""
            return context
        query = urlencode({"parent": instance.code, "on": self.on.isoformat()})
        url = f"{reverse('units:index')}?{query}"
        context["value"] = format_html('<a href="{}">{}</a>', url, _("Units below"))
        return context


class UnitIndexView(generic.IndexView):
    """Listing of units; without a date it shows the map in force today."""

    default_ordering = "sort_name"

    @cached_property
    def selected_date(self) -> datetime.date:
        if self.filters and self.filters.is_valid() and self.filters.form.cleaned_data.get("on"):
            return self.filters.form.cleaned_data["on"]
        return datetime.date.today()

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("parent")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not (
            self.filters and self.filters.is_valid() and self.filters.form.cleaned_data.get("on")
        ):
            queryset = queryset.in_force(self.selected_date)
        return queryset

    def search_queryset(self, queryset):
        # Accent-insensitive: "hoa chau" finds "Hóa Châu", "thuan an" finds "Thuận An".
        return queryset.search(self.search_query) if self.is_searching else queryset

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.request.user.has_perm("units.add_unitsuccession"):
            buttons.append(
                HeaderButton(
                    _("Import successions (CSV)"),
                    url=reverse("units_import_succession"),
                    icon_name="upload",
                )
            )
        return buttons

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "name",
                label=_("Name"),
                sort_key="sort_name",
                get_url=lambda unit: reverse("units:inspect", args=[unit.pk]),
            ),
            Column("code", label=_("Code"), sort_key="code"),
            Column("get_level_display", label=_("Level")),
            Column("kind", label=_("Kind")),
            Column("parent", label=_("Parent unit")),
            # Plain dates (dd/mm/yyyy): "5 years ago" says little about a legal map.
            Column("valid_from", label=_("Valid from"), sort_key="valid_from"),
            Column("valid_to", label=_("Valid to"), sort_key="valid_to"),
            ChildrenColumn("children", label=_("Units below"), on=self.selected_date),
        ]


class UnitViewSet(ModelViewSet):
    """Read and correct units; the import commands keep them in step with the maps."""

    model = Unit
    icon = "site"
    menu_label = _("Administrative units")
    menu_order = 900
    add_to_settings_menu = True
    index_view_class = UnitIndexView
    list_per_page = 100  # a district's communes on one page
    filterset_class = UnitFilterSet
    search_fields = ["name"]  # searched by UnitIndexView.search_queryset
    inspect_view_enabled = True
    inspect_view_fields = [
        "code",
        "name",
        "level",
        "kind",
        "parent",
        "province_code",
        "valid_from",
        "valid_to",
        "source",
        "predecessors_display",
        "successors_display",
    ]
    form_fields = [
        "code",
        "name",
        "level",
        "kind",
        "parent",
        "province_code",
        "valid_from",
        "valid_to",
    ]
    list_export = ["code", "name", "level", "kind", "parent", "valid_from", "valid_to"]
    export_filename = "don-vi-hanh-chinh"


unit_viewset = UnitViewSet("units")
