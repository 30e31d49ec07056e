"""The daily reminder of overdue cases, and erasing old contact details."""

import datetime
import os

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from giamngheo.feedback import services
from giamngheo.feedback.models import Attachment, Feedback
from giamngheo.feedback.tasks import send_feedback_reminders
from tests.accounts.factories import UserFactory
from tests.conftest import unit

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


def test_each_unit_is_reminded_of_its_own_overdue_cases(
    categories, phu_vang, phu_xuan, officer, other_officer, mailoutbox
):
    ours = FeedbackFactory(commune=phu_vang, assigned_unit=phu_vang, due_on=YESTERDAY)
    theirs = FeedbackFactory(commune=phu_xuan, assigned_unit=phu_xuan, due_on=YESTERDAY)
    FeedbackFactory(commune=phu_vang, assigned_unit=phu_vang)  # not due yet
    tinh = UserFactory(role="province_staff", unit=unit("46"))
    nobody = FeedbackFactory(commune=phu_vang, due_on=YESTERDAY)
    assert send_feedback_reminders.call() == 3
    by_recipient = {tuple(m.to): m.body for m in mailoutbox}
    assert ours.tracking_code in by_recipient[(officer.email,)]
    assert theirs.tracking_code not in by_recipient[(officer.email,)]
    assert theirs.tracking_code in by_recipient[(other_officer.email,)]
    assert nobody.tracking_code in by_recipient[(tinh.email,)]
    assert ours.events.filter(kind="reminded").exists()


def test_the_reminder_command_queues_the_task(categories, phu_vang, officer, mailoutbox):
    FeedbackFactory(commune=phu_vang, assigned_unit=phu_vang, due_on=YESTERDAY)
    call_command("send_feedback_reminders")
    assert len(mailoutbox) == 1


def test_old_finished_cases_lose_contact_details_and_files(
    categories, phu_vang, officer, django_capture_on_commit_callbacks
):
    old = FeedbackFactory(commune=phu_vang, assigned_unit=phu_vang)
    services.answer_feedback(feedback=old, answer="Đã trả lời.", by=officer)
    services.close_feedback(feedback=old, by=officer)
    attachment = Attachment(feedback=old, kind="pdf", content_type="application/pdf", size=9)
    attachment.file.save("x.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    path = attachment.file.path
    Feedback.objects.filter(pk=old.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=800)
    )
    recent = FeedbackFactory(commune=phu_vang, assigned_unit=phu_vang)
    services.reject_feedback(feedback=recent, reason="Trùng", by=officer)
    long_open = FeedbackFactory(
        commune=phu_vang, requested_at=timezone.now() - datetime.timedelta(days=900)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("anonymise_feedback")
    for case in (old, recent, long_open):
        case.refresh_from_db()
    assert (old.name, old.phone, old.email) == ("", "", "")
    assert old.anonymised_at and old.text  # the text stays
    assert not old.attachments.exists() and not os.path.exists(path)
    assert old.events.filter(kind="anonymised").exists()
    assert recent.phone and long_open.phone


def test_the_retention_age_is_a_setting_or_an_option(categories, phu_vang, officer, settings):
    case = FeedbackFactory(commune=phu_vang, assigned_unit=phu_vang)
    services.reject_feedback(feedback=case, reason="Không rõ nội dung", by=officer)
    Feedback.objects.filter(pk=case.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=40)
    )
    settings.FEEDBACK_RETENTION_DAYS = 60
    call_command("anonymise_feedback")
    case.refresh_from_db()
    assert case.phone
    call_command("anonymise_feedback", days=30)
    case.refresh_from_db()
    assert not case.phone
