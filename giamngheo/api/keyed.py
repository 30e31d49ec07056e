"""What a unit's own system does with its key: post radio programmes and activities,
read back its programmes and its feedback cases (without personal data).

Every call acts as the key's unit through the one scoping policy
(``accounts.scoping.UnitPrincipal``), and every write goes through the
service that owns the record, so a programme posted here gets the verdict the
form, the week grid and the import give it.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from giamngheo.accounts import scoping
from giamngheo.broadcasts.models import Broadcast, BroadcastSource
from giamngheo.broadcasts.services import Programme, ProgrammeRule, store_programmes
from giamngheo.feedback.selectors import feedback_visible_to
from giamngheo.units.models import UnitLevel

from .auth import principal_of, unit_key
from .filters import IsoDate, Listing, in_dates, in_unit
from .paging import Out, answer, latest, page, page_of
from .problems import FieldErrors
from .writing import answer_created, in_both_languages, unit_version, unit_versions

router = Router(tags=["With a unit key"], auth=unit_key)

# The rule's field names, as the API calls them.
API_FIELDS = {"on": "date"}
MAX_PROGRAMMES = 500


class KeyOut(Out):
    name: str
    unit: str
    unit_name: str
    unit_level: str


@router.get("/key", response=KeyOut, summary=_("The key's app and unit"), operation_id="get_key")
def get_key(request: HttpRequest) -> HttpResponse:
    key = request.auth
    data = {"name": key.name, "unit": key.unit.code, "unit_name": key.unit.name}
    return answer(request, KeyOut, data | {"unit_level": key.unit.level}, private=True)


class ProgrammeIn(Schema):
    """Types only: the bounds are the one rule's (ProgrammeRule), said in its words."""

    commune: str = Field(..., max_length=10, description="statistics code of the commune")
    date: IsoDate
    title: str = Field(..., description="at most 255 characters")
    minutes: int = Field(..., description="1 to 1,440")
    source: BroadcastSource = BroadcastSource.OWN


class ProgrammesIn(Schema):
    programmes: list[ProgrammeIn] = Field(..., min_length=1, max_length=MAX_PROGRAMMES)


class ProgrammeOut(Out):
    id: int
    commune: str
    commune_name: str
    date: datetime.date
    week_start: datetime.date
    title: str
    minutes: int
    source: str
    created_at: datetime.datetime


def programme_row(broadcast: Broadcast) -> dict:
    return {
        **{name: getattr(broadcast, name) for name in PROGRAMME_FIELDS},
        "commune": broadcast.commune.code,
        "commune_name": broadcast.commune.name,
        "date": broadcast.on,
    }


PROGRAMME_FIELDS = ("id", "week_start", "title", "minutes", "source", "created_at")


class ProgrammesOut(Out):
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
    versions = unit_versions({p.commune for p in payload.programmes}, level=UnitLevel.COMMUNE)
    programmes = [
        Programme(
            commune=unit_version(versions, p.commune, p.date),
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
        errors = in_both_languages(check)
        if errors:
            raise FieldErrors(errors)
        # The key is no user: the log records no person (as for the demo loader).
        stored = store_programmes(programmes, by=None)
    return answer_created(request, ProgrammesOut, {"items": [programme_row(b) for b in stored]})


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
    return answer(
        request,
        ProgrammePage,
        {"items": [programme_row(b) for b in items], "next_cursor": cursor},
        private=True,
    )


class CaseOut(Out):
    tracking_code: str
    category: str
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
