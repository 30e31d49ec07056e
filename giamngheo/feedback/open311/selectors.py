"""What GET requests may show, as GeoReport v2 service requests.

Two readers, two views of a case:

* whoever holds a case's tracking code (the ``service_request_id`` that POST
  returned to the app) sees what the portal's tracking page shows with that
  code: the status, the text they sent, the answer or the reason for a
  rejection, the unit handling it;
* anyone else sees only the public Q&A: cases province staff published,
  as the anonymised question and answer they wrote, under a public id
  ``HD-<n>`` (the number of its page at /hoi-dap/<n>/). Tracking codes are
  never listed: with one, a stranger could read the private answer on the
  tracking page, rate it or reopen the case.

Contact details, attachments, internal notes and who handled a case are in
neither view.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence

from django.db.models import Q, QuerySet
from django.utils import timezone

from ..models import (
    OPEN_STATUSES,
    Feedback,
    FeedbackStatus,
    PublishedAnswer,
    normalise_tracking_code,
)
from ..selectors import active_categories, communes_for_citizens

PUBLIC_ID = re.compile(r"^HD-(\d{1,12})$", re.IGNORECASE)
OPEN, CLOSED = "open", "closed"
# Answered cases count as resolved ("closed"); a reopened one is open again.
STATUS_GROUPS = {
    OPEN: [str(s) for s in OPEN_STATUSES],
    CLOSED: [str(s) for s in FeedbackStatus if s not in OPEN_STATUSES],
}
_CASE_RELATIONS = ("category", "commune", "commune__parent", "assigned_unit")


def public_id(published: PublishedAnswer) -> str:
    return f"HD-{published.pk}"


def open311_status(status: str) -> str:
    return OPEN if status in OPEN_STATUSES else CLOSED


def _updated(feedback: Feedback) -> datetime.datetime:
    # The spec: for a closed request, the time it was closed.
    if open311_status(feedback.status) == CLOSED:
        return feedback.closed_at or feedback.answered_at or feedback.updated_at
    return feedback.updated_at


def _expected(feedback: Feedback) -> datetime.datetime | None:
    """The end of the deadline day, while the case is open."""
    if open311_status(feedback.status) == CLOSED or feedback.due_on is None:
        return None
    end_of_day = datetime.datetime.combine(feedback.due_on, datetime.time(23, 59, 59))
    return timezone.make_aware(end_of_day)


def _commune_address(feedback: Feedback) -> str:
    commune = feedback.commune
    parent = commune.parent.name if commune.parent_id else ""
    return ", ".join(part for part in (commune.name, parent) if part)


def _request(
    feedback: Feedback,
    *,
    service_request_id: str,
    status_notes: str | None,
    service_name: str,
    service_code: str,
    description: str | None,
    address: str,
    lat=None,
    long=None,
) -> dict:
    """One service request, its fields in the spec's order."""
    return {
        "service_request_id": service_request_id,
        "status": open311_status(feedback.status),
        "status_notes": status_notes or None,
        "service_name": service_name,
        "service_code": service_code,
        "description": description or None,
        "agency_responsible": feedback.assigned_unit.name if feedback.assigned_unit_id else None,
        "service_notice": None,
        "requested_datetime": feedback.requested_at,
        "updated_datetime": _updated(feedback),
        "expected_datetime": _expected(feedback),
        "address": address,
        "address_id": feedback.commune.code,
        "zipcode": None,
        "lat": lat,
        "long": long,
        "media_url": None,
    }


def as_tracked(feedback: Feedback) -> dict:
    """The case as its tracking page shows it to whoever holds the code."""
    if feedback.status == FeedbackStatus.REJECTED:
        notes = feedback.rejection_reason
    elif feedback.can_be_rated:
        notes = feedback.answer
    else:
        notes = None
    place = ", ".join(part for part in (feedback.address, _commune_address(feedback)) if part)
    return _request(
        feedback,
        service_request_id=feedback.tracking_code,
        status_notes=notes,
        service_name=feedback.category.name,
        service_code=feedback.category.code,
        description=feedback.text,
        address=place,
        lat=feedback.latitude,
        long=feedback.longitude,
    )


def as_published(published: PublishedAnswer) -> dict:
    """The public Q&A entry: staff's anonymised text, the commune, no coordinates."""
    return _request(
        published.feedback,
        service_request_id=public_id(published),
        status_notes=published.answer,
        service_name=published.category.name,
        service_code=published.category.code,
        description=published.question,
        address=_commune_address(published.feedback),
    )


def _published() -> QuerySet[PublishedAnswer]:
    return PublishedAnswer.objects.filter(is_live=True).select_related(
        "category", *(f"feedback__{name}" for name in _CASE_RELATIONS)
    )


def split_ids(ids: Iterable[str]) -> tuple[list[str], list[int]]:
    """Tracking codes and public Q&A numbers among the ids asked for."""
    codes: list[str] = []
    numbers: list[int] = []
    for raw in ids:
        match = PUBLIC_ID.match(raw)
        if match:
            numbers.append(int(match.group(1)))
        elif code := normalise_tracking_code(raw):
            codes.append(code)
    return codes, numbers


def requests_by_ids(ids: Sequence[str]) -> list[dict]:
    """The requests with these ids that exist, in the order asked; two queries at most."""
    codes, numbers = split_ids(ids)
    found: dict[str, dict] = {}
    if codes:
        cases = Feedback.objects.filter(tracking_code__in=codes).select_related(*_CASE_RELATIONS)
        found |= {case.tracking_code: as_tracked(case) for case in cases}
    if numbers:
        found |= {public_id(p): as_published(p) for p in _published().filter(pk__in=numbers)}
    result: list[dict] = []
    for raw in ids:
        key = raw.upper() if PUBLIC_ID.match(raw) else normalise_tracking_code(raw)
        item = found.pop(key, None)
        if item is not None:
            result.append(item)
    return result


def published_requests(
    *,
    start: datetime.datetime,
    end: datetime.datetime,
    service_codes: Sequence[str] = (),
    statuses: Sequence[str] = (),
    offset: int = 0,
    limit: int = 1000,
) -> list[dict]:
    """Public Q&A entries whose case was received from ``start`` to ``end``, newest first."""
    published = _published().filter(
        feedback__requested_at__gte=start, feedback__requested_at__lte=end
    )
    if service_codes:
        published = published.filter(category__code__in=service_codes)
    if statuses:
        wanted = Q(pk__in=[])
        for status in statuses:
            wanted |= Q(feedback__status__in=STATUS_GROUPS[status])
        published = published.filter(wanted)
    published = published.order_by("-feedback__requested_at", "-pk")[offset : offset + limit]
    return [as_published(p) for p in published]


def services() -> list[dict]:
    return [
        {"service_code": c.code, "service_name": c.name, "description": c.description or None}
        for c in active_categories()
    ]


def commune_choices() -> list[tuple[str, str]]:
    """(code, name) of the communes a citizen may name, as the portal's form offers them."""
    return [(unit.code, unit.name) for unit in communes_for_citizens()]
