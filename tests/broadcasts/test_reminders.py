"""The weekly reminder reaches the communes that logged nothing, and their district."""

import datetime

from django.core import mail
from django.core.management import call_command

from giamngheo.broadcasts.models import WeeklyLog
from giamngheo.broadcasts.tasks import send_radio_reminders
from tests.broadcasts.conftest import A_NGO
from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import unit

WEEK = datetime.date(2023, 6, 5)


def test_reminder_goes_to_silent_communes_and_their_district(
    commune_officer, district_officer, hue_units
):
    # Phú Đa (the commune officer's) logged nothing; A Ngo logged a programme.
    BroadcastFactory(commune=unit(A_NGO), on=WEEK)
    sent = send_radio_reminders.call(WEEK.isoformat())
    recipients = {address for message in mail.outbox for address in message.to}
    assert commune_officer.email in recipients
    assert district_officer.email in recipients
    assert sent == len(mail.outbox) == 2
    officer_mail = next(m for m in mail.outbox if commune_officer.email in m.to)
    assert "Thị trấn Phú Đa" in officer_mail.body
    assert "Xã A Ngo" not in officer_mail.body
    assert "05/06/2023" in officer_mail.subject


def test_a_week_reported_as_empty_gets_no_reminder(commune_officer, hue_units):
    WeeklyLog.objects.create(commune=unit("19942"), week_start=WEEK, no_programme=True)
    send_radio_reminders.call(WEEK.isoformat())
    assert all(commune_officer.email not in m.to for m in mail.outbox)


def test_command_queues_the_task(commune_officer, hue_units, capsys):
    call_command("send_radio_reminders", "--week", WEEK.isoformat())
    assert "queued" in capsys.readouterr().out
    assert any(commune_officer.email in m.to for m in mail.outbox)


def test_the_reminders_link_uses_the_address_the_site_is_served_at(
    commune_officer, hue_units, settings
):
    settings.PUBLIC_BASE_URL = "https://giamngheo.hue.gov.vn"
    send_radio_reminders.call(WEEK.isoformat())
    body = next(m for m in mail.outbox if commune_officer.email in m.to).body
    assert "https://giamngheo.hue.gov.vn/admin/radio/week/" in body
    assert "127.0.0.1" not in body and "localhost" not in body


def test_the_reminders_link_opens_the_week_it_is_about(commune_officer, hue_units, client):
    send_radio_reminders.call(WEEK.isoformat())
    body = next(m for m in mail.outbox if commune_officer.email in m.to).body
    link = next(word for word in body.split() if "/admin/radio/week/" in word)
    path = link[link.index("/admin/") :]
    client.force_login(commune_officer)
    response = client.get(path)
    assert response.status_code == 200
    assert response.context["form"]["week"].value() == WEEK
