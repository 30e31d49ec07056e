"""The one rule of a radio programme, and every write to the radio log.

A programme comes in by the single form, the week grid, the Excel import and the
demo loader; each builds ``Programme`` entries and asks ``ProgrammeRule``, so
the same programme gets the same verdict whichever way it came.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from giamngheo.accounts import scoping
from giamngheo.indicators.cache import bump_year
from giamngheo.units.models import Unit, UnitLevel

from . import rollup
from .models import Broadcast, BroadcastSource, WeeklyLog, WeekReopening, monday_of
from .selectors import reporting_settings

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


@dataclass
class Programme:
    """A radio programme as any entry route hands it in, before it is stored.

    The single form, the week grid, the Excel import and the demo loader build
    these and ask the one ``ProgrammeRule``; a field an entry route could not
    read is None.
    """

    commune: Unit | None
    on: datetime.date | None
    title: str | None
    minutes: int | None
    source: str | None = BroadcastSource.OWN
    audio: object = None
    pk: int | None = None  # the stored programme being edited, if any
    stored_week: datetime.date | None = None  # its week before the edit


class ProgrammeRule:
    """Every check of a radio programme, loaded for a batch in a fixed number of queries.

    Whether a programme can be stored does not depend on a programme period: a
    period only decides what its indicators count. ``by`` None is the system
    (the demo loader), which sees every unit and no locked week.
    """

    def __init__(self, by, programmes: Sequence[Programme]):
        self.today = timezone.localdate()
        communes = {p.commune.pk for p in programmes if p.commune is not None}
        self.visible = (
            communes
            if by is None
            else set(
                scoping.units_visible_to(by).filter(pk__in=communes).values_list("pk", flat=True)
            )
        )
        self.locks_apply = by is not None and not scoping.is_province_wide(by)
        self.lock_days = reporting_settings().lock_days if self.locks_apply else 0
        self.reopened: set[tuple[int, datetime.date]] = set()
        dates = [p.on for p in programmes if p.on is not None]
        self.stored: dict[tuple, int] = {}
        if communes and dates:
            if self.locks_apply:
                self.reopened = set(
                    WeeklyLog.objects.filter(
                        commune__in=communes, reopened_until__gt=timezone.now()
                    ).values_list("commune_id", "week_start")
                )
            rows = Broadcast.objects.filter(
                commune__in=communes, on__range=(min(dates), max(dates))
            ).values_list("pk", "commune_id", "on", "title")
            self.stored = {(c, on, title.casefold()): pk for pk, c, on, title in rows}
        self.seen: dict[tuple, str] = {}

    def is_locked(self, commune: Unit, week_start: datetime.date) -> bool:
        if not self.locks_apply:
            return False
        if self.today <= week_start + datetime.timedelta(days=6 + self.lock_days):
            return False
        return (commune.pk, week_start) not in self.reopened

    def errors(self, p: Programme, *, ref: str = "") -> dict[str, list[str]]:
        errors: dict[str, list[str]] = defaultdict(list)
        for name in ("commune", "on", "title", "minutes"):
            if getattr(p, name) in (None, ""):
                errors[name].append(_("This field is required."))
        if p.commune is not None:
            if p.commune.level != UnitLevel.COMMUNE or p.commune.pk not in self.visible:
                errors["commune"].append(
                    _("%(commune)s (%(code)s) is not one of your communes.")
                    % {"commune": p.commune.name, "code": p.commune.code}
                )
            elif p.on is not None and not p.commune.is_in_force(p.on):
                errors["commune"].append(
                    _("On %(date)s this commune did not exist under this name and code.")
                    % {"date": p.on.strftime("%d/%m/%Y")}
                )
        if p.on is not None:
            if p.on > self.today:
                errors["on"].append(_("The broadcast date is in the future."))
            weeks = {monday_of(p.on), p.stored_week} - {None}
            if p.commune is not None and any(self.is_locked(p.commune, w) for w in weeks):
                errors["on"].append(str(LOCKED_MESSAGE))
        if p.minutes is not None and not 1 <= p.minutes <= 24 * 60:
            errors["minutes"].append(_("The duration is from 1 to 1,440 minutes (a day)."))
        if p.title and len(p.title) > 255:
            errors["title"].append(_("The title is longer than 255 characters."))
        if p.source and p.source not in BroadcastSource.values:
            errors["source"].append(_("Choose one of the listed sources."))
        if p.commune is not None and p.on is not None and p.title:
            key = (p.commune.pk, p.on, p.title.strip().casefold())
            if self.stored.get(key, p.pk) != p.pk:
                errors["title"].append(_("This programme is already logged."))
            elif key in self.seen:
                errors["title"].append(
                    _("The same commune, date and title as %(first)s.") % {"first": self.seen[key]}
                )
            else:
                self.seen[key] = ref
        return dict(errors)


def check_programmes(programmes: Sequence[Programme], *, by, refs: Sequence[str]) -> None:
    """Raise one ValidationError naming every problem of every programme, if any."""
    rule = ProgrammeRule(by, programmes)
    messages = [
        f"{ref}: {message}" if ref else message
        for p, ref in zip(programmes, refs, strict=True)
        for field_messages in rule.errors(p, ref=ref).values()
        for message in field_messages
    ]
    if messages:
        raise ValidationError(messages)


def store_programmes(programmes: Sequence[Programme], *, by, created_by=None) -> list[Broadcast]:
    """Write checked programmes and the weeks they report; the caller holds the transaction."""
    broadcasts = [
        Broadcast(
            commune=p.commune,
            on=p.on,
            week_start=monday_of(p.on),
            title=p.title.strip(),
            minutes=p.minutes,
            source=p.source or BroadcastSource.OWN,
            audio=p.audio or "",
            created_by=created_by or by,
        )
        for p in programmes
    ]
    Broadcast.objects.bulk_create(broadcasts, batch_size=2000)
    weeks = {(b.commune_id, b.week_start) for b in broadcasts}
    known = set(
        WeeklyLog.objects.filter(
            commune_id__in={c for c, _w in weeks}, week_start__in={w for _c, w in weeks}
        ).values_list("commune_id", "week_start")
    )
    WeeklyLog.objects.bulk_create(
        [WeeklyLog(commune_id=c, week_start=w, reported_by=by) for c, w in weeks - known],
        batch_size=2000,
    )
    rollup.refresh(rollup.pairs_of(broadcasts))  # bulk_create sends no signals
    for year in {b.on.year for b in broadcasts}:
        bump_year(year)
    return broadcasts


@transaction.atomic
def record_programmes(programmes: Sequence[Programme], *, by, refs: Sequence[str]) -> list:
    """Check then store programmes: all of them, or none with every problem named."""
    check_programmes(programmes, by=by, refs=refs)
    return store_programmes(programmes, by=by)


@transaction.atomic
def record_week(
    *,
    commune: Unit,
    week_start: datetime.date,
    programmes: list[Programme],
    no_programme: bool,
    by,
) -> list[Broadcast]:
    """Log a commune's week at once: its programmes, or that it broadcast none.

    Every programme is checked before anything is saved; one bad line saves none.
    """
    _check_scope(by, commune)
    week_start = monday_of(week_start)
    if no_programme and programmes:
        raise ValidationError(
            _("Either list the week's programmes or tick “no programme this week”, not both.")
        )
    if not no_programme and not programmes:
        raise ValidationError(_("Enter at least one programme, or tick “no programme this week”."))
    for p in programmes:
        if p.on is not None and monday_of(p.on) != week_start:
            raise ValidationError(
                _("%(date)s is not in the week of %(week)s.")
                % {"date": p.on.strftime("%d/%m/%Y"), "week": week_start.strftime("%d/%m/%Y")}
            )
    if no_programme:
        if week_start > timezone.localdate():
            raise ValidationError(_("The week has not started yet."))
        log_week(commune=commune, week_start=week_start, by=by, no_programme=True)
        return []
    refs = [_("line %d") % number for number in range(1, len(programmes) + 1)]
    return record_programmes(programmes, by=by, refs=refs)


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
