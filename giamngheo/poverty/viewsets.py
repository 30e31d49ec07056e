"""The poverty figures in the admin, within the user's units: snippets with an approval
workflow (core.approval)."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, StatusTagColumn
from wagtail.admin.widgets.button import HeaderButton

from giamngheo.accounts import scoping
from giamngheo.accounts.viewsets import ScopedSnippetIndexView, ScopedSnippetViewSet
from giamngheo.core.approval import ApprovalStatus
from giamngheo.core.text import fold
from giamngheo.units.models import UnitLevel

from . import views
from .forms import PovertyStatisticForm
from .models import PovertyStatistic
from .panels import percent
from .services import ADD


def unit_choices(user) -> list[tuple[str, str]]:
    """One choice per unit code the user may see, named as its latest version."""
    names: dict[str, str] = {}
    for code, name in (
        scoping.units_visible_to(user).order_by("code", "valid_from").values_list("code", "name")
    ):
        names[code] = name
    return sorted(((code, f"{name} ({code})") for code, name in names.items()), key=lambda c: c[1])


class PovertyStatisticFilterSet(WagtailFilterSet):
    year = django_filters.NumberFilter(label=_("Year"))
    level = django_filters.ChoiceFilter(
        label=_("Level"), choices=UnitLevel.choices, field_name="unit__level"
    )
    # By code, so that every version of a unit is one choice (the dashboard links here).
    unit = django_filters.ChoiceFilter(label=_("Unit"), method="filter_unit")
    parent = django_filters.CharFilter(label=_("Parent unit code"), method="filter_parent")

    class Meta:
        model = PovertyStatistic
        fields = ["year", "level", "unit", "parent"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.filters["unit"].extra["choices"] = unit_choices(request.user) if request else []

    def filter_unit(self, queryset, name, value):
        return queryset.filter(unit_code=value)

    def filter_parent(self, queryset, name, value):
        return queryset.filter(unit__parent__code=value)


class RateColumn(Column):
    def get_value(self, instance):
        return percent(getattr(instance, self.accessor))


class PovertyStatisticIndexView(ScopedSnippetIndexView):
    @cached_property
    def list_display(self):
        # Our status column knows "submitted"; Wagtail's live/draft one does not.
        return [c for c in super().list_display if not isinstance(c, LiveStatusTagColumn)]

    def search_queryset(self, queryset):
        # Accent-insensitive: "phu vang" finds "Huyện Phú Vang"; a code or a decision number too.
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        return queryset.filter(
            Q(unit__search_name__contains=fold(query))
            | Q(unit_code=query)
            | Q(source__icontains=query)
        )

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.request.user.has_perm(ADD):
            buttons.append(
                HeaderButton(
                    _("Import from Excel"),
                    url=reverse("poverty_statistics:import"),
                    icon_name="upload",
                )
            )
        return buttons


class PovertyStatisticViewSet(ScopedSnippetViewSet):
    model = PovertyStatistic
    unit_field = "unit"
    url_namespace = "poverty_statistics"
    url_prefix = "poverty/figures"
    icon = "table"
    menu_label = _("Poverty figures")
    menu_order = 270
    add_to_admin_menu = True
    index_view_class = PovertyStatisticIndexView
    inspect_view_enabled = True
    inspect_view_fields = [
        "unit",
        "year",
        "households",
        "poor_households",
        "near_poor_households",
        "poverty_standard",
        "source",
        "document",
        "notes",
    ]
    filterset_class = PovertyStatisticFilterSet
    search_fields = ["unit__name"]  # searched accent-free by the index view
    list_display = [
        "unit",
        "year",
        Column("households", label=_("Households"), sort_key="households"),
        Column("poor_households", label=_("Poor households"), sort_key="poor_households"),
        RateColumn("poor_rate", label=_("Poor rate")),
        Column("near_poor_households", label=_("Near-poor households")),
        RateColumn("near_poor_rate", label=_("Near-poor rate")),
        "source",
        StatusTagColumn(
            "approval_status",
            label=_("status"),
            accessor="get_approval_status_display",
            primary=lambda figure: figure.get_approval_status() == ApprovalStatus.APPROVED,
        ),
    ]
    list_export = [
        "unit_code",
        "unit",
        "year",
        "households",
        "poor_households",
        "poor_rate_rounded",
        "near_poor_households",
        "near_poor_rate_rounded",
        "poverty_standard",
        "source",
        "notes",
        "get_approval_status_display",
    ]
    export_headings = {
        "get_approval_status_display": _("status"),
        "unit_code": _("Unit code"),
        "poor_rate_rounded": _("Poor rate (%)"),
        "near_poor_rate_rounded": _("Near-poor rate (%)"),
    }
    export_filename = "so-lieu-ho-ngheo"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("unit"), FieldPanel("year")]),
            FieldRowPanel(
                [
                    FieldPanel("households"),
                    FieldPanel("poor_households"),
                    FieldPanel("near_poor_households"),
                ]
            ),
            FieldPanel("poverty_standard"),
            FieldPanel("source"),
            FieldPanel("document"),
            FieldPanel("notes"),
        ],
        base_form_class=PovertyStatisticForm,
    )

    def get_queryset(self, request):
        return PovertyStatistic.objects.with_status()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", views.ImportStatisticsView.as_view(), name="import"),
            path("import-template/", views.statistics_template, name="import_template"),
        ]
