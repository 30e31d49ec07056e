"""Wagtail admin registration: contests, rounds, the question bank, participants.

Contests, rounds and questions are province-wide (plain ModelViewSets, for
the province staff who run contests). Participants are records of a commune:
their listing goes through the unit scope, and only the province's
organisers (``view_participant``) reach it at all. Results, exports and the
question import are views of their own (``admin_views``).
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from giamngheo.accounts import scoping
from giamngheo.accounts.privacy import PersonalDataExportMixin
from giamngheo.accounts.viewsets import ListingOnlyMixin

from . import selectors
from .models import AttemptQuestion, Contest, Participant, Question, Round
from .selectors import CONTEST_PURPOSE

# --- Contests


class ContestViewSet(ModelViewSet):
    model = Contest
    icon = "trophy"
    menu_label = _("Contests")
    list_display = ["title", "slug", "is_published", "created_at"]
    list_filter = ["is_published"]
    search_fields = ["title"]
    copy_view_enabled = False
    form_fields = ["title", "slug", "intro", "rules", "is_published"]


# --- Rounds


class RoundForm(WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        wanted = data.get("questions_per_attempt")
        if wanted and "questions_per_attempt" not in self.errors:
            trial = Round(topic=data.get("topic") or "")
            available = len(selectors.question_pool(trial))
            if available < wanted:
                self.add_error(
                    "questions_per_attempt",
                    gettext(
                        "Only %(count)d active questions (with exactly one correct answer) can be "
                        "drawn for this topic."
                    )
                    % {"count": available},
                )
        return data


class RoundIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                gettext("Results and exports"),
                url=reverse("contests_round_results", args=[instance.pk]),
                icon_name="table",
                priority=5,
            )
        )
        return buttons


class RoundViewSet(ModelViewSet):
    model = Round
    icon = "time"
    menu_label = _("Rounds")
    index_view_class = RoundIndexView
    list_display = ["contest", "number", "title", "opens_at", "closes_at", "results_published_at"]
    list_filter = ["contest"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("contest"),
            FieldRowPanel([FieldPanel("number"), FieldPanel("title")]),
            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            FieldRowPanel(
                [
                    FieldPanel("questions_per_attempt"),
                    FieldPanel("time_limit_seconds"),
                    FieldPanel("max_attempts"),
                ]
            ),
            FieldPanel("topic"),
            MultiFieldPanel(
                [
                    FieldPanel("prediction_question"),
                    FieldPanel("prediction_rule"),
                    FieldPanel("prediction_actual"),
                ],
                heading=_("Prediction question"),
            ),
            InlinePanel("prize_tiers", heading=_("Prizes, in order"), label=_("Prize")),
        ],
        base_form_class=RoundForm,
    )


# --- Question bank


class QuestionForm(WagtailAdminModelForm):
    """Exactly one correct answer out of two or more; answers already shown stay."""

    def clean(self):
        data = super().clean()
        formset = self.formsets.get("choices")
        if formset is None or not formset.is_valid():
            return data
        kept = [
            form
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if len(kept) < 2:
            self.add_error(None, gettext("Give at least two answers."))
        correct = sum(1 for form in kept if form.cleaned_data.get("is_correct"))
        if correct != 1:
            self.add_error(
                None,
                gettext("Mark exactly one answer as correct (now: %(count)d).")
                % {"count": correct},
            )
        removed = [
            form.instance.pk
            for form in formset.forms
            if form.instance.pk and form.cleaned_data.get("DELETE")
        ]
        if removed and AttemptQuestion.objects.filter(question=self.instance).exists():
            self.add_error(
                None,
                gettext(
                    "This question was already drawn in attempts: its answers cannot be removed. "
                    "Correct their text, or make the question inactive and add a new one."
                ),
            )
        return data


class QuestionIndexView(generic.IndexView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.request.user.has_perm("contests.add_question"):
            buttons.append(
                HeaderButton(
                    gettext("Import from Excel"),
                    url=reverse("contests_import_questions"),
                    icon_name="upload",
                )
            )
        return buttons


class QuestionDeleteView(generic.DeleteView):
    """A question drawn in attempts stays: results are recounted from it."""

    def post(self, request, *args, **kwargs):
        if AttemptQuestion.objects.filter(question=self.object).exists():
            messages.error(
                request,
                gettext("This question was drawn in attempts: make it inactive instead."),
            )
            return redirect(self.index_url_name)
        return super().post(request, *args, **kwargs)


class QuestionViewSet(ModelViewSet):
    model = Question
    icon = "help"
    menu_label = _("Question bank")
    index_view_class = QuestionIndexView
    delete_view_class = QuestionDeleteView
    list_display = ["__str__", "topic", "is_active"]
    list_filter = ["topic", "is_active"]
    search_fields = ["text", "topic"]
    copy_view_enabled = True
    edit_handler = ObjectList(
        [
            FieldPanel("text"),
            FieldPanel("topic"),
            InlinePanel("choices", heading=_("Answers"), label=_("Answer"), min_num=2),
            FieldPanel("explanation"),
            FieldPanel("is_active"),
        ],
        base_form_class=QuestionForm,
    )


# --- Participants (records of a commune: scoped, read-only)


class ParticipantIndexView(PersonalDataExportMixin, generic.IndexView):
    any_permission_required = ["view"]
    export_purpose = CONTEST_PURPOSE
    listing_shows_contact = True  # phone and e-mail are columns

    def get_base_queryset(self):
        return scoping.scope(
            Participant.objects.select_related("contest", "unit"), self.request.user
        )

    def get_add_url(self):
        return None

    def get_edit_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None

    def get_copy_url(self, instance):
        return None

    def get_inspect_url(self, instance):
        return None


# A listing only: participants register themselves on the portal.
class ParticipantViewSet(ListingOnlyMixin, ModelViewSet):
    model = Participant
    icon = "user"
    menu_label = _("Participants")
    index_view_class = ParticipantIndexView
    list_display = [
        "name",
        "unit",
        Column("phone_display", label=_("Phone")),
        "email",
        "contest",
        "registered_at",
    ]
    list_filter = ["contest"]
    search_fields = ["name", "phone"]
    copy_view_enabled = False

    listing_permission = "view_participant"


class ContestViewSetGroup(ViewSetGroup):
    menu_label = _("Online contests")
    menu_icon = "trophy"
    menu_order = 260
    items = (
        ContestViewSet("contests_admin"),
        RoundViewSet("contest_rounds"),
        QuestionViewSet("contest_questions"),
        ParticipantViewSet("contest_participants"),
    )
