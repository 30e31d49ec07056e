"""The public side: questions and upvotes on a dialogue's page, the polls.

Thin views: check the per-address limit, parse, call a service, answer with a
redirect (and a flash message) or the page again with the errors on its fields.
A refused post stores nothing and never answers with an error page.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from giamngheo.feedback import abuse

from . import selectors, services
from .forms import QuestionForm, VoteForm
from .models import DialogueQuestion, PolicyDialogue, Poll, QuestionStatus
from .pages import DialogueStatus
from .voters import read_voter, remember

TOO_MANY = 429
POLLS_PER_PAGE = 20


def add_errors(form, error: ValidationError) -> None:
    """A service's errors on the form's fields, or on the form when no field fits."""
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_messages)
    else:
        form.add_error(None, error.messages)


# --- Dialogues


def dialogue_context(page: PolicyDialogue, request: HttpRequest) -> dict:
    """What the dialogue's page shows: its status, officials, published questions (and
    their answers once it is held) and, while open, the question form."""
    now = timezone.now()
    status = page.status(now)
    is_open = status == DialogueStatus.OPEN
    page_obj = Paginator(selectors.public_questions(page), page.questions_per_page).get_page(
        request.GET.get("page")
    )
    return {
        "status": status,
        "status_label": DialogueStatus(status).label,
        "is_open": is_open,
        "is_held": page.is_held(now),
        "officials": list(page.officials.all()),
        "page_obj": page_obj,
        "question_form": QuestionForm() if is_open else None,
        # Read only while open: the page then carries a form and is never cached.
        "upvoted": set(read_voter(request, "upvote").answered) if is_open else set(),
    }


def _render_dialogue(
    request: HttpRequest, page: PolicyDialogue, status: int = 200, **context
) -> TemplateResponse:
    response = page.render(request, context_overrides=context)
    response.status_code = status
    return response


def _dialogue_url(request: HttpRequest, page: PolicyDialogue, anchor: str) -> str:
    return f"{page.get_url(request)}#{anchor}"


def ask(request: HttpRequest, page: PolicyDialogue) -> HttpResponse:
    """A citizen's question to the dialogue (the form on its page posts here)."""
    if request.method != "POST":
        return redirect(_dialogue_url(request, page, "dat-cau-hoi"))
    form = QuestionForm(request.POST)
    if abuse.over_limit(request, action="dialogue-question"):
        return _render_dialogue(request, page, TOO_MANY, question_form=form, too_many=True)
    if not page.is_open_for_questions():
        return _render_dialogue(
            request, page, refusal=services.closed_for_questions_error().messages[0]
        )
    if form.is_valid():
        if not abuse.spend_challenge(form.altcha_signature or ""):
            form.add_error(None, _("This anti-spam check was already used. Send the form again."))
        else:
            data = form.cleaned_data
            try:
                services.submit_question(
                    dialogue=page, text=data["text"], name=data["name"], commune=data["commune"]
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you: your question was received. It shows on this page once "
                        "the officers of the unit have read it."
                    ),
                )
                return redirect(_dialogue_url(request, page, "dat-cau-hoi"))
    return _render_dialogue(request, page, question_form=form)


def upvote(request: HttpRequest, page: PolicyDialogue, question_id: int) -> HttpResponse:
    """This browser agrees with a published question: once, while the dialogue is open."""
    anchor = f"cau-hoi-{question_id}"
    if request.method != "POST":
        return redirect(_dialogue_url(request, page, anchor))
    question = DialogueQuestion.objects.filter(
        pk=question_id, dialogue=page, status=QuestionStatus.PUBLISHED
    ).first()
    if question is None:
        raise Http404
    question.dialogue = page
    if abuse.over_limit(request, action="dialogue-upvote"):
        return _render_dialogue(request, page, TOO_MANY, too_many=True)
    voter = read_voter(request, "upvote")
    if voter.has_answered(question.pk):
        messages.info(request, _("You already agreed with this question."))
        return redirect(_dialogue_url(request, page, anchor))
    try:
        created = services.upvote_question(
            question=question, voter_hash=voter.hash_for(question.pk)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_dialogue_url(request, page, anchor))
    if created:
        messages.success(request, _("Thank you: your agreement was counted."))
    else:
        messages.info(request, _("You already agreed with this question."))
    response = redirect(_dialogue_url(request, page, anchor))
    remember(response, request, voter, question.pk)
    return response


# --- Polls


@require_GET
def poll_list(request: HttpRequest) -> HttpResponse:
    page_obj = Paginator(selectors.public_polls(), POLLS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "engagement/poll_list.html",
        {"page_obj": page_obj, "now": timezone.now(), "noindex": bool(request.GET.get("page"))},
    )


def _choice_from_query(request: HttpRequest, poll: Poll) -> int | None:
    """The answer picked on the home page's form (``?lua-chon=<id>``), if it is one."""
    raw = request.GET.get("lua-chon", "")
    if not raw.isdigit():
        return None
    choice_id = int(raw)
    return choice_id if any(choice.pk == choice_id for choice in poll.choices.all()) else None


@never_cache
@require_GET
def home_poll_block(request: HttpRequest, pk: int) -> HttpResponse:
    """The home page's poll as this browser should see it: its results once it answered
    (or the poll closed), otherwise a form that posts the answer at once.

    The home page is cached for every anonymous visitor alike (ADR 0005), so it carries
    a neutral form; its script swaps in this block, asked per visitor and never cached.
    """
    poll = get_object_or_404(Poll.objects.public().prefetch_related("choices"), pk=pk)
    voted = read_voter(request, "poll").has_answered(poll.pk)
    is_open = poll.is_open()
    context: dict = {"poll": poll, "voted": voted, "is_open": is_open}
    if voted or not is_open:
        context["results"] = selectors.poll_results(poll)
    return render(request, "engagement/includes/home_poll_live.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def poll_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The poll's question and answers; its results once this browser answered or it closed."""
    poll = get_object_or_404(Poll.objects.public().prefetch_related("choices"), pk=pk)
    voter = read_voter(request, "poll")
    is_open = poll.is_open()
    voted = voter.has_answered(poll.pk)
    context: dict = {"poll": poll, "is_open": is_open, "voted": voted}
    status = 200
    if request.method == "POST":
        form = VoteForm(request.POST, poll=poll)
        if abuse.over_limit(request, action="poll-vote"):
            context["too_many"] = True
            status = TOO_MANY
        elif not is_open:
            context["refusal"] = services.closed_poll_error().messages[0]
        elif voted:
            context["refusal"] = _("You have already answered this poll: one answer per person.")
        elif form.is_valid():
            try:
                created = services.cast_vote(
                    poll=poll,
                    choice=form.cleaned_data["choice"],
                    voter_hash=voter.hash_for(poll.pk),
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                if created:
                    messages.success(request, _("Thank you: your answer was recorded."))
                else:
                    messages.info(request, _("You have already answered this poll."))
                response = redirect("engagement:poll", pk=poll.pk)
                remember(response, request, voter, poll.pk)
                return response
    else:
        form = VoteForm(poll=poll, initial={"choice": _choice_from_query(request, poll)})
    context["form"] = form
    if voted or not is_open or context.get("refusal"):
        context["results"] = selectors.poll_results(poll)
    return render(request, "engagement/poll_detail.html", context, status=status)
