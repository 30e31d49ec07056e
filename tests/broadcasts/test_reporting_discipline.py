"""Weeks lock after a while; a district officer reopens them with a reason."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from giamngheo.broadcasts import services
from giamngheo.broadcasts.models import Broadcast, WeekReopening
from giamngheo.broadcasts.selectors import is_week_locked, reporting_discipline
from tests.broadcasts.factories import BroadcastFactory


def test_an_old_week_is_locked(phu_da, monday):
    assert is_week_locked(commune=phu_da, week_start=monday)


def test_a_programme_cannot_be_added_to_a_locked_week(phu_da, monday, commune_officer):
    with pytest.raises(ValidationError) as error:
        services.record_programmes(
            [services.Programme(phu_da, monday, "Muộn", 15)], by=commune_officer, refs=[""]
        )
    assert "khóa" in str(error.value)
    assert not Broadcast.objects.exists()


def test_district_officer_reopens_a_week_and_the_commune_can_log(
    phu_da, monday, commune_officer, district_officer
):
    services.reopen_week(
        commune=phu_da, week_start=monday, reason="Đài hỏng, nhập bù", by=district_officer
    )
    assert not is_week_locked(commune=phu_da, week_start=monday)
    services.record_programmes(
        [services.Programme(phu_da, monday, "Nhập bù", 15)], by=commune_officer, refs=[""]
    )
    assert WeekReopening.objects.get().reason == "Đài hỏng, nhập bù"


def test_commune_officer_cannot_reopen(phu_da, monday, commune_officer):
    with pytest.raises(PermissionDenied):
        services.reopen_week(commune=phu_da, week_start=monday, reason="x", by=commune_officer)


def test_reopening_needs_a_reason(phu_da, monday, district_officer):
    with pytest.raises(ValidationError):
        services.reopen_week(commune=phu_da, week_start=monday, reason="  ", by=district_officer)


def test_deleting_from_a_locked_week_is_refused(client, commune_officer, phu_da, monday):
    broadcast = BroadcastFactory(commune=phu_da, on=monday)
    client.force_login(commune_officer)
    response = client.post(reverse("broadcasts:delete", args=[broadcast.pk]))
    assert response.status_code == 302
    assert Broadcast.objects.filter(pk=broadcast.pk).exists()


def test_reopen_page_is_for_districts_only(client, commune_officer, district_officer):
    client.force_login(commune_officer)
    assert client.get(reverse("broadcasts_reopen")).status_code in (302, 403)
    client.force_login(district_officer)
    assert client.get(reverse("broadcasts_reopen")).status_code == 200


def test_on_time_late_and_missing_weeks_are_counted(phu_da, monday, commune_officer):
    from giamngheo.broadcasts.models import WeeklyLog

    communes = type(phu_da).objects.filter(pk=phu_da.pk)
    weeks = [monday, monday + datetime.timedelta(days=7), monday + datetime.timedelta(days=14)]
    WeeklyLog.objects.create(
        commune=phu_da, week_start=weeks[0], reported_on=weeks[0] + datetime.timedelta(days=8)
    )
    WeeklyLog.objects.create(
        commune=phu_da, week_start=weeks[1], reported_on=weeks[1] + datetime.timedelta(days=20)
    )
    figures = reporting_discipline(communes=communes, weeks=weeks)
    assert (figures.expected, figures.on_time, figures.late, figures.missing) == (3, 1, 1, 1)


def test_reopenings_are_listed_with_their_reason_within_scope(
    client, phu_da, monday, district_officer, hue_units
):
    from giamngheo.accounts.roles import role_group
    from tests.accounts.factories import UserFactory
    from tests.conftest import unit

    services.reopen_week(commune=phu_da, week_start=monday, reason="Nhập bù", by=district_officer)
    client.force_login(district_officer)
    response = client.get(reverse("radio_reopenings:index"))
    assert response.status_code == 200
    assert "Nhập bù" in response.text
    # A Lưới's district officer does not see Phú Vang's reopenings.
    other = UserFactory(role="district_officer", unit=unit("481"))
    assert role_group("district_officer") in other.groups.all()
    client.force_login(other)
    assert "Nhập bù" not in client.get(reverse("radio_reopenings:index")).text
