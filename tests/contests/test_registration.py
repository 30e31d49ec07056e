"""Registration: name, commune, phone; one per phone and contest; behind ALTCHA and limits."""

import datetime

import pytest
from django.utils import timezone

from giamngheo.contests.models import Attempt, Participant

from .factories import ContestFactory, ParticipantFactory, RoundFactory

pytestmark = pytest.mark.django_db


def form(commune, solved, **overrides):
    return {
        "name": "Lê Thị Hoa",
        "unit": str(commune.pk),
        "phone": "0912 345 678",
        "email": "",
        "consent": "on",
        "altcha": solved(),
        **overrides,
    }


def test_a_citizen_registers_and_is_remembered_by_a_signed_cookie(
    client, contest, phu_vang, altcha_payload
):
    response = client.post(f"/cuoc-thi/{contest.slug}/dang-ky/", form(phu_vang, altcha_payload))
    assert response.status_code == 302
    participant = Participant.objects.get()
    assert (participant.name, participant.unit, participant.phone) == (
        "Lê Thị Hoa",
        phu_vang,
        "0912345678",
    )
    assert participant.consent_at is not None
    cookie = client.cookies[f"cuoc-thi-{contest.pk}"]
    assert cookie["httponly"] and str(participant.pk) != cookie.value  # signed, not the bare id
    page = client.get(f"/cuoc-thi/{contest.slug}/").content.decode()
    assert 'id="registered"' in page and "Lê Thị Hoa" in page


def test_a_cookie_for_another_participant_cannot_be_made_up(client, contest, participant):
    client.cookies[f"cuoc-thi-{contest.pk}"] = str(participant.pk)
    page = client.get(f"/cuoc-thi/{contest.slug}/").content.decode()
    assert 'id="registered"' not in page
    response = client.post(f"/cuoc-thi/{contest.slug}/vong-{contest.rounds.get().number}/bat-dau/")
    assert response.status_code == 302
    assert not Attempt.objects.exists()


def test_one_registration_per_phone_the_same_person_gets_theirs_back(
    client, contest, phu_vang, altcha_payload
):
    client.post(f"/cuoc-thi/{contest.slug}/dang-ky/", form(phu_vang, altcha_payload))
    other_phone = client_class_new()
    response = other_phone.post(
        f"/cuoc-thi/{contest.slug}/dang-ky/",
        form(phu_vang, altcha_payload, name="le thi  HOA", phone="+84912345678"),
    )
    assert response.status_code == 302
    assert Participant.objects.count() == 1
    assert f"cuoc-thi-{contest.pk}" in other_phone.cookies


def client_class_new():
    from django.test import Client

    return Client()


def test_the_same_phone_under_another_name_is_refused(client, contest, phu_vang, altcha_payload):
    ParticipantFactory(contest=contest, unit=phu_vang, name="Lê Thị Hoa", phone="0912345678")
    response = client.post(
        f"/cuoc-thi/{contest.slug}/dang-ky/",
        form(phu_vang, altcha_payload, name="Phan Văn Tâm", phone="0912.345.678"),
    )
    assert response.status_code == 200
    assert response.context["register_form"].errors["phone"]
    assert Participant.objects.count() == 1
    assert f"cuoc-thi-{contest.pk}" not in client.cookies


def test_the_same_phone_may_register_for_another_contest(client, contest, phu_vang, altcha_payload):
    ParticipantFactory(contest=contest, unit=phu_vang, phone="0912345678")
    other = RoundFactory(contest=ContestFactory(slug="cuoc-thi-khac")).contest
    response = client.post(f"/cuoc-thi/{other.slug}/dang-ky/", form(phu_vang, altcha_payload))
    assert response.status_code == 302
    assert Participant.objects.filter(phone="0912345678").count() == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "<script>alert(1)</script>"),
        ("name", ""),
        ("phone", "12345"),
        ("phone", "0112345678"),
        ("email", "not-an-address"),
        ("unit", "999999"),
        ("unit", "abc"),
        ("consent", ""),
        ("website", "http://spam.example"),
        ("altcha", "forged"),
    ],
)
def test_bad_input_is_refused_on_its_field_and_nothing_is_stored(
    client, contest, phu_vang, altcha_payload, field, value
):
    response = client.post(
        f"/cuoc-thi/{contest.slug}/dang-ky/", form(phu_vang, altcha_payload, **{field: value})
    )
    assert response.status_code == 200
    assert 'id="form-errors"' in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not Participant.objects.exists()


def test_a_commune_of_an_old_map_is_not_offered(client, contest, hue_units, altcha_payload):
    from tests.conftest import ON_2021_MAP, unit

    old = unit("19942", ON_2021_MAP)  # Thị trấn Phú Đa, before the 2025 reorganisation
    response = client.post(f"/cuoc-thi/{contest.slug}/dang-ky/", form(old, altcha_payload))
    assert response.status_code == 200
    assert not Participant.objects.exists()


