"""The communication plans in the Wagtail admin: a scoped snippet with a workflow."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, StatusTagColumn
from wagtail.permissions import policy_registry

from giamngheo.accounts import scoping
from giamngheo.accounts.viewsets import (
    ScopedSnippetIndexView,
    ScopedSnippetViewSet,
    ScopedUnitForm,
    unit_label,
)
from giamngheo.core.text import fold
from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.units.models import Unit, UnitLevel
from giamngheo.units.selectors import two_level_or_district

from .models import ApprovalStatus, CommunicationPlan


class PlanForm(ScopedUnitForm):
    unit_field = "unit"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("unit")
        if field is not None:
            field.queryset = field.queryset.filter(plannable_units())


def plannable_units() -> Q:
    """Units a plan may be asked of on some map (the model checks the plan's own year)."""
    return two_level_or_district()


def year_choices() -> list[tuple[str, str]]:
    years = sorted({year for period in ProgrammePeriod.objects.all() for year in period.years})
    return [("period", str(_("Whole period"))), *((str(y), str(y)) for y in years)]


class PlanFilterSet(WagtailFilterSet):
    period = django_filters.ModelChoiceFilter(
        label=_("programme period"), queryset=ProgrammePeriod.objects.all()
    )
    year = django_filters.ChoiceFilter(label=_("year"), choices=year_choices, method="by_year")
    unit = django_filters.ModelChoiceFilter(
        label=_("unit"),
        queryset=Unit.objects.exclude(level=UnitLevel.PROVINCE),
    )
    status = django_filters.ChoiceFilter(
        label=_("status"),
        choices=[c for c in ApprovalStatus.choices if c[0] != ApprovalStatus.MISSING],
        method="by_status",
    )

    class Meta:
        model = CommunicationPlan
        fields = ["period", "year", "unit", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only the units the user may see that plans are asked of: districts,
        # and on the two-level map communes and wards and the province.
        unit_filter = self.filters["unit"]
        user = self.request.user if self.request else None
        if user is not None:
            visible = scoping.units_visible_to(user).filter(
                pk__in=CommunicationPlan.objects.values("unit")
            ) | scoping.units_visible_to(user).filter(level=UnitLevel.DISTRICT)
            unit_filter.queryset = visible.vietnamese_order()
        unit_filter.field.label_from_instance = unit_label

    def by_year(self, queryset, name, value):
        if value == "period":
            return queryset.filter(year__isnull=True)
        return queryset.filter(year=int(value))

    def by_status(self, queryset, name, value):
        return queryset.filter(approval_status=value)


class PlanIndexView(ScopedSnippetIndexView):
    @cached_property
    def list_display(self):
        # Our status column knows "submitted"; Wagtail's live/draft one does not.
        return [c for c in super().list_display if not isinstance(c, LiveStatusTagColumn)]

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(search_title__contains=fold(self.search_query))

    def _refused(self, action: str, plan: CommunicationPlan) -> bool:
        return policy_registry.get_by_type(self.model).refuses(self.request.user, action, plan)

    def get_edit_url(self, instance):
        if self._refused("change", instance):
            return None  # the title then links to the inspect view
        return super().get_edit_url(instance)

    def get_delete_url(self, instance):
        if self._refused("delete", instance):
            return None
        return super().get_delete_url(instance)


class CommunicationPlanViewSet(ScopedSnippetViewSet):
    model = CommunicationPlan
    unit_field = "unit"
    url_namespace = "plans"
    url_prefix = "plans"
    index_view_class = PlanIndexView
    icon = "clipboard-list"
    menu_label = _("Communication plans")
    menu_order = 150
    add_to_admin_menu = True
    inspect_view_enabled = True
    # What a reader of the plan needs; Wagtail's default lists every column, the
    # derived search title and the revision bookkeeping included.
    inspect_view_fields = ["unit", "period", "year", "title", "objectives", "attachment"]
    list_display = [
        "title",
        "unit",
        "period",
        Column("year", label=_("year"), accessor="period_or_year", sort_key="year"),
        StatusTagColumn(
            "approval_status",
            label=_("status"),
            accessor="get_approval_status_display",
            primary=lambda plan: plan.get_approval_status() == ApprovalStatus.APPROVED,
        ),
    ]
    filterset_class = PlanFilterSet
    search_fields = ["search_title"]
    list_export = ["unit", "period", "period_or_year", "title", "get_approval_status_display"]
    export_headings = {
        "unit": _("unit"),
        "period": _("programme period"),
        "period_or_year": _("year"),
        "title": _("title"),
        "get_approval_status_display": _("status"),
    }
    export_filename = "ke-hoach-truyen-thong"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("unit"), FieldPanel("period"), FieldPanel("year")]),
            FieldPanel("title"),
            FieldPanel("objectives"),
            FieldPanel("attachment"),
            InlinePanel(
                "activities",
                label=_("Planned activities"),
                panels=[
                    FieldRowPanel(
                        [
                            FieldPanel("activity_type"),
                            # What "planned vs done" compares: see models.COUNTED_IN_COPIES.
                            FieldPanel(
                                "quantity",
                                help_text=_(
                                    "How many activities; for a publication, how many copies."
                                ),
                            ),
                        ]
                    ),
                    FieldRowPanel([FieldPanel("channel"), FieldPanel("audience")]),
                    FieldRowPanel([FieldPanel("timing"), FieldPanel("budget")]),
                ],
            ),
        ],
        base_form_class=PlanForm,
    )

    def get_queryset(self, request):
        return CommunicationPlan.objects.select_related("period").with_status()
