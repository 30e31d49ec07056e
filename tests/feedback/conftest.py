"""Fixtures of the feedback tests: today's communes, their officers, a cheap ALTCHA."""

import base64
import json

import altcha
import pytest
from django.core.cache import cache
from django.utils import timezone

from giamngheo.feedback import sms
from giamngheo.feedback.models import AnswerTemplate, FeedbackCategory
from giamngheo.feedback.seed import seed_categories
from tests.accounts.factories import UserFactory
from tests.conftest import unit

# Communes of today's (two-level) map of Huế.
PHU_VANG, PHU_XUAN = "19942", "19768"


@pytest.fixture(autouse=True)
def feedback_settings(settings, tmp_path):
    """Files in a temporary folder, a memory SMS outbox, a quick proof of work, fresh limits."""
    settings.FEEDBACK_FILES_ROOT = tmp_path / "feedback-files"
    settings.SMS_BACKEND = "giamngheo.feedback.sms.MemorySmsBackend"
    settings.FEEDBACK_ALTCHA_ALGORITHM = "SHA-256"
    settings.FEEDBACK_ALTCHA_COST = 1
    settings.FEEDBACK_RATE_LIMITS = {"submit": "100/h", "track": "100/h", "challenge": "100/h"}
    cache.clear()
    sms.outbox.clear()
    yield settings
    cache.clear()


@pytest.fixture
def categories(db):
    seed_categories(FeedbackCategory, AnswerTemplate)
    return {c.code: c for c in FeedbackCategory.objects.all()}


@pytest.fixture
def phu_vang(hue_units):
    return unit(PHU_VANG, timezone.localdate())


@pytest.fixture
def phu_xuan(hue_units):
    return unit(PHU_XUAN, timezone.localdate())


@pytest.fixture
def officer(phu_vang):
    """The commune officer of Xã Phú Vang (today's map)."""
    return UserFactory(username="xa.phuvang", role="commune_officer", unit=phu_vang)


@pytest.fixture
def other_officer(phu_xuan):
    return UserFactory(username="xa.phuxuan", role="commune_officer", unit=phu_xuan)


def solve(challenge: dict) -> str:
    """What the browser widget posts: the challenge and its solution, base64 JSON."""
    parsed = altcha.Challenge.from_dict(challenge)
    solution = altcha.solve_challenge(parsed)
    payload = {"challenge": challenge, "solution": solution.to_dict()}
    return base64.b64encode(json.dumps(payload).encode()).decode()


@pytest.fixture
def altcha_payload(client):
    """A fresh solved challenge, fetched from our endpoint as the widget does."""

    def make() -> str:
        response = client.get("/phan-anh/altcha/")
        assert response.status_code == 200
        return solve(response.json())

    return make
