"""Repeated failed sign-ins lock the account for a while (django-axes)."""

from django.conf import settings
from django.urls import reverse

from tests.accounts.factories import PASSWORD


def sign_in(client, username, password):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def test_wrong_password_is_refused_with_a_vietnamese_message(client, province_staff):
    response = sign_in(client, province_staff.username, "sai-mat-khau")
    assert response.status_code == 200
    assert "không khớp" in response.text


def test_account_is_locked_after_repeated_failures(client, province_staff):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, province_staff.username, "sai-mat-khau")
    response = sign_in(client, province_staff.username, PASSWORD)  # even the right password
    assert response.status_code == 429
    assert "Tạm thời khóa đăng nhập" in response.text
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_resets_the_count(client, province_staff):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, province_staff.username, "sai-mat-khau")
    assert sign_in(client, province_staff.username, PASSWORD).status_code == 302
    client.logout()
    sign_in(client, province_staff.username, "sai-mat-khau")
    assert sign_in(client, province_staff.username, PASSWORD).status_code == 302
