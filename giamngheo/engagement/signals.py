"""The portal's page cache forgets its pages when a poll changes (the home page shows one).

Votes and upvotes do not: the home page shows no results, and a dialogue's page
is never cached while it takes upvotes (it carries a form). Questions published
or answered by staff clear it in ``services.save_question``.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from giamngheo.portal import cache as page_cache

from .models import Poll, PollChoice


@receiver(post_save, sender=Poll, dispatch_uid="engagement_poll_saved")
@receiver(post_delete, sender=Poll, dispatch_uid="engagement_poll_deleted")
@receiver(post_save, sender=PollChoice, dispatch_uid="engagement_choice_saved")
@receiver(post_delete, sender=PollChoice, dispatch_uid="engagement_choice_deleted")
def _forget_cached_pages(sender: type, **kwargs: Any) -> None:
    page_cache.clear()
