"""The public side: send feedback, follow it by its code, read the public Q&A.

Thin views: parse, check the per-address limits, call a service or selector,
render. Nothing here is cached for visitors, and the tracking pages tell
browsers and the service worker not to keep them (``never_cache``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import abuse, selectors, services
from .forms import FeedbackForm, RateForm, ReopenForm, TrackForm
from .models import Channel, Feedback, FeedbackCategory, PublishedAnswer

TOO_MANY = 429
ANSWERS_PER_PAGE = 20


def add_errors(form, error: ValidationError) -> None:
    """Put a service's errors on the form's fields (or on the form when no field fits)."""
    if hasattr(error, "error_dict"):
        aliases = {"consent_at": "consent"}
        for field, messages in error.message_dict.items():
            name = aliases.get(field, field)
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def _too_many(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    context["too_many"] = True
    return render(request, template, context, status=TOO_MANY)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request: HttpRequest) -> HttpResponse:
    context = {"max_files": settings.FEEDBACK_MAX_ATTACHMENTS}
    if request.method != "POST":
        return render(request, "feedback/submit.html", {**context, "form": FeedbackForm()})
    form = FeedbackForm(request.POST, request.FILES)
    context["form"] = form
    if abuse.over_limit(request, action="submit"):
        return _too_many(request, "feedback/submit.html", context)
    if form.is_valid():
        if not abuse.spend_challenge(form.altcha_signature or ""):
            form.add_error(None, _("This anti-spam check was already used. Send the form again."))
        else:
            data = form.cleaned_data
            try:
                feedback = services.submit_feedback(
                    category=data["category"],
                    commune=data["commune"],
                    text=data["text"],
                    address=data["address"],
                    name=data["name"],
                    phone=data["phone"],
                    email=data["email"],
                    consent=data["consent"],
                    attachments=data["attachments"],
                    channel=Channel.WEB,
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                url = reverse("feedback:track_case", args=[feedback.tracking_code])
                return redirect(f"{url}?moi=1")
    return render(request, "feedback/submit.html", context)


@never_cache
@require_GET
def challenge(request: HttpRequest) -> JsonResponse:
    """A new ALTCHA challenge for the widget."""
    if abuse.over_limit(request, action="challenge"):
        return JsonResponse({"error": _("Too many requests. Try again later.")}, status=TOO_MANY)
    return JsonResponse(abuse.new_challenge())


@never_cache
@require_GET
def track(request: HttpRequest) -> HttpResponse:
    """The form to type a tracking code; a known code leads to its page."""
    if "code" not in request.GET:
        return render(request, "feedback/track.html", {"form": TrackForm()})
    form = TrackForm(request.GET)
    if abuse.over_limit(request, action="track"):
        return _too_many(request, "feedback/track.html", {"form": form})
    if form.is_valid():
        feedback = selectors.find_by_code(form.cleaned_data["code"])
        if feedback is not None:
            return redirect("feedback:track_case", code=feedback.tracking_code)
        form.add_error("code", _("No feedback has this code. Check it and try again."))
    return render(request, "feedback/track.html", {"form": form})


def _case_context(feedback: Feedback, **forms) -> dict:
    return {
        "feedback": feedback,
        "events": selectors.history(feedback, public=True),
        "rate_form": forms.get("rate_form") or RateForm(),
        "reopen_form": forms.get("reopen_form") or ReopenForm(),
        "noindex": True,
    }


def _case_or_404(request: HttpRequest, code: str) -> Feedback | HttpResponse:
    if abuse.over_limit(request, action="track"):
        return _too_many(request, "feedback/track.html", {"form": TrackForm()})
    feedback = selectors.find_by_code(code)
    if feedback is None:
        raise Http404
    return feedback


@never_cache
@require_GET
def track_case(request: HttpRequest, code: str) -> HttpResponse:
    found = _case_or_404(request, code)
    if isinstance(found, HttpResponse):
        return found
    context = _case_context(found)
    context["just_sent"] = request.GET.get("moi") == "1"
    return render(request, "feedback/track_case.html", context)


@never_cache
@require_POST
def rate(request: HttpRequest, code: str) -> HttpResponse:
    found = _case_or_404(request, code)
    if isinstance(found, HttpResponse):
        return found
    form = RateForm(request.POST)
    if form.is_valid():
        try:
            services.rate_feedback(
                feedback=found,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            url = reverse("feedback:track_case", args=[found.tracking_code])
            return redirect(f"{url}?danh-gia=1#danh-gia")
    return render(request, "feedback/track_case.html", _case_context(found, rate_form=form))


@never_cache
@require_POST
def reopen(request: HttpRequest, code: str) -> HttpResponse:
    found = _case_or_404(request, code)
    if isinstance(found, HttpResponse):
        return found
    form = ReopenForm(request.POST)
    if form.is_valid():
        try:
            services.reopen_feedback(feedback=found, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("feedback:track_case", code=found.tracking_code)
    return render(request, "feedback/track_case.html", _case_context(found, reopen_form=form))


@require_GET
def answers(request: HttpRequest) -> HttpResponse:
    """Published questions and answers, searchable with or without accents."""
    query = request.GET.get("q", "")[:200]
    categories = list(FeedbackCategory.objects.all())
    category = next((c for c in categories if c.code == request.GET.get("chu-de")), None)
    listing = selectors.published_answers(query=query, category=category)
    page = Paginator(listing, ANSWERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/answers.html",
        {
            "page_obj": page,
            "query": query,
            "category": category,
            "categories": categories,
            "noindex": bool(query or request.GET.get("page")),
        },
    )


@require_GET
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    published = get_object_or_404(
        PublishedAnswer.objects.select_related("category"), pk=pk, is_live=True
    )
    return render(request, "feedback/answer.html", {"item": published})
