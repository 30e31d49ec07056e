"""Admin views: record a visit (scores, findings, recommendations), follow up a recommendation."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from giamngheo.accounts import scoping

from . import services
from .forms import FollowUpForm, RecommendationFormSet, RecordVisitForm, responsible_units
from .models import Criterion, Recommendation, SupervisionVisit, VisitStatus


def _visible_or_404(queryset, user, pk):
    from django.http import Http404

    try:
        return queryset.visible_to(user).get(pk=pk)
    except queryset.model.DoesNotExist as error:
        raise Http404 from error


def _add_errors(form, formset, error: ValidationError) -> None:
    """Put the service's errors on the fields they name, the rest on top of the form."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for key, errors in error.message_dict.items():
        if key in form.fields:
            form.add_error(key, errors)
        elif key.startswith("recommendation_") and key[15:].isdigit():
            index = int(key[15:]) - 1
            target = formset.forms[index] if index < len(formset.forms) else form
            target.add_error(None, errors)
        else:
            form.add_error(None, errors)


class RecordVisitView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "evaluation/record_visit.html"
    page_title = gettext_lazy("Record the visit")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        # 404 before 403: another unit's visit must not be told apart from none.
        self.visit = _visible_or_404(
            SupervisionVisit.objects.select_related("unit__parent", "plan__organiser"),
            request.user,
            kwargs["pk"],
        )
        if not services.can_record(request.user, self.visit):
            raise PermissionDenied
        if self.visit.status != VisitStatus.PLANNED:
            messages.error(request, _("Only a planned visit can be recorded."))
            return redirect(self.inspect_url)
        return super().dispatch(request, *args, **kwargs)

    @property
    def inspect_url(self) -> str:
        return reverse("evaluation_visits:inspect", args=[self.visit.pk])

    def get_page_subtitle(self) -> str:
        return str(self.visit)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("evaluation_visits:index"), "label": _("Supervision visits")},
            {"url": self.inspect_url, "label": str(self.visit)},
            {"url": "", "label": self.get_page_title()},
        ]

    def forms(self, data=None):
        criteria = Criterion.objects.for_year(self.visit.planned_on.year)
        form = RecordVisitForm(data, criteria=criteria, initial={"held_on": self.visit.planned_on})
        units = responsible_units(self.visit).filter(
            pk__in=scoping.units_visible_to(self.request.user).values("pk")
        )
        formset = RecommendationFormSet(
            data, prefix="recommendations", form_kwargs={"units": units}
        )
        return form, formset

    def get(self, request, *args, **kwargs):
        form, formset = self.forms()
        return self.render_to_response(self.get_context_data(form=form, formset=formset))

    def post(self, request, *args, **kwargs):
        form, formset = self.forms(request.POST)
        if form.is_valid() and formset.is_valid():
            recommendations = [f.cleaned_data for f in formset.forms if f.cleaned_data]
            try:
                services.record_visit(
                    visit=self.visit,
                    held_on=form.cleaned_data["held_on"],
                    findings=form.cleaned_data["findings"],
                    strengths=form.lines(form.cleaned_data["strengths"]),
                    shortcomings=form.lines(form.cleaned_data["shortcomings"]),
                    scores=form.scores(),
                    recommendations=recommendations,
                    by=request.user,
                )
            except ValidationError as error:
                _add_errors(form, formset, error)
            else:
                messages.success(request, _("The visit has been recorded."))
                return redirect(self.inspect_url)
        return self.render_to_response(self.get_context_data(form=form, formset=formset))


class FollowUpView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "evaluation/follow_up.html"
    page_title = gettext_lazy("Update the status")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        self.recommendation = _visible_or_404(
            Recommendation.objects.select_related("responsible_unit", "visit__unit"),
            request.user,
            kwargs["pk"],
        )
        if not services.can_follow_up(request.user, self.recommendation):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def inspect_url(self) -> str:
        return reverse("evaluation_recommendations:inspect", args=[self.recommendation.pk])

    def get_page_subtitle(self) -> str:
        return str(self.recommendation)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("evaluation_recommendations:index"), "label": _("Recommendations")},
            {"url": self.inspect_url, "label": str(self.recommendation)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, *args, **kwargs):
        form = FollowUpForm(initial={"status": self.recommendation.status})
        return self.render_to_response(
            self.get_context_data(form=form, recommendation=self.recommendation)
        )

    def post(self, request, *args, **kwargs):
        form = FollowUpForm(request.POST)
        if form.is_valid():
            try:
                services.update_recommendation(
                    recommendation=self.recommendation,
                    status=form.cleaned_data["status"],
                    note=form.cleaned_data["note"],
                    by=request.user,
                )
            except ValidationError as error:
                _add_errors(form, None, error)
            else:
                messages.success(request, _("The recommendation has been updated."))
                return redirect(self.inspect_url)
        return self.render_to_response(
            self.get_context_data(form=form, recommendation=self.recommendation)
        )
