"""Keeping the public feedback forms usable under abuse.

* Per-address rate limits with django-ratelimit (counts in the cache; the
  rates are settings, so tests and deployers change them).
* A proof-of-work challenge with ALTCHA (the official ``altcha`` library; the
  widget is served from our static files): the browser spends a second or two
  of work per post, nothing is sent to a third party. A solved challenge is
  accepted once: its signature is remembered in the cache until it expires.
"""

from __future__ import annotations

import datetime

import altcha
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_ratelimit.core import is_ratelimited

USED_KEY = "feedback:altcha:used:{}"


def client_ip(request: HttpRequest) -> str:
    """The visitor's address: behind ``PROXY_COUNT`` proxies, the one they saw.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For, so the client is the PROXY_COUNT-th entry from the right.
    """
    proxies = settings.AXES_IPWARE_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _ip_key(group: str, request: HttpRequest) -> str:
    return client_ip(request)


def over_limit(request: HttpRequest, *, action: str) -> bool:
    """Count this request against ``action``'s per-address limit; True when over it."""
    rate = settings.FEEDBACK_RATE_LIMITS.get(action)
    if not rate:
        return False
    return is_ratelimited(
        request, group=f"feedback-{action}", key=_ip_key, rate=rate, increment=True
    )


# --- ALTCHA


def _hmac_key() -> str:
    return settings.FEEDBACK_ALTCHA_HMAC_KEY or salted_hmac("feedback.altcha", "key").hexdigest()


def new_challenge() -> dict:
    """A signed challenge, as the widget fetches it."""
    expires = timezone.now() + datetime.timedelta(seconds=settings.FEEDBACK_ALTCHA_EXPIRES)
    challenge = altcha.create_challenge(
        settings.FEEDBACK_ALTCHA_ALGORITHM,
        settings.FEEDBACK_ALTCHA_COST,
        expires_at=expires,
        key_prefix=settings.FEEDBACK_ALTCHA_KEY_PREFIX,
        hmac_secret=_hmac_key(),
    )
    return challenge.to_dict()


def verify_challenge(payload: str) -> str | None:
    """The solved challenge's signature if ``payload`` is a valid solution, else None.

    Does not mark it used: call ``spend_challenge`` once the whole form is valid,
    so that a citizen who corrects another field is not asked to solve it again.
    """
    if not payload or len(payload) > 4000:
        return None
    try:
        result = altcha.verify_solution(payload, _hmac_key())
    except (ValueError, TypeError):
        return None
    if not result.verified:
        return None
    parsed = altcha.Payload.from_base64(payload)
    signature = parsed.challenge.signature
    if not signature or cache.get(USED_KEY.format(signature)):
        return None
    return signature


def spend_challenge(signature: str) -> bool:
    """Mark a solved challenge used; False when it already was (a replay)."""
    return cache.add(USED_KEY.format(signature), 1, timeout=settings.FEEDBACK_ALTCHA_EXPIRES + 60)
