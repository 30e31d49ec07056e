"""The key a unit's system sends in ``X-API-Key``: checked, counted, rate-limited."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from ninja.errors import HttpError
from ninja.security import APIKeyHeader

from giamngheo.accounts.scoping import UnitPrincipal

from .models import UnitApiKey


class UnitKey(APIKeyHeader):
    """Authenticates a request by its unit key; ``request.auth`` is then the key."""

    param_name = "X-API-Key"

    def authenticate(self, request: HttpRequest, key: str | None) -> UnitApiKey | None:
        api_key = UnitApiKey.objects.select_related("unit").authenticate(key or "")
        if api_key is None:
            return None
        rate = settings.API_KEY_RATE
        if rate and is_ratelimited(
            request,
            group="api-unit-key",
            key=lambda group, req: str(api_key.pk),
            rate=rate,
            increment=True,
        ):
            raise HttpError(429, _("Too many requests with this key. Try again later."))
        api_key.record_use()
        return api_key


def principal_of(request: HttpRequest) -> UnitPrincipal:
    """Who a keyed request acts as, for the scoping policy and the services."""
    return request.auth.principal()  # type: ignore[attr-defined]


unit_key = UnitKey()
