"""What a unit's own system does with its key: post radio programmes and activities,
read back its programmes and its feedback cases (without personal data).

Every call acts as the key's unit through the one scoping policy
(``accounts.scoping.UnitPrincipal``), and every write goes through the
service that owns the record, so a programme posted here gets the verdict the
form, the week grid and the import give it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from giamngheo.accounts import scoping
from giamngheo.activities.models import Activity, ActivityKind, Channel
from giamngheo.activities.services import check_activity
from giamngheo.broadcasts.models import Broadcast, BroadcastSource
from giamngheo.broadcasts.services import Programme, ProgrammeRule, store_programmes
from giamngheo.feedback.selectors import feedback_visible_to
from giamngheo.units.models import Unit, UnitLevel

from .auth import principal_of, unit_key
from .filters import Listing, in_dates, in_unit
from .paging import answer, latest, page, page_of
from .problems import FieldErrors
from .registers import ActivityOut

router = Router(tags=["With a unit key"], auth=unit_key)

# The rule's field names, as the API calls them.
API_FIELDS = {"on": "date"}
MAX_PROGRAMMES = 500


class KeyOut(Schema):
    name: str
    unit: str = Field(..., alias="unit.code")
    unit_name: str = Field(..., alias="unit.name")
    unit_level: str = Field(..., alias="unit.level")


@router.get("/key", response=KeyOut, summary=_("The key's app and unit"), operation_id="get_key")
def get_key(request: HttpRequest) -> HttpResponse:
    return answer(request, KeyOut, request.auth, private=True)


def _version(versions: dict[str, list[Unit]], code: str, on: datetime.date | None) -> Unit | None:
    """The version of the unit with ``code`` in force on ``on``, else its latest."""
    candidates = versions.get(code, [])
    in_force = [u for u in candidates if on is not None and u.is_in_force(on)]
    return (in_force or candidates[-1:] or [None])[0]


def _versions(codes: set[str], **filters: str) -> dict[str, list[Unit]]:
    found: dict[str, list[Unit]] = {}
    for unit in Unit.objects.filter(code__in=codes, **filters).order_by("valid_from"):
        found.setdefault(unit.code, []).append(unit)
    return found


def _in_both(check: Callable[[], dict[str, list[str]]]) -> dict[str, list[tuple[str, str]]]:
    """Run a check in Vietnamese, and again in English if it found anything: pairs by field."""
    with translation.override("vi"):
        vi = check()
    if not vi:
        return {}
    with translation.override("en"):
        en = check()
    return {
        field: list(zip(messages, en.get(field, messages), strict=False))
        for field, messages in vi.items()
    }


class ProgrammeIn(Schema):
    """Types only: the bounds are the one rule's (ProgrammeRule), said in its words."""

    commune: str = Field(..., max_length=10, description="statistics code of the commune")
    date: datetime.date
    title: str = Field(..., description="at most 255 characters")
    minutes: int = Field(..., description="1 to 1,440")
    source: BroadcastSource = BroadcastSource.OWN


class ProgrammesIn(Schema):
    programmes: list[ProgrammeIn] = Field(..., min_length=1, max_length=MAX_PROGRAMMES)


class ProgrammeOut(Schema):
    id: int
    commune: str = Field(..., alias="commune.code")
    commune_name: str = Field(..., alias="commune.name")
    date: datetime.date = Field(..., alias="on")
    week_start: datetime.date
    title: str
    minutes: int
    source: str
    created_at: datetime.datetime


class ProgrammesOut(Schema):
    items: list[ProgrammeOut]


ProgrammePage = page_of(ProgrammeOut, "ProgrammePage")


@router.post(
    "/radio-programmes",
    response={201: ProgrammesOut},
    summary=_("Log radio programmes of the key's communes (all or none)"),
    operation_id="post_radio_programmes",
)
def post_radio_programmes(request: HttpRequest, payload: ProgrammesIn) -> HttpResponse:
    by = principal_of(request)
    versions = _versions({p.commune for p in payload.programmes}, level=UnitLevel.COMMUNE)
    programmes = [
        Programme(
            commune=_version(versions, p.commune, p.date),
            on=p.date,
            title=p.title,
            minutes=p.minutes,
            source=p.source,
        )
        for p in payload.programmes
    ]

    def check() -> dict[str, list[str]]:
        rule = ProgrammeRule(by, programmes)
        found: dict[str, list[str]] = {}
        for index, p in enumerate(programmes):
            ref = f"programmes.{index}"
            errors = rule.errors(p, ref=ref)
            if p.commune is None:
                errors["commune"] = [str(_("No commune has this code."))]
            for field, messages in errors.items():
                found.setdefault(f"{ref}.{API_FIELDS.get(field, field)}", []).extend(messages)
        return found

    with transaction.atomic():
        errors = _in_both(check)
        if errors:
            raise FieldErrors(errors)
        # The key is no user: the log records no person (as for the demo loader).
        stored = store_programmes(programmes, by=None)
    return answer_created(request, ProgrammesOut, {"items": stored})


