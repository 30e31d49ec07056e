"""The daily reminder e-mails overdue recommendations to their units and organisers."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from giamngheo.evaluation.services import RecommendationInput, update_recommendation
from giamngheo.evaluation.tasks import send_recommendation_reminders
from tests.accounts.factories import UserFactory
from tests.conftest import unit

from .conftest import A_LUOI, PHU_DA, PHU_VANG, record

DUE = datetime.date(2023, 9, 30)


@pytest.fixture
def recorded(visit, province_staff, checklist):
    record(
        visit,
        province_staff,
        checklist,
        recommendations=[
            RecommendationInput("Kiện toàn tổ truyền thông huyện", unit(PHU_VANG), DUE),
            RecommendationInput("Phát thanh hai buổi mỗi tuần", unit(PHU_DA), DUE),
            RecommendationInput("Báo cáo đúng hạn", unit(PHU_VANG), datetime.date(2024, 3, 1)),
        ],
    )
    return visit


def test_overdue_recommendations_go_to_the_responsible_units_and_the_organiser(
    recorded, province_staff, district_officer, commune_officer
):
    far = UserFactory(role="district_officer", unit=unit(A_LUOI))
    mail.outbox.clear()
    sent = send_recommendation_reminders.call(today="2023-10-15")
    assert sent == 3
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {province_staff.email, district_officer.email, commune_officer.email}
    assert far.email not in by_address
    district = by_address[district_officer.email].body
    assert "Kiện toàn tổ truyền thông huyện" in district and "Báo cáo đúng hạn" not in district
    assert "Phát thanh hai buổi" not in district  # the commune's, sent to the commune
    assert "Phát thanh hai buổi" in by_address[commune_officer.email].body
    organiser = by_address[province_staff.email].body
    assert "Kiện toàn tổ truyền thông huyện" in organiser and "Phát thanh hai buổi" in organiser
    assert "30/09/2023" in organiser


def test_closed_recommendations_are_not_reminded(recorded, district_officer, commune_officer):
    for recommendation in recorded.recommendations.all():
        update_recommendation(
            recommendation=recommendation, status="closed", note="Xong", by=district_officer
        )
    mail.outbox.clear()
    assert send_recommendation_reminders.call(today="2024-06-01") == 0
    assert mail.outbox == []


def test_the_command_queues_the_reminder(recorded, capsys):
    mail.outbox.clear()
    call_command("send_recommendation_reminders")
    assert "queued" in capsys.readouterr().out


def test_the_reminders_links_use_the_address_the_site_is_served_at(
    recorded, commune_officer, settings
):
    settings.PUBLIC_BASE_URL = "https://giamngheo.hue.gov.vn"
    mail.outbox.clear()
    send_recommendation_reminders.call(today="2023-10-15")
    body = next(m for m in mail.outbox if commune_officer.email in m.to).body
    assert "https://giamngheo.hue.gov.vn/admin/" in body
    assert "127.0.0.1" not in body and "localhost" not in body
