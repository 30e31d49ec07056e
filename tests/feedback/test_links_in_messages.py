"""Links in the e-mails and text messages about a feedback case use the address the
site is served at, never localhost."""

import pytest
from django.core import mail

from giamngheo.feedback import sms
from giamngheo.feedback.models import EventKind
from giamngheo.feedback.tasks import notify_citizen, notify_unit
from giamngheo.portal.services import ensure_portal, set_site_address

from .factories import FeedbackFactory

PUBLIC = "https://giamngheo.hue.gov.vn"


@pytest.fixture
def case(categories, phu_vang, officer):
    return FeedbackFactory(commune=phu_vang, assigned_unit=phu_vang)


def test_the_citizens_mail_and_text_message_link_to_the_configured_address(settings, case):
    settings.PUBLIC_BASE_URL = PUBLIC
    mail.outbox.clear()
    assert notify_citizen.call(case.pk, EventKind.ANSWERED) == 2
    link = f"{PUBLIC}/phan-anh/tra-cuu/{case.tracking_code}/"
    assert link in mail.outbox[0].body
    assert case.email in mail.outbox[0].to
    assert link in sms.outbox[-1].text
    assert "localhost" not in mail.outbox[0].body + sms.outbox[-1].text


def test_the_units_mail_links_to_the_case_on_the_configured_address(settings, case, officer):
    settings.PUBLIC_BASE_URL = PUBLIC + "/"  # a final slash is not doubled
    mail.outbox.clear()
    assert notify_unit.call(case.pk, EventKind.ASSIGNED) == 1
    message = mail.outbox[0]
    assert officer.email in message.to
    assert f"{PUBLIC}/admin/" in message.body and f"{PUBLIC}//" not in message.body


def test_without_the_setting_links_use_the_sites_address(settings, case, wagtail_tree):
    settings.PUBLIC_BASE_URL = ""
    ensure_portal()
    set_site_address(hostname="giamngheo.thuathienhue.gov.vn", port=443)
    mail.outbox.clear()
    notify_citizen.call(case.pk, EventKind.SUBMITTED)
    assert (
        f"https://giamngheo.thuathienhue.gov.vn/phan-anh/tra-cuu/{case.tracking_code}/"
        in mail.outbox[0].body
    )