def test_a_solved_challenge_is_used_once(client, contest, phu_vang, altcha_payload):
    payload = altcha_payload()
    first = client.post(f"/cuoc-thi/{contest.slug}/dang-ky/", form(phu_vang, lambda: payload))
    assert first.status_code == 302
    again = client_class_new().post(
        f"/cuoc-thi/{contest.slug}/dang-ky/",
        form(phu_vang, lambda: payload, name="Võ Văn Bảy", phone="0987654321"),
    )
    assert again.status_code == 200
    assert Participant.objects.count() == 1


def test_a_flood_of_registrations_from_one_address_is_refused(
    client, contest, phu_vang, altcha_payload, settings
):
    settings.FEEDBACK_RATE_LIMITS = {**settings.FEEDBACK_RATE_LIMITS, "contest-register": "2/h"}
    statuses = [
        client.post(
            f"/cuoc-thi/{contest.slug}/dang-ky/",
            form(phu_vang, altcha_payload, phone=f"09876543{n:02d}", name=f"Người {n}"),
        ).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert Participant.objects.count() == 2


@pytest.mark.parametrize("when", ["upcoming", "closed"])
def test_registration_is_refused_with_a_message_when_no_round_is_open(
    client, bank, phu_vang, altcha_payload, when
):
    now = timezone.now()
    days = datetime.timedelta(days=1)
    opens, closes = (
        (now + days, now + 2 * days) if when == "upcoming" else (now - 2 * days, now - days)
    )
    contest = RoundFactory(opens_at=opens, closes_at=closes).contest
    page = client.get(f"/cuoc-thi/{contest.slug}/").content.decode()
    assert 'name="phone"' not in page  # no form to fill in for nothing
    response = client.post(f"/cuoc-thi/{contest.slug}/dang-ky/", form(phu_vang, altcha_payload))
    assert response.status_code == 200
    assert response.context["register_form"].non_field_errors()
    assert not Participant.objects.exists()


def test_an_unpublished_contest_is_not_found(client, bank, phu_vang, altcha_payload):
    contest = RoundFactory(contest=ContestFactory(is_published=False, title="Bản nháp")).contest
    assert client.get(f"/cuoc-thi/{contest.slug}/").status_code == 404
    assert "Bản nháp" not in client.get("/cuoc-thi/").content.decode()
    response = client.post(f"/cuoc-thi/{contest.slug}/dang-ky/", form(phu_vang, altcha_payload))
    assert response.status_code == 404
    assert not Participant.objects.exists()


def test_a_registered_participant_starts_an_attempt_behind_the_anti_spam_check(
    client, contest, phu_vang, altcha_payload
):
    client.post(f"/cuoc-thi/{contest.slug}/dang-ky/", form(phu_vang, altcha_payload))
    number = contest.rounds.get().number
    refused = client.post(f"/cuoc-thi/{contest.slug}/vong-{number}/bat-dau/", {"altcha": "x"})
    assert refused.status_code == 200 and not Attempt.objects.exists()
    response = client.post(
        f"/cuoc-thi/{contest.slug}/vong-{number}/bat-dau/", {"altcha": altcha_payload()}
    )
    assert response.status_code == 302 and "/cuoc-thi/bai-thi/" in response.url
    assert Attempt.objects.get().participant.name == "Lê Thị Hoa"
    page = client.get(f"/cuoc-thi/{contest.slug}/").content.decode()
    assert response.url in page  # "continue your attempt"


def test_a_flood_of_starts_is_refused(client, contest, participant, altcha_payload, settings):
    from giamngheo.contests import tokens

    settings.FEEDBACK_RATE_LIMITS = {**settings.FEEDBACK_RATE_LIMITS, "contest-start": "1/h"}
    response = client.get(f"/cuoc-thi/{contest.slug}/")
    tokens.remember_participant(response.wsgi_request, response, participant)
    client.cookies.update(response.cookies)
    number = contest.rounds.get().number
    url = f"/cuoc-thi/{contest.slug}/vong-{number}/bat-dau/"
    assert client.post(url, {"altcha": altcha_payload()}).status_code == 302
    assert client.post(url, {"altcha": altcha_payload()}).status_code == 429


@pytest.mark.parametrize("number", ["99", "abc", "1x"])
def test_an_unknown_round_is_not_found(client, contest, number):
    assert client.post(f"/cuoc-thi/{contest.slug}/vong-{number}/bat-dau/").status_code == 404
    assert client.get(f"/cuoc-thi/{contest.slug}/vong-{number}/xep-hang/").status_code == 404


def test_starting_a_round_already_taken_says_so(client, contest, participant, altcha_payload):
    from giamngheo.contests import services, tokens

    from .conftest import take

    round = contest.rounds.get()
    take(services.start_attempt(participant=participant, round=round), right=1)
    response = client.get(f"/cuoc-thi/{contest.slug}/")
    tokens.remember_participant(response.wsgi_request, response, participant)
    client.cookies.update(response.cookies)
    response = client.post(
        f"/cuoc-thi/{contest.slug}/vong-{round.number}/bat-dau/", {"altcha": altcha_payload()}
    )
    assert response.status_code == 200
    assert response.context["start_form"].non_field_errors()
    assert 'id="start-errors"' in response.content.decode()
    assert Attempt.objects.count() == 1
