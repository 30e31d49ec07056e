"""One rule for an activity, whichever way it comes in: the same table of good and bad
activities through the record form and the Excel import gets the same verdicts, in the
same Vietnamese words (``activities.rules.ActivityRule``)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from giamngheo.activities.importers import activity_columns, import_activities
from giamngheo.activities.models import Activity
from giamngheo.units.models import Unit
from tests.conftest import unit

from .factories import ActivityFactory, kind, xlsx

pytestmark = pytest.mark.django_db

# (unit code, title, date, end date, people reached) → words of the refusal, or None.
CASES = [
    (("19942", "Họp dân thôn 1", "2023-03-15", None, 60), None),
    (("19942", "Họp dân thôn 1", "2026-03-15", None, 60), None),  # no period decides it
    (
        ("19942", "Kết thúc trước", "2023-03-15", "2023-03-01", 60),
        "không thể kết thúc trước khi bắt đầu",
    ),
    # The form's number field and the import's cell refuse it first, each in its words.
    (("19942", "Âm", "2023-03-15", None, -5), "0"),
    (("19903", "Xã đã sáp nhập", "2025-08-01", None, 60), "không còn hiệu lực vào ngày 01/08/2025"),
    (("19942", "HỌP DÂN THÔN 9", "2023-03-15", None, 60), "đã có trong sổ"),
]


@pytest.fixture
def registered(hue_units):
    ActivityFactory(
        unit=unit("19942"),
        kind=kind("hop-dan"),
        title="Họp dân thôn 9",
        start_date=datetime.date(2023, 3, 15),
    )


def version(code: str, day: str) -> Unit:
    """The unit's version in force on the day, or its last (which the rule refuses)."""
    on = datetime.date.fromisoformat(day)
    versions = list(Unit.objects.filter(code=code).order_by("valid_from"))
    return next((u for u in versions if u.is_in_force(on)), versions[-1])


def through_the_form(client, values) -> str | None:
    code, title, day, end, reached = values
    count = Activity.objects.count()
    data = {
        "kind": kind("hop-dan").pk,
        "unit": version(code, day).pk,
        "title": title,
        "start_date": day,
        "end_date": end or "",
        "channel": "in_person",
        "audience_reached": reached,
    }
    response = client.post(reverse("activities:add"), data)
    if response.status_code == 302:
        assert Activity.objects.count() == count + 1
        return None
    form = response.context["form"]
    return " ".join(message for messages in form.errors.values() for message in messages)


def through_the_import(user, values) -> str | None:
    code, title, day, end, reached = values
    dmy = "{2}/{1}/{0}".format(*day.split("-"))
    end_dmy = "{2}/{1}/{0}".format(*end.split("-")) if end else None
    with translation.override("vi"):
        headers = [column.header for column in activity_columns()]
    row = ["hop dan", title, code, dmy, end_dmy, "Trực tiếp", "", reached, None, None, None]
    with translation.override("vi"):
        report = import_activities(upload=xlsx(headers, [row]), by=user)
    if not report.has_errors:
        assert report.added == 1
        return None
    with translation.override("vi"):
        return " ".join(str(error) for error in report.errors)


@pytest.mark.parametrize(("values", "refusal"), CASES)
@pytest.mark.parametrize("route", ["form", "import"])
def test_every_route_gives_the_same_verdict(
    client, province_staff, registered, route, values, refusal
):
    if route == "form":
        client.force_login(province_staff)
        said = through_the_form(client, values)
    else:
        said = through_the_import(province_staff, values)
    if refusal is None:
        assert said is None, said
    else:
        assert said is not None and refusal in said, said
