"""One answer per browser, without an account.

The browser keeps a random voter token in a signed cookie (``set_signed_cookie``),
with the ids of the polls (or questions) it has answered, so the page knows at
once that it did. The database keeps only a keyed hash of the token and the
poll or question, unique per pair: no address, no name, nothing that leads back
to the visitor.

A visitor who deletes the cookie can answer again; the per-address rate limit
(``limits.py``) bounds how often. A forged or garbled cookie is ignored: the
visitor is treated as a new browser, never refused with an error.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac

COOKIES = {"poll": "gn_tham_do", "upvote": "gn_dong_tinh"}
MAX_AGE = 365 * 24 * 3600
# The newest ids kept in the cookie; older ones are still refused by the database.
MAX_IDS = 100


@dataclass
class Voter:
    kind: str
    token: str
    answered: list[int] = field(default_factory=list)
    is_new: bool = False

    def has_answered(self, object_id: int) -> bool:
        return object_id in self.answered

    def hash_for(self, object_id: int) -> str:
        """What the database stores for this browser's answer to ``object_id``."""
        return salted_hmac(
            f"giamngheo.engagement.{self.kind}", f"{object_id}:{self.token}", algorithm="sha256"
        ).hexdigest()


def _salt(kind: str) -> str:
    return f"giamngheo.engagement.{kind}.cookie"


def read_voter(request: HttpRequest, kind: str) -> Voter:
    """The browser's voter cookie for ``kind`` ("poll" or "upvote"), or a new token."""
    value = request.get_signed_cookie(COOKIES[kind], default=None, salt=_salt(kind))
    if value:
        token, *ids = value.split(".")
        if token and all(part.isdigit() for part in ids):
            return Voter(kind, token, [int(part) for part in ids])
    return Voter(kind, secrets.token_urlsafe(16), is_new=True)


def remember(response: HttpResponse, request: HttpRequest, voter: Voter, object_id: int) -> None:
    """Record in the browser's cookie that it answered ``object_id``."""
    if object_id not in voter.answered:
        voter.answered = [*voter.answered, object_id][-MAX_IDS:]
    value = ".".join([voter.token, *(str(pk) for pk in voter.answered)])
    response.set_signed_cookie(
        COOKIES[voter.kind],
        value,
        salt=_salt(voter.kind),
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure() or settings.SESSION_COOKIE_SECURE,
    )
