"""Writes to the radio log: single programmes, a week at once, reopening a week."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giamngheo.accounts import scoping
from giamngheo.units.models import Unit, UnitLevel

from .models import Broadcast, WeeklyLog, WeekReopening, monday_of
from .selectors import reporting_settings, week_locked_for

LOCKED_MESSAGE = gettext_lazy(
    "This week's log is locked. Ask your district to reopen it to make changes."
)


def log_week(*, commune: Unit, week_start: datetime.date, by, no_programme: bool = False):
    """Record that the commune reported this week (the first report's time is kept)."""
    log, created = WeeklyLog.objects.get_or_create(
        commune=commune,
        week_start=week_start,
        defaults={"reported_by": by, "no_programme": no_programme},
    )
    if not created and log.no_programme != no_programme:
        log.no_programme = no_programme
        log.save(update_fields=["no_programme"])
    return log


def _check_scope(by, commune: Unit) -> None:
    if not scoping.units_visible_to(by).filter(pk=commune.pk).exists():
        raise PermissionDenied


@transaction.atomic
def record_broadcast(
    *,
    commune: Unit,
    on: datetime.date,
    title: str,
    minutes: int,
    source: str,
    by,
    audio=None,
) -> Broadcast:
    _check_scope(by, commune)
    broadcast = Broadcast(
        commune=commune, on=on, title=title, minutes=minutes, source=source, created_by=by
    )
    if audio:
        broadcast.audio = audio
    broadcast.full_clean()
    if week_locked_for(by, commune=commune, week_start=monday_of(on)):
        raise ValidationError({"on": LOCKED_MESSAGE})
    broadcast.save()
    log_week(commune=commune, week_start=broadcast.week_start, by=by)
    return broadcast


@dataclass
class WeekEntry:
    on: datetime.date
    title: str
    minutes: int
    source: str


@transaction.atomic
def record_week(
    *,
    commune: Unit,
    week_start: datetime.date,
    entries: list[WeekEntry],
    no_programme: bool,
    by,
) -> list[Broadcast]:
    """Log a commune's week at once: its programmes, or that it broadcast none.

    Every entry is validated before anything is saved; one bad entry saves none.
    """
    _check_scope(by, commune)
    week_start = monday_of(week_start)
    if no_programme and entries:
        raise ValidationError(
            _("Either list the week's programmes or tick “no programme this week”, not both.")
        )
    if not no_programme and not entries:
        raise ValidationError(_("Enter at least one programme, or tick “no programme this week”."))
    saved = []
    for entry in entries:
        if monday_of(entry.on) != week_start:
            raise ValidationError(
                _("%(date)s is not in the week of %(week)s.")
                % {"date": entry.on.strftime("%d/%m/%Y"), "week": week_start.strftime("%d/%m/%Y")}
            )
        saved.append(
            record_broadcast(
                commune=commune,
                on=entry.on,
                title=entry.title,
                minutes=entry.minutes,
                source=entry.source,
                by=by,
            )
        )
    if no_programme:
        log_week(commune=commune, week_start=week_start, by=by, no_programme=True)
    return saved


def can_reopen(user) -> bool:
    """District officers (and the province) reopen; commune officers cannot."""
    if not user.has_perm("broadcasts.change_weeklylog"):
        return False
    return user.is_superuser or (user.unit is not None and user.unit.level != UnitLevel.COMMUNE)


@transaction.atomic
def reopen_week(*, commune: Unit, week_start: datetime.date, reason: str, by) -> WeeklyLog:
    """Reopen a locked week for a few days; the reason is kept with the log."""
    _check_scope(by, commune)
    if not can_reopen(by):
        raise PermissionDenied
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for reopening the week.")})
    week_start = monday_of(week_start)
    log, _created = WeeklyLog.objects.get_or_create(
        commune=commune, week_start=week_start, defaults={"reported_by": None}
    )
    days = reporting_settings().reopen_days
    log.reopened_until = timezone.now() + datetime.timedelta(days=days)
    log.save(update_fields=["reopened_until"])
    WeekReopening.objects.create(log=log, reason=reason.strip(), by=by)
    return log
