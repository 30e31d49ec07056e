"""The public side of the contests: list, contest page, register, attempt, result, leaderboard.

Thin views: parse, check the per-address limits (``feedback.abuse``), call a
service or selector, render. Pages that depend on the visitor (registration,
attempts, results) are never cached; the list and leaderboards may be.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from giamngheo.feedback import abuse

from . import selectors, services, tokens
from .forms import AttemptForm, RegistrationForm, StartForm
from .models import Contest, Round

TOO_MANY = 429
STANDINGS_PER_PAGE = 50


def _put_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _contest_or_404(slug: str) -> Contest:
    return get_object_or_404(selectors.published_contests(), slug=slug)


def _round_or_404(contest: Contest, number: str) -> Round:
    # The contest's rounds are prefetched: no query, and a bad number is a 404.
    for round in contest.rounds.all():
        if str(round.number) == number:
            return round
    raise Http404


@require_GET
def contest_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "contests/contest_list.html",
        {"contests": list(selectors.published_contests()), "now": timezone.now()},
    )


def _render_contest(
    request: HttpRequest,
    contest: Contest,
    *,
    register_form: RegistrationForm | None = None,
    start_form: StartForm | None = None,
    start_round: Round | None = None,
    too_many: bool = False,
    status: int = 200,
) -> HttpResponse:
    participant = tokens.participant_from_cookie(request, contest)
    now = timezone.now()
    rounds = list(contest.rounds.all())
    attempts = selectors.attempts_of(participant)
    for round in rounds:
        round.my_attempts = [
            (attempt, tokens.attempt_token(attempt)) for attempt in attempts.get(round.pk, [])
        ]
        running = any(not attempt.is_submitted for attempt, _token in round.my_attempts)
        round.can_start = (
            participant is not None
            and round.is_open(now)
            and not running
            and len(round.my_attempts) < round.max_attempts
        )
    return render(
        request,
        "contests/contest_detail.html",
        {
            "contest": contest,
            "rounds": rounds,
            "participant": participant,
            "registration_open": any(round.is_open(now) for round in rounds),
            "register_form": register_form or RegistrationForm(),
            "start_form": start_form or StartForm(),
            "start_round": start_round,
            "too_many": too_many,
            "now": now,
        },
        status=status,
    )


@never_cache
@require_GET
def contest_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _render_contest(request, _contest_or_404(slug))


@never_cache
@require_POST
def register(request: HttpRequest, slug: str) -> HttpResponse:
    contest = _contest_or_404(slug)
    form = RegistrationForm(request.POST)
    if abuse.over_limit(request, action="contest-register"):
        return _render_contest(request, contest, register_form=form, too_many=True, status=TOO_MANY)
    if form.is_valid() and form.spend_challenge():
        data = form.cleaned_data
        try:
            participant, created = services.register_participant(
                contest=contest,
                name=data["name"],
                unit=data["unit"],
                phone=data["phone"],
                email=data["email"],
                consent=data["consent"],
            )
        except ValidationError as error:
            _put_errors(form, error)
        else:
            messages.success(
                request,
                _("You are registered. Start a round below.")
                if created
                else _("Welcome back: your registration was found."),
            )
            response = redirect("contests:detail", slug=contest.slug)
            tokens.remember_participant(request, response, participant)
            return response
    return _render_contest(request, contest, register_form=form)


@never_cache
@require_POST
def start(request: HttpRequest, slug: str, number: str) -> HttpResponse:
    contest = _contest_or_404(slug)
    round = _round_or_404(contest, number)
    participant = tokens.participant_from_cookie(request, contest)
    form = StartForm(request.POST)
    if participant is None:
        messages.error(request, _("Register first (or again, with the same name and phone)."))
        return redirect("contests:detail", slug=contest.slug)
    if abuse.over_limit(request, action="contest-start"):
        return _render_contest(
            request, contest, start_form=form, start_round=round, too_many=True, status=TOO_MANY
        )
    if form.is_valid() and form.spend_challenge():
        try:
            attempt = services.start_attempt(participant=participant, round=round)
        except ValidationError as error:
            _put_errors(form, error)
        else:
            return redirect("contests:attempt", token=tokens.attempt_token(attempt))
    return _render_contest(request, contest, start_form=form, start_round=round)


def _attempt_or_404(token: str):
    attempt = tokens.attempt_for_token(token)
    if attempt is None or not attempt.round.contest.is_published:
        raise Http404
    return attempt


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def attempt(request: HttpRequest, token: str) -> HttpResponse:
    found = _attempt_or_404(token)
    if found.is_submitted:
        return redirect("contests:result", token=token)
    now = timezone.now()
    if request.method != "POST" and now > found.ends_at + services.grace():
        services.finalize_expired(round=found.round, participant=found.participant, now=now)
        return redirect("contests:result", token=token)
    items = selectors.attempt_items(found)
    round = found.round
    too_many = False
    if request.method == "POST":
        form = AttemptForm(request.POST, items=items, round=round)
        if abuse.over_limit(request, action="contest-answer"):
            too_many = True
        elif form.is_valid():
            try:
                outcome = services.save_answers(
                    attempt=found,
                    answers=form.answers(),
                    prediction=form.cleaned_data["prediction"],
                    finish="finish" in request.POST,
                )
            except ValidationError as error:
                _put_errors(form, error)
            else:
                if outcome is services.Outcome.SAVED:
                    messages.success(request, _("Your answers are saved. Submit before the end."))
                    return redirect("contests:attempt", token=token)
                if outcome is services.Outcome.LATE:
                    messages.error(
                        request,
                        _(
                            "Time was up at %(time)s: the answers you sent after it were not "
                            "counted. Your result counts the answers saved before."
                        )
                        % {"time": services.when(found.ends_at)},
                    )
                return redirect("contests:result", token=token)
    else:
        form = AttemptForm(items=items, round=round, initial={"prediction": found.prediction})
    return render(
        request,
        "contests/attempt.html",
        {
            "attempt": found,
            "round": round,
            "contest": round.contest,
            "form": form,
            "seconds_left": found.seconds_left(now),
            "deadline_text": services.when(found.ends_at),
            "too_many": too_many,
            "noindex": True,
        },
        status=TOO_MANY if too_many else 200,
    )


@never_cache
@require_GET
def result(request: HttpRequest, token: str) -> HttpResponse:
    found = _attempt_or_404(token)
    if not found.is_submitted:
        if timezone.now() <= found.ends_at + services.grace():
            return redirect("contests:attempt", token=token)
        services.finalize_expired(round=found.round, participant=found.participant)
        found.refresh_from_db()
    round = found.round
    closed = round.has_closed()
    return render(
        request,
        "contests/result.html",
        {
            "attempt": found,
            "round": round,
            "contest": round.contest,
            # Which answers were correct only once nobody can use it any more.
            "items": selectors.attempt_items(found) if closed else [],
            "show_answers": closed,
            "closes_text": services.when(round.closes_at),
            "noindex": True,
        },
    )


@require_GET
def leaderboard(request: HttpRequest, slug: str, number: str) -> HttpResponse:
    contest = _contest_or_404(slug)
    round = _round_or_404(contest, number)
    context = {"contest": contest, "round": round}
    if not round.has_closed():
        context["closes_text"] = services.when(round.closes_at)
        return render(request, "contests/leaderboard.html", context)
    services.finalize_expired(round=round)
    board = selectors.ranking(round)
    context.update(
        board=board,
        published=round.results_published_at is not None,
        page_obj=Paginator(board.standings, STANDINGS_PER_PAGE).get_page(request.GET.get("page")),
    )
    return render(request, "contests/leaderboard.html", context)
