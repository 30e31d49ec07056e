"""The public list and contest pages: published only, bounded queries, no 500 on bad input."""

import datetime

import pytest
from django.utils import timezone

from giamngheo.contests import services, tokens

from .factories import ContestFactory, ParticipantFactory, RoundFactory

pytestmark = pytest.mark.django_db


def test_the_list_shows_published_contests_with_their_rounds(
    client, bank, django_assert_max_num_queries
):
    for n in range(4):
        contest = ContestFactory(title=f"Cuộc thi số {n}")
        for _ in range(3):
            RoundFactory(contest=contest)
    ContestFactory(title="Cuộc thi nháp", is_published=False)
    # Contests, their rounds, and the base template's site and menu (3).
    with django_assert_max_num_queries(5):
        response = client.get("/cuoc-thi/")
    html = response.content.decode()
    assert all(f"Cuộc thi số {n}" in html for n in range(4))
    assert "Cuộc thi nháp" not in html


def test_the_contest_page_runs_a_bounded_number_of_queries(
    client, contest, participant, django_assert_max_num_queries
):
    for _ in range(4):
        RoundFactory(contest=contest)
    services.start_attempt(participant=participant, round=contest.rounds.first())
    response = client.get(f"/cuoc-thi/{contest.slug}/")
    tokens.remember_participant(response.wsgi_request, response, participant)
    client.cookies.update(response.cookies)
    with django_assert_max_num_queries(8):
        page = client.get(f"/cuoc-thi/{contest.slug}/")
    assert page.status_code == 200
    assert 'id="registered"' in page.content.decode()


def test_the_contest_page_shows_the_rules_and_rounds(client, contest):
    contest.rules = "<p>Mỗi người chỉ đăng ký <b>một lần</b>.</p>"
    contest.save()
    html = client.get(f"/cuoc-thi/{contest.slug}/").content.decode()
    assert "Mỗi người chỉ đăng ký" in html
    assert 'name="altcha"' not in html or "altcha-widget" in html


@pytest.mark.parametrize(
    "url",
    [
        "/cuoc-thi/khong-co/",
        "/cuoc-thi/khong-co/vong-1/xep-hang/",
        "/cuoc-thi/bai-thi/",
    ],
)
def test_unknown_addresses_are_not_found(client, db, url):
    assert client.get(url).status_code == 404


def test_posting_to_pages_that_only_read_is_refused(client, contest):
    assert client.post("/cuoc-thi/").status_code == 405
    assert client.post(f"/cuoc-thi/{contest.slug}/").status_code == 405
    assert client.get(f"/cuoc-thi/{contest.slug}/dang-ky/").status_code == 405


def test_an_attempt_of_an_unpublished_contest_is_not_found(client, participant, open_round):
    attempt = services.start_attempt(participant=participant, round=open_round)
    open_round.contest.is_published = False
    open_round.contest.save()
    assert client.get(f"/cuoc-thi/bai-thi/{tokens.attempt_token(attempt)}/").status_code == 404


def test_an_expired_attempt_page_leads_to_its_result(client, participant, open_round):
    attempt = services.start_attempt(participant=participant, round=open_round)
    attempt.deadline = timezone.now() - datetime.timedelta(minutes=10)
    attempt.save()
    url = f"/cuoc-thi/bai-thi/{tokens.attempt_token(attempt)}/"
    response = client.get(url + "ket-qua/")
    assert response.status_code == 200
    attempt.refresh_from_db()
    assert attempt.timed_out


def test_a_participant_of_another_contest_cannot_start_here(client, contest, phu_vang):
    other = ParticipantFactory(contest=RoundFactory().contest, unit=phu_vang)
    import pytest as _pytest
    from django.core.exceptions import ValidationError

    with _pytest.raises(ValidationError):
        services.start_attempt(participant=other, round=contest.rounds.get())
