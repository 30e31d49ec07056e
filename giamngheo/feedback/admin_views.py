"""Staff views of a case, of offline entry and of the report (Wagtail admin).

Every view finds the case through ``selectors.get_visible_or_404``: a case
outside the user's scope answers 404 whether it exists or not. Contact
details and attachments are shown to handlers only, and each showing is
logged (``accounts.privacy.log_personal_data_access``).
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_POST

from giamngheo.accounts import privacy
from giamngheo.accounts.privacy import AccessKind
from giamngheo.core import xlsx

from . import selectors, services
from .forms import (
    AnswerForm,
    AssignForm,
    NoteForm,
    PublishForm,
    RejectForm,
    ReportForm,
    StaffEntryForm,
)
from .models import Attachment, Feedback, FeedbackStatus
from .views import add_errors

# Why handlers see a citizen's contact details: the access log records it.
HANDLING = gettext_lazy("Handling the feedback case")


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _forms(request: HttpRequest, feedback: Feedback, bound: dict | None = None) -> dict:
    """The action forms this user may use on this case, in its current state."""
    user = request.user
    bound = bound or {}
    handler = selectors.can_handle(user)
    forms: dict = {}
    if feedback.is_open and selectors.can_assign(user):
        forms["assign"] = bound.get("assign") or AssignForm(
            user=user, initial={"unit": feedback.assigned_unit_id}
        )
    if handler and feedback.status in (FeedbackStatus.ASSIGNED, FeedbackStatus.IN_PROGRESS):
        initial = {"answer": feedback.answer}
        template_id = request.GET.get("template", "")
        if template_id.isdigit():
            template = feedback.category.answer_templates.filter(pk=template_id).first()
            if template is not None:
                initial["answer"] = template.text
        forms["answer"] = bound.get("answer") or AnswerForm(initial=initial)
    if handler and feedback.is_open:
        forms["reject"] = bound.get("reject") or RejectForm()
    if handler:
        forms["note"] = bound.get("note") or NoteForm()
    if selectors.can_publish(user) and feedback.status in (
        FeedbackStatus.ANSWERED,
        FeedbackStatus.CLOSED,
    ):
        published = feedback.published_answer
        forms["publish"] = bound.get("publish") or PublishForm(
            initial={
                "question": published.question if published else "",
                "answer": published.answer if published else feedback.answer,
            }
        )
    return forms


def _render_case(
    request: HttpRequest, feedback: Feedback, *, bound: dict | None = None, status: int = 200
) -> TemplateResponse:
    user = request.user
    handler = selectors.can_handle(user)
    show_contact = handler and request.GET.get("contact") == "1" and feedback.has_contact
    if show_contact:
        privacy.log_personal_data_access(
            user=user,
            kind=AccessKind.CONTACT,
            purpose=HANDLING,
            subject=feedback,
            unit=feedback.assigned_unit or feedback.commune,
        )
    return TemplateResponse(
        request,
        "feedback/admin/case.html",
        {
            "feedback": feedback,
            "events": selectors.history(feedback),
            "forms": _forms(request, feedback, bound),
            "templates": list(feedback.category.answer_templates.all()) if handler else [],
            "attachments": list(feedback.attachments.all()) if handler else [],
            "is_handler": handler,
            "show_contact": show_contact,
            "can_start": handler and feedback.status == FeedbackStatus.ASSIGNED,
            "can_close": handler and feedback.status == FeedbackStatus.ANSWERED,
            "published": feedback.published_answer,
            "can_publish": selectors.can_publish(user),
        },
        status=status,
    )


def case(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "feedback.view_feedback")
    feedback = selectors.get_visible_or_404(request.user, pk)
    return _render_case(request, feedback)


ACTIONS = {
    "assign": AssignForm,
    "answer": AnswerForm,
    "reject": RejectForm,
    "note": NoteForm,
    "publish": PublishForm,
}
DONE = {
    "assign": _("The case was assigned."),
    "start": _("Handling started."),
    "answer": _("The answer was sent to the citizen."),
    "close": _("The case was closed."),
    "reject": _("The case was rejected."),
    "note": _("Note added."),
    "publish": _("Published as public Q&A."),
    "unpublish": _("The public Q&A was withdrawn."),
}


def _run(action: str, feedback: Feedback, user, data: dict) -> None:
    if action == "assign":
        services.assign_feedback(feedback=feedback, unit=data["unit"], note=data["note"], by=user)
    elif action == "start":
        services.start_feedback(feedback=feedback, by=user)
    elif action == "answer":
        services.answer_feedback(feedback=feedback, answer=data["answer"], by=user)
    elif action == "close":
        services.close_feedback(feedback=feedback, by=user)
    elif action == "reject":
        services.reject_feedback(feedback=feedback, reason=data["reason"], by=user)
    elif action == "note":
        services.add_note(feedback=feedback, text=data["text"], by=user)
    elif action == "publish":
        services.publish_answer(
            feedback=feedback, question=data["question"], answer=data["answer"], by=user
        )
    elif action == "unpublish":
        services.unpublish_answer(feedback=feedback, by=user)
    else:
        raise Http404


@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One action on a case; a bad form shows the case page again with its errors."""
    _require(request, "feedback.view_feedback")
    if action not in DONE:
        raise Http404
    feedback = selectors.get_visible_or_404(request.user, pk)
    form_class = ACTIONS.get(action)
    form = None
    if form_class is AssignForm:
        form = AssignForm(request.POST, user=request.user)
    elif form_class is not None:
        form = form_class(request.POST)
    if form is not None and not form.is_valid():
        return _render_case(request, feedback, bound={action: form})
    try:
        _run(action, feedback, request.user, form.cleaned_data if form else {})
    except ValidationError as error:
        if form is None:
            messages.error(request, " ".join(error.messages))
            return redirect("feedback_case", pk=feedback.pk)
        add_errors(form, error)
        feedback.refresh_from_db()
        return _render_case(request, feedback, bound={action: form})
    messages.success(request, DONE[action])
    # After a reassignment the case may have left this user's scope.
    if selectors.feedback_visible_to(request.user).filter(pk=feedback.pk).exists():
        return redirect("feedback_case", pk=feedback.pk)
    return redirect("feedback_cases:index")


