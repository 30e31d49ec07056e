"""A commune officer logs a week of radio at once."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from giamngheo.broadcasts.models import Broadcast, WeeklyLog, monday_of
from tests.broadcasts.conftest import PHU_DA, PHU_THUAN
from tests.conftest import unit


def this_period_monday():
    """Last week's Monday: open for entry, inside the current map."""
    return monday_of(timezone.localdate()) - datetime.timedelta(days=7)


def post_week(client, commune, week, rows, no_programme=False):
    data = {
        "commune": commune.pk,
        "week": week.isoformat(),
        "p-TOTAL_FORMS": "7",
        "p-INITIAL_FORMS": "0",
        "p-MIN_NUM_FORMS": "0",
        "p-MAX_NUM_FORMS": "20",
    }
    if no_programme:
        data["no_programme"] = "on"
    for i in range(7):
        row = rows[i] if i < len(rows) else {}
        data[f"p-{i}-on"] = row.get("on", "")
        data[f"p-{i}-title"] = row.get("title", "")
        data[f"p-{i}-minutes"] = row.get("minutes", "")
        data[f"p-{i}-source"] = row.get("source", "own")
    return client.post(reverse("broadcasts_week"), data)


@pytest.fixture
def current_commune_officer(hue_units):
    from tests.accounts.factories import UserFactory

    # A commune of today's map: Phường Thuận An (19900).
    return UserFactory(role="commune_officer", unit=unit("19900", timezone.localdate()))


def test_commune_officer_logs_a_week_in_one_form(client, current_commune_officer):
    client.force_login(current_commune_officer)
    week = this_period_monday()
    commune = current_commune_officer.unit
    response = post_week(
        client,
        commune,
        week,
        [
            {"on": week.isoformat(), "title": "Chính sách nhà ở", "minutes": "15"},
            {
                "on": (week + datetime.timedelta(days=3)).isoformat(),
                "title": "Vay vốn",
                "minutes": "20",
                "source": "province",
            },
        ],
    )
    assert response.status_code == 302
    logged = Broadcast.objects.filter(commune=commune, week_start=week)
    assert sorted(logged.values_list("title", flat=True)) == ["Chính sách nhà ở", "Vay vốn"]
    assert WeeklyLog.objects.get(commune=commune, week_start=week).reported_by == (
        current_commune_officer
    )


def test_a_week_with_no_programme_is_reported_as_such(client, current_commune_officer):
    client.force_login(current_commune_officer)
    week = this_period_monday()
    response = post_week(client, current_commune_officer.unit, week, [], no_programme=True)
    assert response.status_code == 302
    assert WeeklyLog.objects.get(commune=current_commune_officer.unit, week_start=week).no_programme


def test_one_bad_row_saves_nothing(client, current_commune_officer):
    client.force_login(current_commune_officer)
    week = this_period_monday()
    outside = week + datetime.timedelta(days=9)
    response = post_week(
        client,
        current_commune_officer.unit,
        week,
        [
            {"on": week.isoformat(), "title": "Hợp lệ", "minutes": "15"},
            {"on": outside.isoformat(), "title": "Sai tuần", "minutes": "15"},
        ],
    )
    assert response.status_code == 200
    assert "không thuộc tuần" in response.text
    assert not Broadcast.objects.filter(commune=current_commune_officer.unit).exists()


def test_a_half_filled_row_names_the_missing_field(client, current_commune_officer):
    client.force_login(current_commune_officer)
    week = this_period_monday()
    response = post_week(
        client, current_commune_officer.unit, week, [{"on": week.isoformat(), "title": "Thiếu"}]
    )
    assert response.status_code == 200
    assert not Broadcast.objects.exists()


def test_officer_cannot_log_for_another_commune(client, commune_officer, hue_units):
    client.force_login(commune_officer)
    response = post_week(
        client,
        unit(PHU_THUAN),
        datetime.date(2023, 6, 5),
        [{"on": "2023-06-05", "title": "Không được", "minutes": "15"}],
    )
    assert response.status_code == 200  # the commune is not among the choices
    assert not Broadcast.objects.filter(commune__code=PHU_THUAN).exists()


def test_the_week_form_offers_only_the_officers_commune(client, commune_officer):
    client.force_login(commune_officer)
    response = client.get(reverse("broadcasts_week"))
    choices = response.context["form"].fields["commune"].queryset
    assert set(choices.values_list("code", flat=True)) == {PHU_DA}
