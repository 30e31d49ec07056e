"""API keys of the apps that post feedback through Open311.

Issued, stored and checked like every machine key of the site
(``core.api_keys``): shown once, only the SHA-256 digest kept, revocable.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from giamngheo.core.api_keys import AbstractApiKey, cache_keys_of, digest

KEY_PREFIX = "gn311_"

__all__ = ["KEY_PREFIX", "ApiKey", "digest", "new_raw_key"]


class ApiKey(AbstractApiKey):
    key_prefix = KEY_PREFIX

    class Meta(AbstractApiKey.Meta):
        verbose_name = _("app API key")
        verbose_name_plural = _("app API keys")


# An app posts many requests with its key; Open311 needs only the key's id.
cache_keys_of(ApiKey)


def new_raw_key() -> str:
    return ApiKey.new_raw_key()
