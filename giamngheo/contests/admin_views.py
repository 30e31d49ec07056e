"""Staff views Wagtail has no generic view for: a round's results, exports, the question import.

Who sees what: the full ranking and its export need ``view_attempt``; rows
are those of participants in the user's units (``accounts.scoping``), with
their province-wide rank. Phone numbers and e-mails are for the province's
organisers only (``selectors.can_see_phones``): a district officer's export
has no such column.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from giamngheo.accounts.privacy import AccessKind, log_personal_data_access, notice_sheet
from giamngheo.core import xlsx

from . import importers, selectors, services
from .forms import ImportForm
from .models import Contest, Round
from .templatetags.contest_tags import minutes_seconds

ROWS_PER_PAGE = 100


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _round(pk: int) -> Round:
    return get_object_or_404(Round.objects.select_related("contest"), pk=pk)


def round_results(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "contests.view_attempt")
    round = _round(pk)
    closed = round.has_closed()
    if closed:
        services.finalize_expired(round=round)
    board = selectors.ranking(round)
    standings = selectors.standings_visible_to(request.user, board)
    page_obj = Paginator(standings, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    show_phones = selectors.can_see_phones(request.user)
    if show_phones and page_obj.object_list:
        _log(request, round.contest, AccessKind.CONTACT, people=len(page_obj.object_list))
    return TemplateResponse(
        request,
        "contests/admin/results.html",
        {
            "round": round,
            "board": board,
            "page_obj": page_obj,
            "show_phones": show_phones,
            "closed": closed,
            "running": round.attempts.filter(submitted_at__isnull=True).count(),
            "can_publish": closed and request.user.has_perm("contests.change_round"),
        },
    )


@require_POST
def publish_results(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "contests.change_round")
    round = _round(pk)
    try:
        services.publish_results(round=round, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The results are published on the portal."))
    return redirect("contests_round_results", pk=round.pk)


def _log(request: HttpRequest, contest: Contest, kind: str, *, people: int) -> None:
    log_personal_data_access(
        user=request.user,
        kind=kind,
        purpose=selectors.CONTEST_PURPOSE,
        subject=contest,
        unit=request.user.unit,
        people=people,
    )


def _with_notice(request: HttpRequest, sheets: list, phones: bool) -> list:
    """An export with phones says so on a sheet of its own, after the data (whoever
    reads the file by its first sheet still finds the table there)."""
    if not phones:
        return sheets
    return [*sheets, notice_sheet(user=request.user, purpose=str(selectors.CONTEST_PURPOSE))]


def _when(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M:%S") if value else ""


def export_ranking(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "contests.view_attempt")
    round = _round(pk)
    if round.has_closed():
        services.finalize_expired(round=round)
    board = selectors.ranking(round)
    phones = selectors.can_see_phones(request.user)
    headers = [
        _("Rank"),
        _("Full name"),
        _("Commune or ward"),
        *([_("Phone"), _("E-mail")] if phones else []),
        _("Correct answers"),
        pgettext("length of time", "Duration"),
        _("Prediction"),
        _("Distance to the real value"),
        pgettext("contest attempt", "Submitted"),
        _("Prize"),
    ]
    rows = [
        [
            s.rank,
            s.participant.name,
            s.participant.unit.name,
            *([s.participant.phone, s.participant.email] if phones else []),
            s.attempt.score,
            minutes_seconds(s.attempt.duration),
            s.attempt.prediction,
            s.distance,
            _when(s.attempt.submitted_at),
            s.prize.name if s.prize else "",
        ]
        for s in selectors.standings_visible_to(request.user, board)
    ]
    if phones:
        _log(request, round.contest, AccessKind.EXPORT, people=len(rows))
    return xlsx.workbook_response(
        filename=f"xep-hang-{round.contest.slug}-vong-{round.number}",
        sheets=_with_notice(request, [(_("Ranking"), headers, rows)], phones),
    )


def export_participants(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "contests.view_participant")
    contest = get_object_or_404(Contest, pk=pk)
    phones = selectors.can_see_phones(request.user)
    headers = [
        _("Full name"),
        _("Commune or ward"),
        *([_("Phone"), _("E-mail")] if phones else []),
        _("Registered"),
    ]
    rows = [
        [
            p.name,
            p.unit.name,
            *([p.phone, p.email] if phones else []),
            _when(p.registered_at),
        ]
        for p in selectors.participants_visible_to(request.user, contest)
    ]
    if phones:
        _log(request, contest, AccessKind.EXPORT, people=len(rows))
    return xlsx.workbook_response(
        filename=f"thi-sinh-{contest.slug}",
        sheets=_with_notice(request, [(_("Participants"), headers, rows)], phones),
    )


def import_template(request: HttpRequest) -> HttpResponse:
    _require(request, "contests.add_question")
    return xlsx.template_response(filename="mau-ngan-hang-cau-hoi", columns=importers.columns())


def import_questions(request: HttpRequest) -> HttpResponse:
    _require(request, "contests.add_question")
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = importers.import_questions(upload=form.cleaned_data["file"])
        except xlsx.ImportFileError as error:
            form.add_error("file", str(error))
        else:
            if not report.has_errors:
                messages.success(
                    request, _("%(count)d questions imported.") % {"count": report.imported}
                )
                return redirect("contest_questions:index")
    return TemplateResponse(request, "contests/admin/import.html", {"form": form, "report": report})
