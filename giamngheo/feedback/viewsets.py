"""Wagtail admin registration: the scoped case listing, categories, templates, access log.

The case listing is Wagtail's generic index (filters, search, XLSX/CSV export)
over ``selectors.feedback_visible_to``; a row opens the case page
(``admin_views.case``), not a generic edit form: every change to a case goes
through a service.
"""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import QuerySet
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import register_admin_url_finder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from giamngheo.accounts import scoping
from giamngheo.accounts.viewsets import unit_label

from . import selectors
from .models import (
    AnswerTemplate,
    Channel,
    Feedback,
    FeedbackCategory,
    FeedbackStatus,
)
from .open311.viewsets import ApiKeyViewSet


def _unit_choices(request) -> QuerySet:
    if request is None:
        return scoping.Unit.objects.none()
    return scoping.units_visible_to(request.user).in_force(timezone.localdate()).vietnamese_order()


class DayColumn(Column):
    """A date (or the local date of a datetime) as dd/mm/yyyy, not "2 days ago"."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return ""
        if isinstance(value, datetime.datetime):
            value = timezone.localdate(value)
        return value.strftime("%d/%m/%Y")


class UnitFilter(django_filters.ModelChoiceFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, queryset=_unit_choices, **kwargs)

    @property
    def field(self):
        field = super().field
        field.label_from_instance = unit_label
        return field

    def filter(self, qs, value):
        # Every version of the unit: a case assigned before a rename stays listed.
        if value:
            return qs.filter(assigned_unit__code=value.code)
        return qs


class FeedbackFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=FeedbackStatus.choices)
    category = django_filters.ModelChoiceFilter(
        label=_("Category"), queryset=FeedbackCategory.objects.all()
    )
    assigned_unit = UnitFilter(label=_("Assigned to"))
    unassigned = django_filters.BooleanFilter(
        label=_("Not assigned yet"), field_name="assigned_unit", lookup_expr="isnull"
    )
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=Channel.choices)
    requested_at = django_filters.DateFromToRangeFilter(label=_("Received"))

    class Meta:
        model = Feedback
        fields: list[str] = []

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


class CaseURLFinder:
    def __init__(self, user=None):
        self.user = user

    def get_edit_url(self, instance: Feedback) -> str | None:
        if (
            self.user is None
            or not selectors.feedback_visible_to(self.user).filter(pk=instance.pk).exists()
        ):
            return None
        return reverse("feedback_case", args=[instance.pk])


class TrackingCodeColumn(TitleColumn):
    """The cases' first column: the tracking code, read out over the phone and typed in,
    never wraps mid-code on a narrow screen (admin-extras.css)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, classname="tracking-code", **kwargs)

    class Media:
        css = {"all": ["css/admin-extras.css"]}


class FeedbackIndexView(IndexView):
    any_permission_required = ["view"]

    def get_base_queryset(self):
        return selectors.feedback_visible_to(self.request.user).select_related(
            "category", "commune", "assigned_unit"
        )

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.search(self.search_query)

    def get_edit_url(self, instance):
        return reverse("feedback_case", args=[instance.pk])

    def _get_title_column(self, field_name, column_class=None, **kwargs):
        # Wagtail builds the first column itself (with the row's buttons): make it ours.
        return super()._get_title_column(field_name, TrackingCodeColumn, **kwargs)

    def get_inspect_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None

    def get_copy_url(self, instance):
        return None

    def get_add_url(self):
        if self.request.user.has_perm("feedback.add_feedback"):
            return reverse("feedback_entry")
        return None

    @cached_property
    def add_item_label(self):
        return _("Enter feedback received offline")


class FeedbackViewSet(ModelViewSet):
    model = Feedback
    icon = "mail"
    menu_label = _("Cases")
    index_view_class = FeedbackIndexView
    filterset_class = FeedbackFilterSet
    search_fields = ["tracking_code"]  # enables the box; the search itself is Feedback.search
    list_display = [
        "tracking_code",
        "category",
        "commune",
        "assigned_unit",
        "status",
        DayColumn("requested_at", label=_("Received"), sort_key="requested_at"),
        DayColumn("due_on", label=_("Deadline"), sort_key="due_on"),
        Column("is_overdue_display", label=_("Overdue")),
    ]
    list_export = [
        "tracking_code",
        "category",
        "commune",
        "assigned_unit",
        "get_status_display",
        "get_channel_display",
        "requested_at",
        "due_on",
        "first_answered_at",
        "answered_at",
        "rating",
    ]
    export_headings = {
        "get_status_display": _("Status"),
        "get_channel_display": _("Channel"),
    }
    export_filename = "phan-anh-kien-nghi"
    copy_view_enabled = False
    # Not in Wagtail's reference index: it would queue a task at every save of every
    # case (hundreds a second at peak) to record two keys that are PROTECT already,
    # so a category or commune in use cannot be deleted anyway.
    add_to_reference_index = False

    def register_admin_url_finder(self):
        # Links to a case (audit log, search) lead to its case page, within the user's scope.
        register_admin_url_finder(Feedback, CaseURLFinder)

    def get_urlpatterns(self):
        # Only the listing: cases change through the case page and its services.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission
        from django.contrib.contenttypes.models import ContentType

        return Permission.objects.filter(content_type=ContentType.objects.get_for_model(Feedback))


class CategoryViewSet(ModelViewSet):
    model = FeedbackCategory
    icon = "tag"
    menu_label = _("Categories and deadlines")
    list_display = ["name", "code", "deadline_days", "is_active", "sort_order"]
    form_fields = ["name", "code", "description", "deadline_days", "is_active", "sort_order"]
    copy_view_enabled = False


class AnswerTemplateViewSet(ModelViewSet):
    model = AnswerTemplate
    icon = "doc-full"
    menu_label = _("Answer templates")
    list_display = ["title", "category", "sort_order"]
    list_filter = ["category"]
    search_fields = ["title", "text"]
    form_fields = ["category", "title", "text", "sort_order"]


class FeedbackViewSetGroup(ViewSetGroup):
    menu_label = _("Citizens' feedback")
    menu_icon = "mail"
    menu_order = 250
    submenu_hook = "register_feedback_menu_item"
    items = (
        FeedbackViewSet("feedback_cases"),
        CategoryViewSet("feedback_categories"),
        AnswerTemplateViewSet("feedback_templates"),
        ApiKeyViewSet("feedback_api_keys"),
    )
