"""Two-factor sign-in: optional for each staff member (django-otp, TOTP)."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.factories import PASSWORD


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def enrolled(client, province_staff):
    """A staff member who turned two-factor sign-in on from their account page."""
    client.force_login(province_staff)
    page = client.get(reverse("accounts_two_factor"))
    assert page.status_code == 200
    assert "<svg" in page.text  # the QR code to scan
    device = TOTPDevice.objects.get(user=province_staff, confirmed=False)
    response = client.post(reverse("accounts_two_factor"), {"token": current_code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    # A code is accepted once; let the sign-in below use the current one again.
    device.last_t = -1
    device.save()
    client.logout()
    return device


def sign_in(client, user, **extra):
    data = {"username": user.username, "password": PASSWORD, **extra}
    return client.post(reverse("wagtailadmin_login"), data)


def test_sign_in_without_two_factor_needs_no_code(client, province_staff):
    assert sign_in(client, province_staff).status_code == 302


def test_enrolled_user_must_give_a_code(client, province_staff, enrolled):
    response = sign_in(client, province_staff)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_enrolled_user_with_a_wrong_code_is_refused(client, province_staff, enrolled):
    wrong = "000000" if current_code(enrolled) != "000000" else "111111"
    response = sign_in(client, province_staff, otp_token=wrong)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_enrolled_user_with_the_right_code_signs_in(client, province_staff, enrolled):
    response = sign_in(client, province_staff, otp_token=current_code(enrolled))
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(province_staff.pk)


def test_wrong_code_does_not_turn_two_factor_on(client, province_staff):
    client.force_login(province_staff)
    client.get(reverse("accounts_two_factor"))
    device = TOTPDevice.objects.get(user=province_staff)
    wrong = "000000" if current_code(device) != "000000" else "111111"
    response = client.post(reverse("accounts_two_factor"), {"token": wrong})
    assert response.status_code == 200
    device.refresh_from_db()
    assert not device.confirmed
