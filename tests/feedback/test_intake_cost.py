"""A submission, from the form or from an app, costs a handful of queries and is kept once.

Counted in a real transaction (as a request runs), with the task queue of
production (a queued notification is a row), so the count is what the server
pays for each case, BEGIN and COMMIT included: the form 7, Open311 8 (its
key's use counted; the key itself comes from the cache after its first post).
"""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from giamngheo.feedback import services
from giamngheo.feedback.models import Feedback, FeedbackEvent
from giamngheo.feedback.open311.models import ApiKey
from giamngheo.feedback.tasks import notify_submitted

from .test_open311_client import app as app  # the fixtures
from .test_open311_client import raw_key as raw_key
from .test_submit import TEXT
from .test_submit import post as post

pytestmark = pytest.mark.django_db(transaction=True)
QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MAX_QUERIES = 8


@pytest.fixture
def queued(settings):
    settings.TASKS = QUEUE


def test_a_form_submission_costs_at_most_8_queries_and_queues_one_notification(
    post, queued, django_assert_max_num_queries
):
    with django_assert_max_num_queries(MAX_QUERIES):
        response = post()
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert response["Location"].startswith(f"/phan-anh/tra-cuu/{feedback.tracking_code}/")
    assert FeedbackEvent.objects.filter(feedback=feedback, kind="submitted").count() == 1
    task = DBTaskResult.objects.get(task_path=notify_submitted.module_path)
    assert task.args_kwargs["args"] == [feedback.pk, True, True]


def test_an_open311_submission_costs_at_most_8_queries(
    app, phu_vang, queued, django_assert_max_num_queries
):
    def send():
        return app.post_request(
            service_code="support-not-received",
            description=TEXT,
            email="binh@example.vn",
            lat="16.4637",
            long="107.5908",
            attributes={"commune": phu_vang.code, "consent": "yes"},
        )

    assert send().status == 200  # an app posts many times with its key
    with django_assert_max_num_queries(MAX_QUERIES):
        reply = send()
    assert reply.status == 200, reply.body
    code = reply.json[0]["service_request_id"]
    assert Feedback.objects.filter(tracking_code=code, channel="api").count() == 1
    assert ApiKey.objects.get().requests_sent == 2


def test_the_one_queued_task_tells_both_the_citizen_and_the_province(post, province_staff):
    # The test settings run tasks at once: the one task sends both messages.
    assert post().status_code == 302
    code = Feedback.objects.get().tracking_code
    to_citizen = [m for m in mail.outbox if m.to == ["binh@example.vn"]]
    to_province = [m for m in mail.outbox if province_staff.email in m.to]
    assert len(to_citizen) == 1 and code in to_citizen[0].body
    assert len(to_province) == 1 and code in to_province[0].subject


def test_a_tracking_code_already_taken_is_drawn_again(post, monkeypatch):
    assert post().status_code == 302
    taken = Feedback.objects.get().tracking_code
    draws = iter([taken, "FRESH34679"])
    monkeypatch.setattr(services, "new_tracking_code", lambda: next(draws))
    response = post()
    assert response.status_code == 302
    assert "FRESH34679" in response["Location"]
    assert Feedback.objects.filter(tracking_code=taken).count() == 1
    assert Feedback.objects.count() == 2 and FeedbackEvent.objects.count() == 2
