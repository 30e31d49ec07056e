"""Wagtail admin: the dialogues and their questions within the user's units; the polls.

* *Dialogues*: the dialogues of the user's units with their questions counted,
  a read-only listing (the pages themselves are edited in the page tree,
  through the portal's moderation workflow). A row leads to its questions.
* *Questions*: publish, hide and answer the citizens' questions, scoped by the
  dialogue's unit (``accounts.scoping``) in every view and export.
* *Polls*: the portal's polls, their answers and their results (inspect view,
  XLSX download).
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, NumberColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.admin.widgets.button import MenuItem as ListMenuItem
from wagtail.permission_policies.base import ModelPermissionPolicy

from giamngheo.accounts import scoping
from giamngheo.accounts.viewsets import ScopedIndexView, ScopedInspectView, ScopedModelViewSet
from giamngheo.core import xlsx
from giamngheo.core.text import fold
from giamngheo.units.models import UnitLevel

from . import selectors
from .forms import PollAdminForm, QuestionAdminForm
from .models import DialogueQuestion, PolicyDialogue, Poll, QuestionStatus


class DayColumn(Column):
    """A date or datetime as dd/mm/yyyy (local), not "2 days ago"."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return ""
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")


class ReadableInspectMixin:
    """Empty values as a dash and yes/no for booleans, not "None" and "True"."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        return value


# --- Dialogues (a listing of pages, scoped by their unit)


class DialogueFilterSet(WagtailFilterSet):
    level = django_filters.ChoiceFilter(label=gettext_lazy("Level"), choices=UnitLevel.choices)

    class Meta:
        model = PolicyDialogue
        fields = ["level"]


class DialogueListingView(generic.IndexView):
    any_permission_required = ["view"]
    default_ordering = "-starts_at"

    @cached_property
    def permission_policy(self):
        # The model permission, not the page tree's policy (registered for every page type).
        return ModelPermissionPolicy(PolicyDialogue)

    def get_base_queryset(self):
        return selectors.dialogues_visible_to(self.request.user).select_related("unit")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(title__icontains=self.search_query)

    def get_edit_url(self, instance):
        return f"{reverse('engagement_questions:index')}?dialogue={instance.pk}"

    def get_inspect_url(self, instance):
        return None

    def get_add_url(self):
        return None

    def get_list_more_buttons(self, instance):
        buttons = [
            ListMenuItem(
                _("Questions"), url=self.get_edit_url(instance), icon_name="help", priority=10
            )
        ]
        if instance.live:
            buttons.append(
                ListMenuItem(
                    _("View on the portal"), url=instance.url, icon_name="doc-empty", priority=20
                )
            )
        if instance.permissions_for_user(self.request.user).can_edit():
            buttons.append(
                ListMenuItem(
                    _("Edit page"),
                    url=reverse("wagtailadmin_pages:edit", args=[instance.pk]),
                    icon_name="edit",
                    priority=30,
                )
            )
        return buttons


class DialogueViewSet(ModelViewSet):
    """Read-only. Dialogues are pages: Wagtail keeps their edit links and page
    permissions; this registers no permission policy or URL finder for them."""

    model = PolicyDialogue
    icon = "group"
    menu_label = gettext_lazy("Dialogues")
    url_prefix = "engagement/dialogues"
    index_view_class = DialogueListingView
    filterset_class = DialogueFilterSet
    search_fields = ["title"]  # enables the box; DialogueListingView searches
    add_to_reference_index = False
    copy_view_enabled = False
    list_display = [
        "title",
        "unit",
        DayColumn("starts_at", label=gettext_lazy("Starts at"), sort_key="starts_at"),
        Column("get_status_display", label=gettext_lazy("Status")),
        NumberColumn("question_count", label=gettext_lazy("Questions"), sort_key="question_count"),
        NumberColumn(
            "pending_count", label=gettext_lazy("Waiting for review"), sort_key="pending_count"
        ),
        NumberColumn("answered_count", label=gettext_lazy("Answered"), sort_key="answered_count"),
    ]
    list_export = [
        "title",
        "unit",
        "get_level_display",
        "starts_at",
        "place",
        "get_status_display",
        "question_count",
        "pending_count",
        "answered_count",
    ]
    export_headings = {
        "get_level_display": gettext_lazy("Level"),
        "get_status_display": gettext_lazy("Status"),
        "question_count": gettext_lazy("Questions"),
        "pending_count": gettext_lazy("Waiting for review"),
        "answered_count": gettext_lazy("Answered"),
    }
    export_filename = "doi-thoai-chinh-sach"

    @cached_property
    def permission_policy(self):
        return ModelPermissionPolicy(PolicyDialogue)

    @cached_property
    def menu_item_class(self):
        policy = self.permission_policy

        class DialogueMenuItem(MenuItem):
            def is_shown(self, request):
                return policy.user_has_permission(request.user, "view")

        return DialogueMenuItem

    def register_permissions(self):
        # Only the "view" checkbox in the group editor; pages keep Wagtail's page policy.
        from wagtail import hooks

        hooks.register("register_permissions", self.get_permissions_to_register)

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission
        from django.contrib.contenttypes.models import ContentType

        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(PolicyDialogue),
            codename="view_policydialogue",
        )

    def register_admin_url_finder(self):
        # Links to a dialogue (audit log, search) lead to Wagtail's page editor.
        pass

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


# --- Questions


def _dialogue_choices(request):
    if request is None:
        return PolicyDialogue.objects.none()
    return scoping.scope(PolicyDialogue.objects.all(), request.user).order_by("-starts_at", "-pk")


class QuestionFilterSet(WagtailFilterSet):
    dialogue = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Dialogue"), queryset=_dialogue_choices
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=QuestionStatus.choices
    )
    answered = django_filters.BooleanFilter(
        label=gettext_lazy("Answered"), method="filter_answered"
    )

    class Meta:
        model = DialogueQuestion
        fields = ["dialogue", "status"]

    def filter_answered(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.exclude(answer="") if value else queryset.filter(answer="")


class QuestionIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("commune")
            .annotate(upvote_count=Count("upvotes"))
        )

    def search_queryset(self, queryset):
        # Accent-insensitive: "ho tro" finds "hỗ trợ".
        if not self.is_searching:
            return queryset
        return queryset.filter(search_text__contains=fold(self.search_query))


class QuestionInspectView(ReadableInspectMixin, ScopedInspectView):
    pass


class QuestionViewSet(ScopedModelViewSet):
    model = DialogueQuestion
    unit_field = "dialogue__unit"
    icon = "help"
    menu_label = gettext_lazy("Questions")
    url_prefix = "engagement/questions"
    index_view_class = QuestionIndexView
    filterset_class = QuestionFilterSet
    search_fields = ["text"]  # enables the box; QuestionIndexView searches accent-free
    inspect_view_enabled = True
    inspect_view_class = QuestionInspectView
    inspect_view_fields = [
        "dialogue",
        "text",
        "name",
        "commune",
        "status",
        "created_at",
        "answer",
        "answered_by",
        "answered_at",
    ]
    copy_view_enabled = False
    list_display = [
        "__str__",
        "dialogue",
        "status",
        NumberColumn("upvote_count", label=gettext_lazy("Agreed"), sort_key="upvote_count"),
        BooleanColumn("is_answered", label=gettext_lazy("Answered")),
        DayColumn("created_at", label=gettext_lazy("Received"), sort_key="created_at"),
    ]
    list_export = [
        "text",
        "name",
        "commune",
        "dialogue",
        "get_status_display",
        "upvote_count",
        "answer",
        "answered_by",
        "answered_at",
        "created_at",
    ]
    export_headings = {
        "get_status_display": gettext_lazy("Status"),
        "upvote_count": gettext_lazy("Agreed"),
    }
    export_filename = "cau-hoi-doi-thoai"
    edit_handler = ObjectList(
        [
            # A list of the user's dialogues, not the page chooser (which browses the tree).
            FieldPanel("dialogue", widget=forms.Select),
            MultiFieldPanel(
                [FieldPanel("text"), FieldPanel("name"), FieldPanel("commune")],
                heading=gettext_lazy("Question"),
            ),
            FieldPanel("status"),
            FieldPanel("answer"),
        ],
        base_form_class=QuestionAdminForm,
    )


# --- Polls


class PollIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(vote_count=Count("votes"))


class PollInspectView(ReadableInspectMixin, generic.InspectView):
    """The poll's settings, then its results as a table (and an XLSX download)."""

    template_name = "engagement/admin/poll_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["results"] = selectors.poll_results(self.object)
        context["results_xlsx_url"] = self.results_xlsx_url
        return context

    @cached_property
    def results_xlsx_url(self) -> str:
        return reverse("engagement_polls:results_xlsx", args=[self.object.pk])

    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Download the results (XLSX)"),
                url=self.results_xlsx_url,
                icon_name="download",
                priority=30,
            ),
        ]


