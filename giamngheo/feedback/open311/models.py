"""API keys of the apps that post feedback through Open311.

A key is shown once, when province staff create it; only its SHA-256 digest
is stored. A key is 32 random bytes, so a fast hash is enough (nothing to
brute-force, unlike a password) and lets a request find its key with one
indexed lookup.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_PREFIX = "gn311_"
# Characters of the key kept in clear, so staff can tell keys apart in the list.
SHOWN_CHARACTERS = len(KEY_PREFIX) + 6
# An app posts many requests with its key: the active key's id is kept in the
# cache under its digest (one cache read instead of a query), and forgotten as
# soon as the key is saved (deactivated) or deleted.
CACHE_KEY = "open311:key:{}"
CACHE_SECONDS = 300


def new_raw_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def digest(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet["ApiKey"]):
    def authenticate(self, raw_key: str) -> ApiKey | None:
        """The active key matching ``raw_key`` (only its id, when the cache has it), or None."""
        raw_key = (raw_key or "").strip()
        if not raw_key or len(raw_key) > 200:
            return None
        key_hash = digest(raw_key)
        pk = cache.get(CACHE_KEY.format(key_hash))
        if pk is not None:
            return self.model(pk=pk, key_hash=key_hash, is_active=True)
        key = self.filter(key_hash=key_hash, is_active=True).first()
        if key is not None:
            cache.set(CACHE_KEY.format(key_hash), key.pk, CACHE_SECONDS)
        return key


class ApiKey(models.Model):
    name = models.CharField(
        _("app"), max_length=150, help_text=_("The app or organisation that uses the key.")
    )
    contact = models.CharField(
        _("contact"),
        max_length=255,
        blank=True,
        help_text=_("Who to call or write to about this app (name, phone, e-mail)."),
    )
    prefix = models.CharField(_("key begins with"), max_length=20, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to refuse the app's requests at once.")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    requests_sent = models.PositiveIntegerField(_("requests sent"), default=0, editable=False)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("app API key")
        verbose_name_plural = _("app API keys")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def set_key(self, raw_key: str) -> None:
        self.key_hash = digest(raw_key)
        self.prefix = raw_key[:SHOWN_CHARACTERS]

    def prefix_display(self) -> str:
        return f"{self.prefix}…"

    prefix_display.short_description = _("key")  # type: ignore[attr-defined]

    def record_use(self) -> None:
        """One more request accepted with this key (one UPDATE, safe under concurrency)."""
        ApiKey.objects.filter(pk=self.pk).update(
            last_used_at=timezone.now(), requests_sent=F("requests_sent") + 1
        )


@receiver(post_save, sender=ApiKey, dispatch_uid="open311_key_saved")
@receiver(post_delete, sender=ApiKey, dispatch_uid="open311_key_deleted")
def _forget_key(sender, instance: ApiKey, **kwargs) -> None:
    cache.delete(CACHE_KEY.format(instance.key_hash))
