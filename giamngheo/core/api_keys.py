"""API keys that machines present: shown once, stored hashed, revocable, counted.

Open311's app keys and the data API's unit keys share this base, so both are
issued, revoked and checked the same way. A key is 32 random bytes, so a fast
hash (SHA-256) is enough — there is nothing to brute-force, unlike a password —
and a request finds its key with one indexed lookup.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views import generic


def digest(raw_key: str) -> str:
    return hashlib.sha256(raw_key.encode()).hexdigest()


# An app posts many requests with its key: a kind of key that opts in
# (``cache_authentication``) keeps the active key's id in the cache under its digest
# (one cache read instead of a query), forgotten as soon as the key is saved
# (deactivated) or deleted.
CACHE_KEY = "api-key:{label}:{digest}"
CACHE_SECONDS = 300


class ApiKeyQuerySet(models.QuerySet):
    def authenticate(self, raw_key: str) -> Any:
        """The active key matching ``raw_key`` (only its id, when the cache has it), or None."""
        raw_key = (raw_key or "").strip()
        if not raw_key or len(raw_key) > 200:
            return None
        key_hash = digest(raw_key)
        if not self.model.cache_authentication:
            return self.filter(key_hash=key_hash, is_active=True).first()
        cache_key = CACHE_KEY.format(label=self.model._meta.label_lower, digest=key_hash)
        pk = cache.get(cache_key)
        if pk is not None:
            return self.model(pk=pk, key_hash=key_hash, is_active=True)
        key = self.filter(key_hash=key_hash, is_active=True).first()
        if key is not None:
            cache.set(cache_key, key.pk, CACHE_SECONDS)
        return key


class AbstractApiKey(models.Model):
    # Set by each kind of key, so a leaked key says where it belongs.
    key_prefix = "gn_"
    # True for a kind whose callers need only the key's id: ``cache_keys_of``.
    cache_authentication = False

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
        abstract = True
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def new_raw_key(cls) -> str:
        return cls.key_prefix + secrets.token_urlsafe(32)

    def set_key(self, raw_key: str) -> None:
        self.key_hash = digest(raw_key)
        # Characters kept in clear, so staff can tell keys apart in the list.
        self.prefix = raw_key[: len(self.key_prefix) + 6]

    def prefix_display(self) -> str:
        return f"{self.prefix}…"

    prefix_display.short_description = _("key")  # type: ignore[attr-defined]

    def record_use(self) -> None:
        """One more request accepted with this key (one UPDATE, safe under concurrency)."""
        type(self).objects.filter(pk=self.pk).update(
            last_used_at=timezone.now(), requests_sent=F("requests_sent") + 1
        )


def forget_cached_key(sender: Any, instance: AbstractApiKey, **kwargs: Any) -> None:
    """post_save and post_delete of a kind of key that caches (connected by that kind)."""
    label = instance._meta.label_lower
    cache.delete(CACHE_KEY.format(label=label, digest=instance.key_hash))


def cache_keys_of(model: type[AbstractApiKey]) -> None:
    """Opt ``model`` in to the cache of ``authenticate``, forgotten at each save or delete."""
    model.cache_authentication = True
    uid = model._meta.label_lower
    post_save.connect(forget_cached_key, sender=model, dispatch_uid=f"{uid}:saved")
    post_delete.connect(forget_cached_key, sender=model, dispatch_uid=f"{uid}:deleted")


class ApiKeyCreateView(generic.CreateView):
    """Creates a key and answers the POST with the page that shows it, once.

    Not a redirect with a message: the key is never stored in clear, so it must
    not travel through the session or a message cookie either.
    """

    template_name = "core/admin/api_key_created.html"

    def get_usage(self) -> str:
        """How the app presents the key, said on the page that shows it."""
        return ""

    def save_instance(self) -> AbstractApiKey:
        self.raw_key = self.model.new_raw_key()
        self.form.instance.set_key(self.raw_key)
        self.form.instance.created_by = self.request.user
        return super().save_instance()

    def save_action(self) -> TemplateResponse:
        response = TemplateResponse(
            self.request,
            self.template_name,
            {
                "usage": self.get_usage(),
                "api_key": self.object,
                "raw_key": self.raw_key,
                "index_url": self.get_success_url(),
                "header_title": self.object.name,
            },
        )
        response["Cache-Control"] = "no-store"
        return response
