"""Fixtures of the dialogue and poll tests: a cheap ALTCHA, fresh limits, the portal tree."""

import pytest
from django.core.cache import cache

from giamngheo.portal.services import ensure_portal
from tests.feedback.conftest import solve

RATES = {"dialogue-question": "100/h", "dialogue-upvote": "100/h", "poll-vote": "100/h"}


@pytest.fixture(autouse=True)
def engagement_settings(settings, tmp_path):
    """A quick proof of work, generous limits (tests that need a flood lower them)."""
    settings.MEDIA_ROOT = tmp_path
    settings.FEEDBACK_ALTCHA_ALGORITHM = "SHA-256"
    settings.FEEDBACK_ALTCHA_COST = 1
    settings.FEEDBACK_RATE_LIMITS = {**settings.FEEDBACK_RATE_LIMITS, **RATES, "challenge": "100/h"}
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def portal(hue_units, wagtail_tree):
    return ensure_portal()


@pytest.fixture
def altcha_payload(client):
    """A fresh solved challenge, fetched from the feedback channel's endpoint as the widget."""

    def make() -> str:
        response = client.get("/phan-anh/altcha/")
        assert response.status_code == 200
        return solve(response.json())

    return make