def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    """An attachment, to handlers of the case only; each opening is logged."""
    if not selectors.can_handle(request.user):
        raise PermissionDenied
    feedback = selectors.get_visible_or_404(request.user, pk)
    try:
        item = feedback.attachments.get(pk=attachment_pk)
    except Attachment.DoesNotExist as error:
        raise Http404 from error
    privacy.log_personal_data_access(
        user=request.user,
        kind=AccessKind.ATTACHMENT,
        purpose=HANDLING,
        subject=feedback,
        unit=feedback.assigned_unit or feedback.commune,
        detail=str(item.pk),
    )
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        content_type=item.content_type,
        filename=f"{feedback.tracking_code}-{item.pk}{item.extension}",
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def entry(request: HttpRequest) -> HttpResponse:
    """Staff enter feedback received at the office, by phone, hotline or letter."""
    _require(request, "feedback.add_feedback")
    form = StaffEntryForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            feedback = services.submit_feedback(
                category=data["category"],
                commune=data["commune"],
                text=data["text"],
                channel=data["channel"],
                consent=data["consent"],
                name=data["name"],
                phone=data["phone"],
                email=data["email"],
                address=data["address"],
                attachments=data["attachments"],
                entered_by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Feedback entered. Its tracking code for the citizen: %(code)s")
                % {"code": feedback.tracking_code},
            )
            if selectors.feedback_visible_to(request.user).filter(pk=feedback.pk).exists():
                return redirect("feedback_case", pk=feedback.pk)
            return redirect("feedback_cases:index")
    return TemplateResponse(request, "feedback/admin/entry.html", {"form": form})


def _report_period(request: HttpRequest) -> tuple[ReportForm, datetime.date, datetime.date]:
    today = timezone.localdate()
    default_start = today.replace(month=1, day=1)
    form = ReportForm(request.GET or {"start": default_start, "end": today})
    if form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    return form, default_start, today


def report(request: HttpRequest) -> HttpResponse:
    """Counts by category, unit, status, month and channel; response times; XLSX."""
    _require(request, "feedback.view_feedback")
    form, start, end = _report_period(request)
    data = selectors.feedback_report(user=request.user, start=start, end=end)
    if request.GET.get("export") == "xlsx":
        return _report_xlsx(data)
    return TemplateResponse(
        request,
        "feedback/admin/report.html",
        {"form": form, "report": data, "export_url": _export_url(request)},
    )


def _export_url(request: HttpRequest) -> str:
    query = request.GET.copy()
    query["export"] = "xlsx"
    return f"{reverse('feedback_report')}?{query.urlencode()}"


def _report_xlsx(data: selectors.FeedbackReport) -> HttpResponse:
    count = _("Cases")
    summary = [
        (_("Cases received"), data.total),
        (_("Answered"), data.answered),
        (_("Answered after the deadline"), data.answered_late),
        (_("Open and overdue"), data.open_overdue),
        (_("Average days to the first answer"), data.average_days),
        (_("Average rating (1–5)"), data.average_rating),
    ]
    return xlsx.workbook_response(
        filename=f"bao-cao-phan-anh-{data.start:%Y%m%d}-{data.end:%Y%m%d}",
        sheets=[
            (pgettext("report section", "Summary"), [_("Figure"), _("Value")], summary),
            (_("By category"), [_("Category"), count], data.by_category),
            (_("By unit"), [_("Unit"), count], data.by_unit),
            (_("By status"), [_("Status"), count], data.by_status),
            (_("By month"), [_("Month"), count], data.by_month),
            (_("By channel"), [_("Channel"), count], data.by_channel),
        ],
    )
