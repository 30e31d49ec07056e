"""Writes of the activity register: portal items as register entries; one activity (the API).

A portal news article, event or policy dialogue counts as an activity once
published, and a contest once ticked "published": ``sync_source`` creates or
updates its one register entry (``source`` = the item), with the kind, unit,
date and title taken from the item, and keeps the figures staff added
(people reached, cost…).  ``remove_source`` deletes the entry when the item
is unpublished or deleted.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from giamngheo.units.divisions import province_code
from giamngheo.units.models import Unit, UnitLevel

from .models import Activity, ActivityKind, Channel
from .rules import ActivityRule

logger = logging.getLogger(__name__)

# The register kind (by code) of each portal item; an event by its own kind.
ARTICLE_KIND = "tin-bai"
DIALOGUE_KIND = "doi-thoai-chinh-sach"
CONTEST_KIND = "cuoc-thi"
EVENT_KINDS = {
    "seminar": "hoi-thao",
    "conference": "hoi-nghi",
    "contest": "cuoc-thi",
    "dialogue": "doi-thoai-chinh-sach",
    "performance": "bieu-dien-san-khau",
    "other": "su-kien",
}
FALLBACK_KIND = "khac"


def _source_models() -> tuple[type[models.Model], ...]:
    from giamngheo.contests.models import Contest
    from giamngheo.engagement.pages import PolicyDialogue
    from giamngheo.portal.events import EventPage
    from giamngheo.portal.news import ArticlePage

    return (ArticlePage, EventPage, PolicyDialogue, Contest)


def is_source(instance: Any) -> bool:
    """Whether ``instance`` (a page, maybe not specific yet) is a kind of portal item we count."""
    model = getattr(instance, "specific_class", None) or type(instance)
    return model is not None and issubclass(model, _source_models())


def province_unit(on: datetime.date) -> Unit | None:
    units = Unit.objects.of_province(province_code(settings.PROVINCE_CODE)).filter(
        level=UnitLevel.PROVINCE
    )
    return units.in_force(on).first() or units.order_by("-valid_from").first()


def _local_date(value: datetime.datetime | None) -> datetime.date | None:
    if value is None:
        return None
    return timezone.localdate(value) if timezone.is_aware(value) else value.date()


def source_fields(instance: Any) -> dict[str, Any]:
    """What the register entry of a portal item takes from it: kind code, unit, dates, title."""
    from giamngheo.contests.models import Contest
    from giamngheo.engagement.pages import PolicyDialogue
    from giamngheo.portal.events import EventPage

    unit = None
    end = None
    channel = Channel.ONLINE
    if isinstance(instance, EventPage):
        kind = EVENT_KINDS.get(instance.kind, "su-kien")
        start = _local_date(instance.starts_at)
        end = _local_date(instance.ends_at)
        unit = instance.unit
        channel = Channel.IN_PERSON
    elif isinstance(instance, PolicyDialogue):
        kind, start, unit = DIALOGUE_KIND, _local_date(instance.starts_at), instance.unit
        channel = Channel.IN_PERSON
    elif isinstance(instance, Contest):
        kind = CONTEST_KIND
        rounds = list(instance.rounds.order_by("opens_at").values_list("opens_at", "closes_at"))
        if rounds:
            start = _local_date(rounds[0][0])
            end = _local_date(max(closes for _opens, closes in rounds))
        else:
            start = _local_date(instance.created_at) or timezone.localdate()
    else:  # a news article
        kind, start = ARTICLE_KIND, instance.date
    if end is not None and start is not None and end <= start:
        end = None
    return {
        "kind_code": kind,
        "unit": unit,
        "start_date": start,
        "end_date": end,
        "title": instance.title[:255],
        "channel": channel,
    }


def _kind(code: str) -> ActivityKind | None:
    kinds = {k.code: k for k in ActivityKind.objects.filter(code__in=[code, FALLBACK_KIND])}
    return kinds.get(code) or kinds.get(FALLBACK_KIND)


def sync_source(instance: Any) -> Activity | None:
    """Create or update the register entry of a published portal item; None if it cannot be."""
    fields = source_fields(instance)
    kind = _kind(fields["kind_code"])
    if kind is None or fields["start_date"] is None:
        logger.warning("No register entry for %r: no kind or date", instance)
        return None
    content_type = ContentType.objects.get_for_model(instance)
    with transaction.atomic():
        activity = (
            Activity.objects.select_for_update()
            .filter(source_type=content_type, source_id=instance.pk)
            .first()
        )
        if activity is None:
            activity = Activity(
                source_type=content_type, source_id=instance.pk, channel=fields["channel"]
            )
        activity.kind = kind
        activity.title = fields["title"]
        activity.start_date = fields["start_date"]
        activity.end_date = fields["end_date"]
        unit = fields["unit"]
        if unit is None or not unit.is_in_force(activity.start_date):
            # Without a unit of its own (or an outdated one) the item is the province's.
            unit = province_unit(activity.start_date)
        if unit is None:
            return None
        activity.unit = unit
        try:
            activity.full_clean()
        except ValidationError as error:
            if "planned_activity" not in error.message_dict:
                logger.warning("No register entry for %r: %s", instance, error.messages)
                return None
            # The item moved out of the plan it was linked to: keep the entry, drop the link.
            activity.planned_activity = None
            activity.full_clean()
        activity.save()
    return activity


def remove_source(instance: Any) -> int:
    """Delete the register entry of a portal item that is no longer published."""
    model = getattr(instance, "specific_class", None) or type(instance)
    content_type = ContentType.objects.get_for_model(model)
    deleted, _details = Activity.objects.filter(
        source_type=content_type, source_id=instance.pk
    ).delete()
    return deleted


def sync_portal_activities() -> int:
    """Backfill: an entry for every published portal item, none for the others.

    Returns the number of entries created or updated.
    """
    count = 0
    keep: dict[int, set[int]] = {}
    for model in _source_models():
        if hasattr(model, "live"):
            items = model._default_manager.live()  # pages
        else:
            items = model._default_manager.filter(is_published=True)
        content_type = ContentType.objects.get_for_model(model)
        keep[content_type.pk] = set()
        for item in items:
            if sync_source(item) is not None:
                count += 1
                keep[content_type.pk].add(item.pk)
    for content_type_id, pks in keep.items():
        Activity.objects.filter(source_type_id=content_type_id).exclude(source_id__in=pks).delete()
    return count


def check_activity(activity: Activity, *, by: Any) -> None:
    """Raise a ValidationError by field if ``activity`` cannot enter the register.

    For routes without a form (the data API): the fields' own checks, then the
    activity's one rule (``rules.ActivityRule``) with ``by``'s units, as the form
    and the import ask it.
    """
    activity.title = " ".join((activity.title or "").split())
    errors: dict[str, list[str]] = {}
    try:
        activity.clean_fields()
    except ValidationError as error:
        errors = {name: list(messages) for name, messages in error.message_dict.items()}
    for name, messages in ActivityRule(by, [activity]).errors(activity).items():
        errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    activity.validate_constraints()


@transaction.atomic
def record_activity(activity: Activity, *, by: Any) -> Activity:
    """Add one activity to the register, all checks first (``check_activity``)."""
    check_activity(activity, by=by)
    activity.save()
    return activity
