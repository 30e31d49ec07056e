"""The proof-of-work challenge: ours, signed, single-use, expiring."""

import datetime

import pytest
from django.utils import timezone

from giamngheo.feedback import abuse

from .conftest import solve

pytestmark = pytest.mark.django_db


def test_the_challenge_endpoint_is_never_cached_and_rate_limited(client, settings):
    settings.FEEDBACK_RATE_LIMITS = {**settings.FEEDBACK_RATE_LIMITS, "challenge": "2/h"}
    first = client.get("/phan-anh/altcha/")
    assert first.status_code == 200 and "signature" in first.json()
    assert "no-cache" in first["Cache-Control"]
    assert client.get("/phan-anh/altcha/").status_code == 200
    assert client.get("/phan-anh/altcha/").status_code == 429


def test_a_solution_verifies_once(client):
    payload = solve(abuse.new_challenge())
    signature = abuse.verify_challenge(payload)
    assert signature
    assert abuse.spend_challenge(signature)
    assert abuse.verify_challenge(payload) is None
    assert not abuse.spend_challenge(signature)


def test_an_expired_challenge_is_refused(settings):
    settings.FEEDBACK_ALTCHA_EXPIRES = -10
    assert abuse.verify_challenge(solve(abuse.new_challenge())) is None


def test_a_challenge_signed_with_another_key_is_refused(settings):
    settings.FEEDBACK_ALTCHA_HMAC_KEY = "one"
    payload = solve(abuse.new_challenge())
    settings.FEEDBACK_ALTCHA_HMAC_KEY = "two"
    assert abuse.verify_challenge(payload) is None


@pytest.mark.parametrize("payload", ["", "not base64!", "e30=", "x" * 5000])
def test_garbage_is_refused_without_an_error(payload):
    assert abuse.verify_challenge(payload) is None


def test_the_default_challenge_is_the_widgets_pbkdf2(settings):
    settings.FEEDBACK_ALTCHA_ALGORITHM = "PBKDF2/SHA-256"
    settings.FEEDBACK_ALTCHA_COST = 5000
    challenge = abuse.new_challenge()
    assert challenge["parameters"]["algorithm"] == "PBKDF2/SHA-256"
    expires = datetime.datetime.fromtimestamp(challenge["parameters"]["expiresAt"], datetime.UTC)
    assert expires > timezone.now()
