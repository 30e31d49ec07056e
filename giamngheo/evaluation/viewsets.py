"""Supervision and evaluation in the admin: plans with their visits, visits, recommendations,
the checklist and the rating thresholds."""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.admin.widgets.button import MenuItem as ListMenuItem
from wagtail.permissions import policy_registry

from giamngheo.accounts import scoping
from giamngheo.accounts.viewsets import ScopedModelViewSet, ScopedUnitForm

from . import views
from .forms import PlanForm, VisitForm, VisitPanel
from .models import (
    Criterion,
    RatingThreshold,
    Recommendation,
    RecommendationStatus,
    SupervisionPlan,
    SupervisionVisit,
    VisitStatus,
)
from .services import can_follow_up, can_record


def unit_choices(user) -> list[tuple[str, str]]:
    """One choice per unit code the user may see, named as its latest version."""
    names: dict[str, str] = {}
    for code, name in (
        scoping.units_visible_to(user).order_by("code", "valid_from").values_list("code", "name")
    ):
        names[code] = name
    return sorted(((code, f"{name} ({code})") for code, name in names.items()), key=lambda c: c[1])


class UnitChoicesFilterSet(WagtailFilterSet):
    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        choices = unit_choices(request.user) if request else []
        for name in ("unit", "organiser"):
            if name in self.filters:
                self.filters[name].extra["choices"] = choices


class PlanFilterSet(UnitChoicesFilterSet):
    year = django_filters.NumberFilter(label=_("Year"))
    organiser = django_filters.ChoiceFilter(
        label=_("Organising unit"), field_name="organiser__code"
    )

    class Meta:
        model = SupervisionPlan
        fields = ["year", "organiser"]


class VisitFilterSet(UnitChoicesFilterSet):
    year = django_filters.NumberFilter(label=_("Year"), field_name="plan__year")
    organiser = django_filters.ChoiceFilter(
        label=_("Organising unit"), field_name="plan__organiser__code"
    )
    unit = django_filters.ChoiceFilter(label=_("Unit visited"), field_name="unit__code")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=VisitStatus.choices)

    class Meta:
        model = SupervisionVisit
        fields = ["year", "organiser", "unit", "status"]