class PollResultsDownloadView(generic.InspectView):
    """The results of one poll as an Excel workbook: answer, votes, share."""

    def get(self, request, *args, **kwargs):
        poll = get_object_or_404(Poll, pk=self.kwargs["pk"])
        results = selectors.poll_results(poll)
        rows = [[row.choice.text, row.votes, row.percent] for row in results.rows]
        rows.append([_("Total"), results.total, 100.0 if results.total else 0.0])
        return xlsx.workbook_response(
            filename=f"ket-qua-tham-do-{poll.pk}",
            sheets=[(_("Results"), [poll.question, _("Votes"), _("Share (%)")], rows)],
        )


class PollViewSet(ModelViewSet):
    model = Poll
    icon = "tasks"
    menu_label = gettext_lazy("Polls")
    url_prefix = "engagement/polls"
    index_view_class = PollIndexView
    inspect_view_enabled = True
    inspect_view_class = PollInspectView
    inspect_view_fields = [
        "question",
        "description",
        "state",
        "opens_at",
        "closes_at",
        "show_on_home_page",
    ]
    copy_view_enabled = False
    search_fields = ["question"]
    list_filter = ["is_active", "show_on_home_page"]
    list_display = [
        "question",
        Column("get_state_display", label=gettext_lazy("State")),
        DayColumn("opens_at", label=gettext_lazy("Opens at"), sort_key="opens_at"),
        DayColumn("closes_at", label=gettext_lazy("Closes at"), sort_key="closes_at"),
        NumberColumn("vote_count", label=gettext_lazy("Answers"), sort_key="vote_count"),
    ]
    list_export = ["question", "get_state_display", "opens_at", "closes_at", "vote_count"]
    export_headings = {
        "get_state_display": gettext_lazy("State"),
        "vote_count": gettext_lazy("Answers"),
    }
    export_filename = "tham-do-y-kien"
    edit_handler = ObjectList(
        [
            FieldPanel("question"),
            FieldPanel("description"),
            InlinePanel(
                "choices",
                heading=gettext_lazy("Answers"),
                label=gettext_lazy("Answer"),
                min_num=2,
                panels=[FieldPanel("text")],
            ),
            MultiFieldPanel(
                [
                    FieldPanel("opens_at"),
                    FieldPanel("closes_at"),
                    FieldPanel("is_active"),
                    FieldPanel("show_on_home_page"),
                ],
                heading=gettext_lazy("When and where it shows"),
            ),
        ],
        base_form_class=PollAdminForm,
    )

    @property
    def results_xlsx_view(self):
        return self.construct_view(PollResultsDownloadView, **self.get_inspect_view_kwargs())

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("inspect/<int:pk>/xlsx/", self.results_xlsx_view, name="results_xlsx"),
        ]


class EngagementViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Dialogues and polls")
    menu_icon = "group"
    menu_order = 260
    items = (
        DialogueViewSet("engagement_dialogues"),
        QuestionViewSet("engagement_questions"),
        PollViewSet("engagement_polls"),
    )
