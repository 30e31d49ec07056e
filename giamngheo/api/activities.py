"""The activity register in the API: its public fields for anyone, and new
activities from a unit's system with its key, by the register's one rule
(``activities.services.check_activity``: the single form's checks)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from giamngheo.activities.models import Activity, ActivityKind, Channel
from giamngheo.activities.services import check_activity

from .auth import principal_of, unit_key
from .filters import IsoDate, Listing, in_dates, in_unit
from .paging import Out, answer, latest, page, page_of
from .problems import FieldErrors
from .writing import answer_created, in_both_languages, unit_version, unit_versions

router = Router(tags=["Registers"])


class ActivityOut(Out):
    id: int
    title: str
    kind: str
    kind_code: str
    group: str
    unit: str
    unit_name: str
    start_date: datetime.date
    end_date: datetime.date | None
    channel: str
    audience: str
    audience_reached: int | None
    participants: int | None
    link: str


ActivityPage = page_of(ActivityOut, "ActivityPage")
PUBLIC_FIELDS = (
    "id",
    "title",
    "start_date",
    "end_date",
    "channel",
    "audience",
    "audience_reached",
    "participants",
    "link",
)


def activity_row(activity: Activity) -> dict:
    """The register's public fields: no cost, notes, attachment or communicators."""
    return {
        **{name: getattr(activity, name) for name in PUBLIC_FIELDS},
        "kind": activity.kind.name,
        "kind_code": activity.kind.code,
        "group": activity.kind.group,
        "unit": activity.unit.code,
        "unit_name": activity.unit.name,
    }


@router.get(
    "/activities",
    response=ActivityPage,
    summary=_("The register of communication activities and products (public fields)"),
    operation_id="list_activities",
)
def list_activities(request: HttpRequest, query: Query[Listing]) -> HttpResponse:
    rows = Activity.objects.select_related("kind", "unit").only(
        *PUBLIC_FIELDS,
        "updated_at",
        "kind__name",
        "kind__code",
        "kind__group",
        "unit__code",
        "unit__name",
    )
    rows = in_unit(in_dates(rows, "start_date", query), "unit", query.unit)
    items, cursor = page(
        rows, ordering=("-start_date", "-pk"), cursor=query.cursor, limit=query.limit
    )
    data = {"items": [activity_row(a) for a in items], "next_cursor": cursor}
    return answer(request, ActivityPage, data, last_modified=latest(items, "updated_at"))


class ActivityIn(Schema):
    kind: str = Field(..., max_length=50, description="code of an activity kind")
    title: str = Field(..., min_length=1, max_length=255)
    unit: str = Field(..., max_length=10, description="statistics code of the unit")
    start_date: IsoDate
    end_date: IsoDate | None = None
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
    auth=unit_key,
)
def post_activity(request: HttpRequest, payload: ActivityIn) -> HttpResponse:
    by = principal_of(request)
    kind = ActivityKind.objects.filter(code=payload.kind, is_active=True).first()
    unit = unit_version(unit_versions({payload.unit}), payload.unit, payload.start_date)
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
        errors = in_both_languages(check)
        if errors:
            raise FieldErrors(errors)
        activity.save()
    return answer_created(request, ActivityOut, activity_row(activity))
