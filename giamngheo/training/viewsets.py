"""The training courses and the cadre registry in the admin, within the user's units."""

from __future__ import annotations

import django_filters
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, NumberColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets.button import Button
from wagtail.admin.widgets.button import MenuItem as ListMenuItem

from giamngheo.accounts import scoping
from giamngheo.accounts.viewsets import ScopedIndexView, ScopedInspectView, ScopedModelViewSet
from giamngheo.core.text import fold
from giamngheo.units.models import UnitLevel

from . import views
from .forms import AttendancePanel, CadreForm, CourseForm
from .models import Attendance, Cadre, TrainingCourse


def unit_choices(user) -> list[tuple[str, str]]:
    """One choice per unit code the user may see, named as its latest version."""
    names: dict[str, str] = {}
    for code, name in (
        scoping.units_visible_to(user).order_by("code", "valid_from").values_list("code", "name")
    ):
        names[code] = name
    return sorted(((code, f"{name} ({code})") for code, name in names.items()), key=lambda c: c[1])


class UnitCodeFilterSet(WagtailFilterSet):
    """Filters by unit code, so that every version of a unit is one choice."""

    unit_lookup = "unit__code"

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if "unit" in self.filters:
            self.filters["unit"].extra["choices"] = unit_choices(request.user) if request else []

    def filter_unit(self, queryset, name, value):
        return queryset.filter(**{self.unit_lookup: value})


class CourseFilterSet(UnitCodeFilterSet):
    unit_lookup = "organising_unit__code"

    year = django_filters.NumberFilter(label=_("Year"), method="filter_year")
    level = django_filters.ChoiceFilter(label=_("Level"), choices=UnitLevel.choices)
    unit = django_filters.ChoiceFilter(label=_("Organising unit"), method="filter_unit")

    class Meta:
        model = TrainingCourse
        fields = ["year", "level", "unit"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(start_date__year=int(value))


class CadreFilterSet(UnitCodeFilterSet):
    level = django_filters.ChoiceFilter(label=_("Level"), choices=UnitLevel.choices)
    unit = django_filters.ChoiceFilter(label=_("Unit"), method="filter_unit")
    is_active = django_filters.BooleanFilter(label=pgettext_lazy("still serving", "Active"))

    class Meta:
        model = Cadre
        fields = ["level", "unit", "is_active"]


class CourseIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(participant_count=Count("attendances", filter=Q(attendances__attended=True)))
        )

    def search_queryset(self, queryset):
        # Accent-insensitive: "tap huan" finds "Tập huấn".
        if not self.is_searching:
            return queryset
        return queryset.filter(search_text__contains=fold(self.search_query))

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            buttons.append(
                ListMenuItem(
                    _("Import participants"),
                    url=reverse("training_courses:import", args=[instance.pk]),
                    icon_name="upload",
                    priority=40,
                )
            )
        return buttons


class CourseInspectView(ScopedInspectView):
    """The course's details, then its participant list."""

    template_name = "training/course_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["participants"] = (
            Attendance.objects.filter(course=self.object)
            .select_related("cadre__unit")
            .order_by("cadre__sort_name", "pk")
        )
        return context

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.user_has_permission("change"):
            buttons.append(
                Button(
                    _("Import participants"),
                    url=reverse("training_courses:import", args=[self.object.pk]),
                    icon_name="upload",
                    priority=30,
                )
            )
        return buttons


class CadreIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .annotate(turn_count=Count("attendances", filter=Q(attendances__attended=True)))
        )

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(search_name__contains=fold(self.search_query))


class CourseViewSet(ScopedModelViewSet):
    model = TrainingCourse
    unit_field = "organising_unit"
    url_prefix = "training/courses"
    icon = "group"
    menu_label = _("Training courses")
    index_view_class = CourseIndexView
    inspect_view_class = CourseInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "level",
        "organising_unit",
        "start_date",
        "end_date",
        "place",
        "topics",
        "trainers",
    ]
    filterset_class = CourseFilterSet
    search_fields = ["title"]  # searched accent-free by CourseIndexView.search_queryset
    list_display = [
        "title",
        "level",
        "organising_unit",
        "start_date",
        "end_date",
        NumberColumn("participant_count", label=_("Participants"), sort_key="participant_count"),
    ]
    list_export = [
        "title",
        "get_level_display",
        "organising_unit",
        "start_date",
        "end_date",
        "place",
        "participant_count",
        "trainers",
    ]
    export_headings = {
        "get_level_display": _("Level"),
        "participant_count": _("Participants who attended"),
    }
    export_filename = "lop-tap-huan"
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("level"), FieldPanel("organising_unit")]),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldPanel("place"),
            FieldPanel("topics"),
            FieldPanel("trainers"),
            AttendancePanel(
                "attendances",
                panels=[FieldPanel("cadre"), FieldPanel("attended")],
                heading=_("Participants"),
                label=_("Participant"),
            ),
        ],
        base_form_class=CourseForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/import/", views.ImportParticipantsView.as_view(), name="import"),
            path("import-template/", views.participants_template, name="import_template"),
        ]


class CadreViewSet(ScopedModelViewSet):
    model = Cadre
    unit_field = "unit"
    url_prefix = "training/cadres"
    icon = "user"
    menu_label = _("Cadre registry")
    index_view_class = CadreIndexView
    inspect_view_enabled = True
    inspect_view_fields = ["full_name", "unit", "position", "level", "phone", "is_active"]
    filterset_class = CadreFilterSet
    search_fields = ["full_name"]  # searched accent-free by CadreIndexView.search_queryset
    list_display = [
        "full_name",
        "unit",
        "position",
        "level",
        NumberColumn("turn_count", label=_("Courses attended"), sort_key="turn_count"),
        BooleanColumn("is_active", label=pgettext_lazy("still serving", "Active")),
    ]
    list_export = ["full_name", "unit", "position", "get_level_display", "phone", "is_active"]
    export_headings = {"get_level_display": _("Level")}
    export_filename = "can-bo"
    edit_handler = ObjectList(
        [
            FieldPanel("full_name"),
            FieldRowPanel([FieldPanel("unit"), FieldPanel("level")]),
            FieldPanel("position"),
            FieldPanel("phone"),
            FieldPanel("is_active"),
        ],
        base_form_class=CadreForm,
    )


class TrainingViewSetGroup(ViewSetGroup):
    menu_label = _("Training")
    menu_icon = "group"
    menu_order = 250
    items = (CourseViewSet("training_courses"), CadreViewSet("training_cadres"))