def answer_created(request: HttpRequest, schema: type[Schema], data: object) -> HttpResponse:
    response = answer(request, schema, data, private=True)
    response.status_code = 201
    return response


@router.get(
    "/radio-programmes",
    response=ProgrammePage,
    summary=_("Radio programmes logged by the key's communes"),
    operation_id="list_radio_programmes",
)
def list_radio_programmes(request: HttpRequest, query: Query[Listing]) -> HttpResponse:
    rows = scoping.scope(
        Broadcast.objects.select_related("commune"), principal_of(request), unit_field="commune"
    )
    rows = in_unit(in_dates(rows, "on", query), "commune", query.unit)
    items, cursor = page(rows, ordering=("-on", "-pk"), cursor=query.cursor, limit=query.limit)
    return answer(request, ProgrammePage, {"items": items, "next_cursor": cursor}, private=True)


class ActivityIn(Schema):
    kind: str = Field(..., max_length=50, description="code of an activity kind")
    title: str = Field(..., min_length=1, max_length=255)
    unit: str = Field(..., max_length=10, description="statistics code of the unit")
    start_date: datetime.date
    end_date: datetime.date | None = None
    channel: Channel | None = None
    audience: str = Field("", max_length=255)
    audience_reached: int | None = Field(None, ge=0, le=2_000_000_000)
    participants: int | None = Field(None, ge=0, le=2_000_000_000)
    cost: int | None = Field(None, ge=0, le=10**14, description="VND")
    link: str = Field("", max_length=500)


@router.post(
    "/activities",
    response={201: ActivityOut},
    summary=_("Add an activity of the key's unit to the register"),
    operation_id="post_activity",
)
def post_activity(request: HttpRequest, payload: ActivityIn) -> HttpResponse:
    by = principal_of(request)
    kind = ActivityKind.objects.filter(code=payload.kind, is_active=True).first()
    unit = _version(_versions({payload.unit}), payload.unit, payload.start_date)
    values = payload.dict(exclude={"kind", "unit"})
    activity = Activity(kind=kind, unit=unit, **{**values, "channel": payload.channel or ""})

    def check() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        if kind is None:
            found["kind"] = [str(_("No active activity kind has this code."))]
        if unit is None:
            found["unit"] = [str(_("No unit has this code."))]
        if found:
            return found
        try:
            check_activity(activity, by=by)
        except ValidationError as error:
            return error.message_dict
        return {}

    with transaction.atomic():
        errors = _in_both(check)
        if errors:
            raise FieldErrors(errors)
        activity.save()
    return answer_created(request, ActivityOut, activity)


class CaseOut(Schema):
    tracking_code: str
    category: str = Field(..., alias="category.code")
    commune: str | None
    assigned_unit: str | None
    status: str
    channel: str
    requested_at: datetime.datetime
    due_on: datetime.date | None
    answered_at: datetime.datetime | None
    closed_at: datetime.datetime | None


CasePage = page_of(CaseOut, "CasePage")


@router.get(
    "/feedback-cases",
    response=CasePage,
    summary=_("Citizens' feedback cases of the key's unit, without personal data"),
    operation_id="list_feedback_cases",
)
def list_feedback_cases(request: HttpRequest, query: Query[Listing]) -> HttpResponse:
    rows = feedback_visible_to(principal_of(request)).select_related(
        "category", "commune", "assigned_unit"
    )
    rows = in_unit(in_dates(rows, "requested_at__date", query), "commune", query.unit)
    items, cursor = page(
        rows, ordering=("-requested_at", "-pk"), cursor=query.cursor, limit=query.limit
    )
    data = {
        "items": [
            {
                **{name: getattr(case, name) for name in CASE_FIELDS},
                "category": case.category.code,
                "commune": case.commune.code if case.commune_id else None,
                "assigned_unit": case.assigned_unit.code if case.assigned_unit_id else None,
            }
            for case in items
        ],
        "next_cursor": cursor,
    }
    return answer(request, CasePage, data, last_modified=latest(items, "updated_at"), private=True)


# No name, phone, e-mail, address, position, text or answer: they may name a citizen.
CASE_FIELDS = (
    "tracking_code",
    "status",
    "channel",
    "requested_at",
    "due_on",
    "answered_at",
    "closed_at",
)
