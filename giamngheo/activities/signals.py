"""Portal items enter the activity register by themselves.

Signals only decouple here: every write goes through ``services.sync_source``
and ``services.remove_source``.  Pages are synced when published and removed
when unpublished or deleted; contests follow their "published" box, and a
round's dates move the contest's entry.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished


def _page_published(sender, instance, **kwargs) -> None:
    from . import services

    if services.is_source(instance):
        services.sync_source(instance.specific)


def _page_unpublished(sender, instance, **kwargs) -> None:
    from . import services

    if services.is_source(instance):
        services.remove_source(instance)


def _source_deleted(sender, instance, **kwargs) -> None:
    from . import services

    services.remove_source(instance)


def _contest_saved(sender, instance, **kwargs) -> None:
    from . import services

    if kwargs.get("raw"):
        return
    if instance.is_published:
        services.sync_source(instance)
    else:
        services.remove_source(instance)


def _round_changed(sender, instance, **kwargs) -> None:
    from giamngheo.contests.models import Contest

    try:
        contest = Contest.objects.get(pk=instance.contest_id)
    except Contest.DoesNotExist:  # the contest is being deleted with its rounds
        return
    _contest_saved(Contest, contest)


def connect() -> None:
    from giamngheo.contests.models import Contest, Round
    from giamngheo.engagement.pages import PolicyDialogue
    from giamngheo.portal.events import EventPage
    from giamngheo.portal.news import ArticlePage

    page_published.connect(_page_published, dispatch_uid="activities_page_published")
    page_unpublished.connect(_page_unpublished, dispatch_uid="activities_page_unpublished")
    for model in (ArticlePage, EventPage, PolicyDialogue, Contest):
        post_delete.connect(
            _source_deleted, sender=model, dispatch_uid=f"activities_deleted_{model.__name__}"
        )
    post_save.connect(_contest_saved, sender=Contest, dispatch_uid="activities_contest_saved")
    post_save.connect(_round_changed, sender=Round, dispatch_uid="activities_round_saved")
    post_delete.connect(_round_changed, sender=Round, dispatch_uid="activities_round_deleted")