class RecommendationFilterSet(UnitChoicesFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RecommendationStatus.choices)
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")
    unit = django_filters.ChoiceFilter(
        label=_("Responsible unit"), field_name="responsible_unit__code"
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="visit__plan__year")

    class Meta:
        model = Recommendation
        fields = ["status", "overdue", "unit", "year"]

    def filter_overdue(self, queryset, name, value):
        overdue = Recommendation.objects.overdue(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


# Visits and recommendations concern two units (visited or responsible, and organiser):
# listings and object views go through the models' ``visible_to`` and the policy.


class VisibleObjectMixin:
    action = "view"

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        policy = self.permission_policy
        if not policy.visible(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        if not policy.user_has_permission_for_instance(self.request.user, self.action, obj):
            raise PermissionDenied
        return obj


class VisibleIndexView(generic.IndexView):
    related = ()

    def get_base_queryset(self):
        return (
            super().get_base_queryset().visible_to(self.request.user).select_related(*self.related)
        )

    @cached_property
    def organiser_unit_ids(self) -> set[int]:
        return set(scoping.units_visible_to(self.request.user).values_list("pk", flat=True))

    def organiser_of(self, instance):
        raise NotImplementedError

    def _is_organiser(self, instance) -> bool:
        return (
            self.request.user.is_superuser or self.organiser_of(instance) in self.organiser_unit_ids
        )

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if self._is_organiser(instance) else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if self._is_organiser(instance) else None


class VisibleInspectView(VisibleObjectMixin, generic.InspectView):
    pass


class VisibleEditView(VisibleObjectMixin, generic.EditView):
    action = "change"


class VisibleDeleteView(VisibleObjectMixin, generic.DeleteView):
    action = "delete"


class VisibleHistoryView(VisibleObjectMixin, generic.HistoryView):
    pass


class VisibleUsageView(VisibleObjectMixin, generic.UsageView):
    pass


class VisibleViewSet(ModelViewSet):
    index_view_class = VisibleIndexView
    inspect_view_class = VisibleInspectView
    edit_view_class = VisibleEditView
    delete_view_class = VisibleDeleteView
    history_view_class = VisibleHistoryView
    usage_view_class = VisibleUsageView
    inspect_view_enabled = True
    copy_view_enabled = False

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(self.model)


class VisitIndexView(VisibleIndexView):
    related = ("unit", "plan__organiser")

    def organiser_of(self, instance):
        return instance.plan.organiser_id

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if (
            instance.status == VisitStatus.PLANNED
            and self._is_organiser(instance)
            and (self.request.user.has_perm("evaluation.record_supervisionvisit"))
        ):
            buttons.append(
                ListMenuItem(
                    _("Record the visit"),
                    url=reverse("evaluation_visits:record", args=[instance.pk]),
                    icon_name="tasks",
                    priority=5,
                )
            )
        return buttons


class VisitInspectView(VisibleInspectView):
    template_name = "evaluation/visit_inspect.html"

    def get_context_data(self, **kwargs):
        from giamngheo.indicators.dashboard import status_label

        context = super().get_context_data(**kwargs)
        visit = self.object
        today = timezone.localdate()
        context.update(
            visit=visit,
            scores=visit.scores.select_related("criterion"),
            findings=visit.finding_items.all(),
            recommendations=[
                (r, r.is_overdue(today))
                for r in visit.recommendations.select_related("responsible_unit")
            ],
            snapshot=[
                {**row, "status_label": status_label(row["status"])} for row in visit.snapshot
            ],
        )
        return context

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.object.status == VisitStatus.PLANNED and can_record(self.request.user, self.object):
            buttons.append(
                Button(
                    _("Record the visit"),
                    url=reverse("evaluation_visits:record", args=[self.object.pk]),
                    icon_name="tasks",
                    priority=5,
                )
            )
        return buttons


class OverdueColumn(Column):
    def get_value(self, instance):
        return _("Overdue") if instance.is_overdue(timezone.localdate()) else ""


class RecommendationIndexView(VisibleIndexView):
    related = ("responsible_unit", "visit__unit", "visit__plan__organiser")

    def organiser_of(self, instance):
        return instance.visit.plan.organiser_id

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("evaluation.follow_up_recommendation"):
            # Every listed recommendation is one the user may follow up (visible_to).
            buttons.append(
                ListMenuItem(
                    _("Update the status"),
                    url=reverse("evaluation_recommendations:follow_up", args=[instance.pk]),
                    icon_name="tasks",
                    priority=5,
                )
            )
        return buttons


class RecommendationInspectView(VisibleInspectView):
    template_name = "evaluation/recommendation_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            recommendation=self.object,
            is_overdue=self.object.is_overdue(timezone.localdate()),
            updates=self.object.updates.select_related("by"),
        )
        return context

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if can_follow_up(self.request.user, self.object):
            buttons.append(
                Button(
                    _("Update the status"),
                    url=reverse("evaluation_recommendations:follow_up", args=[self.object.pk]),
                    icon_name="tasks",
                    priority=5,
                )
            )
        return buttons


class PlanViewSet(ScopedModelViewSet):
    model = SupervisionPlan
    unit_field = "organiser"
    url_prefix = "evaluation/plans"
    icon = "calendar-alt"
    menu_label = _("Supervision plans")
    inspect_view_enabled = True
    inspect_view_fields = ["year", "title", "organiser", "reference", "document", "notes"]
    filterset_class = PlanFilterSet
    search_fields = ["title", "reference"]
    list_display = ["title", "year", "organiser", "reference"]
    list_export = ["year", "title", "organiser", "reference"]
    export_filename = "ke-hoach-giam-sat"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("year"), FieldPanel("organiser")]),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("reference"), FieldPanel("document")]),
            FieldPanel("notes"),
            VisitPanel(
                "visits",
                panels=[
                    FieldRowPanel([FieldPanel("unit"), FieldPanel("planned_on")]),
                    FieldPanel("team_leader"),
                    FieldPanel("team_members"),
                    FieldPanel("status"),
                ],
                heading=_("Planned visits"),
                label=_("Visit"),
            ),
        ],
        base_form_class=PlanForm,
    )


