"""Public reads of the registers: approved poverty figures, the activity register's
public fields, and the published answers to citizens' questions.

Only what the site already publishes: poverty rows the province approved
(``PovertyStatistic.objects.approved``), activities without cost, notes or
communicators, answers that are live (anonymised by staff before publishing).
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router

from giamngheo.feedback import selectors as feedback_selectors
from giamngheo.poverty.models import PovertyStatistic

from .filters import Listing, in_dates, in_unit
from .paging import Out, answer, latest, page, page_of

router = Router(tags=["Registers"])


class PovertyOut(Out):
    unit: str
    unit_name: str
    year: int
    households: int
    poor_households: int
    near_poor_households: int
    poverty_standard: str
    source: str


PovertyPage = page_of(PovertyOut, "PovertyPage")
POVERTY_FIELDS = (
    "year",
    "households",
    "poor_households",
    "near_poor_households",
    "poverty_standard",
    "source",
)


def poverty_row(row: PovertyStatistic) -> dict:
    return {
        **{name: getattr(row, name) for name in POVERTY_FIELDS},
        "unit": row.unit_code,
        "unit_name": row.unit.name,
    }


class PovertyQuery(Listing):
    year: int | None = Field(None, ge=1900, le=2200)


@router.get(
    "/poverty",
    response=PovertyPage,
    summary=_("Approved poverty figures (poor and near-poor households) by year and unit"),
    operation_id="list_poverty",
)
def list_poverty(request: HttpRequest, query: Query[PovertyQuery]) -> HttpResponse:
    rows = PovertyStatistic.objects.approved().select_related("unit")
    if query.year:
        rows = rows.filter(year=query.year)
    if query.since:
        rows = rows.filter(year__gte=query.since.year)
    if query.until:
        rows = rows.filter(year__lte=query.until.year)
    rows = in_unit(rows, "unit", query.unit)
    items, cursor = page(
        rows, ordering=("-year", "unit_code", "pk"), cursor=query.cursor, limit=query.limit
    )
    data = {"items": [poverty_row(row) for row in items], "next_cursor": cursor}
    return answer(request, PovertyPage, data, last_modified=latest(items, "updated_at"))


class AnswerOut(Out):
    id: int
    category: str
    question: str
    answer: str
    published_at: datetime.datetime
    link: str


AnswerPage = page_of(AnswerOut, "AnswerPage")


@router.get(
    "/answers",
    response=AnswerPage,
    summary=_("Published answers to citizens' questions"),
    operation_id="list_answers",
)
def list_answers(request: HttpRequest, query: Query[Listing]) -> HttpResponse:
    rows = feedback_selectors.published_answers()
    rows = in_dates(rows, "published_at__date", query)
    rows = in_unit(rows, "feedback__commune", query.unit)
    items, cursor = page(
        rows, ordering=("-published_at", "-pk"), cursor=query.cursor, limit=query.limit
    )
    data = {
        "items": [
            {
                "id": a.pk,
                "category": a.category.name,
                "question": a.question,
                "answer": a.answer,
                "published_at": a.published_at,
                "link": request.build_absolute_uri(reverse("feedback:answer", args=[a.pk])),
            }
            for a in items
        ],
        "next_cursor": cursor,
    }
    return answer(request, AnswerPage, data, last_modified=latest(items, "published_at"))
