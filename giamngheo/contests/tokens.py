"""Signed references a participant's browser holds: no guessable ids in URLs or cookies.

* An attempt is reached by ``/cuoc-thi/bai-thi/<token>/``: the token is the
  attempt's id signed with the site's secret key, so one cannot be made up
  from another; whoever holds the link holds the attempt (as with a
  tracking code).
* A registration is remembered by a signed cookie per contest, so the
  participant can start the next round from the same browser.
"""

from __future__ import annotations

from django.core import signing
from django.http import HttpRequest, HttpResponse

from .models import Attempt, Contest, Participant

ATTEMPT_SALT = "contests.attempt"
PARTICIPANT_SALT = "contests.participant"
COOKIE_AGE = 180 * 24 * 3600


def attempt_token(attempt: Attempt) -> str:
    return signing.dumps(attempt.pk, salt=ATTEMPT_SALT)


def attempt_for_token(token: str) -> Attempt | None:
    """The attempt the token names, or None for a forged, altered or unknown token."""
    if len(token) > 200:
        return None
    try:
        pk = signing.loads(token, salt=ATTEMPT_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return (
        Attempt.objects.select_related("round__contest", "participant__unit").filter(pk=pk).first()
    )


def _cookie_name(contest: Contest) -> str:
    return f"cuoc-thi-{contest.pk}"


def remember_participant(request: HttpRequest, response: HttpResponse, participant) -> None:
    response.set_signed_cookie(
        _cookie_name(participant.contest),
        str(participant.pk),
        salt=PARTICIPANT_SALT,
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def participant_from_cookie(request: HttpRequest, contest: Contest) -> Participant | None:
    value = request.get_signed_cookie(
        _cookie_name(contest), default=None, salt=PARTICIPANT_SALT, max_age=COOKIE_AGE
    )
    if not value or not value.isdigit():
        return None
    return Participant.objects.select_related("unit").filter(pk=int(value), contest=contest).first()