class VisitViewSet(VisibleViewSet):
    model = SupervisionVisit
    url_prefix = "evaluation/visits"
    icon = "tasks"
    menu_label = _("Supervision visits")
    index_view_class = VisitIndexView
    inspect_view_class = VisitInspectView
    # The frozen figures have their own table below the fields (visit_inspect.html);
    # as a field they printed as raw JSON ('status': 'no_data').
    inspect_view_fields_exclude = ["snapshot"]
    filterset_class = VisitFilterSet
    list_display = ["unit", "plan", "planned_on", "held_on", "status", "percent", "rating"]
    list_export = [
        "plan",
        "unit",
        "planned_on",
        "held_on",
        "get_status_display",
        "total_score",
        "max_score",
        "percent",
        "rating",
        "team_leader",
    ]
    export_headings = {"get_status_display": _("Status")}
    export_filename = "dot-giam-sat"
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("unit"), FieldPanel("planned_on")]),
            FieldPanel("team_leader"),
            FieldPanel("team_members"),
            FieldPanel("status"),
        ],
        base_form_class=VisitForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/record/", views.RecordVisitView.as_view(), name="record"),
        ]


class RecommendationForm(ScopedUnitForm):
    unit_field = "responsible_unit"


class RecommendationViewSet(VisibleViewSet):
    model = Recommendation
    url_prefix = "evaluation/recommendations"
    icon = "list-ul"
    menu_label = _("Recommendations")
    index_view_class = RecommendationIndexView
    inspect_view_class = RecommendationInspectView
    filterset_class = RecommendationFilterSet
    search_fields = ["text"]
    list_display = [
        "__str__",
        "responsible_unit",
        "visit",
        "due_on",
        "status",
        OverdueColumn("overdue", label=_("Overdue")),
    ]
    list_export = [
        "text",
        "responsible_unit",
        "visit",
        "due_on",
        "get_status_display",
        "closed_on",
        "closing_note",
    ]
    export_headings = {"get_status_display": _("Status")}
    export_filename = "kien-nghi-giam-sat"
    edit_handler = ObjectList(
        [FieldPanel("text"), FieldRowPanel([FieldPanel("responsible_unit"), FieldPanel("due_on")])],
        base_form_class=RecommendationForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/follow-up/", views.FollowUpView.as_view(), name="follow_up"),
        ]


class CriterionViewSet(ModelViewSet):
    model = Criterion
    url_prefix = "evaluation/criteria"
    icon = "list-ol"
    menu_label = _("Criteria")
    list_display = ["name", "group", "max_score", "weight", "sort_order", "is_active"]
    list_filter = ["is_active", "group"]
    search_fields = ["name", "code"]
    form_fields = [
        "code",
        "name",
        "group",
        "max_score",
        "weight",
        "sort_order",
        "is_active",
        "period",
        "year_from",
        "year_to",
    ]
    copy_view_enabled = False


class RatingThresholdViewSet(ModelViewSet):
    model = RatingThreshold
    url_prefix = "evaluation/ratings"
    icon = "pick"
    menu_label = _("Rating thresholds")
    list_display = ["name", "min_percent"]
    form_fields = ["name", "min_percent"]
    copy_view_enabled = False


class EvaluationViewSetGroup(ViewSetGroup):
    menu_label = _("Supervision and evaluation")
    menu_icon = "tasks"
    menu_order = 260
    items = (
        PlanViewSet("evaluation_plans"),
        VisitViewSet("evaluation_visits"),
        RecommendationViewSet("evaluation_recommendations"),
        CriterionViewSet("evaluation_criteria"),
        RatingThresholdViewSet("evaluation_ratings"),
    )
