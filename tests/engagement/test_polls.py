"""Polls: one answer per browser, results after answering, closed polls refuse answers."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from giamngheo.engagement import selectors
from giamngheo.engagement.models import Poll, Vote
from giamngheo.engagement.voters import COOKIES

from .factories import PollFactory, add_votes

DAY = datetime.timedelta(days=1)


def poll_url(poll) -> str:
    return reverse("engagement:poll", args=[poll.pk])


def first_choice(poll):
    return poll.choices.order_by("sort_order").first()


@pytest.fixture
def poll(db):
    return PollFactory(question="Bạn biết Chương trình giảm nghèo qua kênh nào?")


def test_a_visitor_answers_and_then_sees_the_results(client, poll):
    page = client.get(poll_url(poll))
    assert page.status_code == 200
    assert "results" not in page.context
    assert "Loa truyền thanh xã" in page.text and 'type="radio"' in page.text

    response = client.post(poll_url(poll), {"choice": first_choice(poll).pk})
    assert response.status_code == 302
    assert COOKIES["poll"] in response.cookies
    vote = Vote.objects.get()
    assert vote.choice == first_choice(poll) and len(vote.voter_hash) == 64

    after = client.get(poll_url(poll))
    results = after.context["results"]
    assert results.total == 1 and results.rows[0].percent == 100.0
    assert "<table" in after.text and 'type="radio"' not in after.text


def test_results_are_counts_and_shares_in_the_answers_order(poll):
    add_votes(poll, [3, 1, 0])
    results = selectors.poll_results(poll)
    assert results.total == 4
    assert [(row.choice.text, row.votes, row.percent) for row in results.rows] == [
        ("Loa truyền thanh xã", 3, 75.0),
        ("Tivi", 1, 25.0),
        ("Zalo", 0, 0.0),
    ]


def test_a_poll_without_votes_has_no_shares(poll):
    assert [row.percent for row in selectors.poll_results(poll).rows] == [0.0, 0.0, 0.0]


def test_a_second_answer_from_the_same_browser_is_refused(client, poll):
    client.post(poll_url(poll), {"choice": first_choice(poll).pk})
    second = poll.choices.order_by("sort_order")[1]
    response = client.post(poll_url(poll), {"choice": second.pk})
    assert response.status_code == 200
    assert response.context["refusal"]
    assert Vote.objects.count() == 1 and Vote.objects.get().choice == first_choice(poll)


def test_another_browser_counts_separately(client, poll):
    client.post(poll_url(poll), {"choice": first_choice(poll).pk})
    Client().post(poll_url(poll), {"choice": first_choice(poll).pk})
    assert Vote.objects.count() == 2


@pytest.mark.parametrize("value", ["forged", "abc.1:bad", "x" * 4000])
def test_a_forged_cookie_is_ignored_and_replaced(client, poll, value):
    client.cookies[COOKIES["poll"]] = value
    assert client.get(poll_url(poll)).status_code == 200
    response = client.post(poll_url(poll), {"choice": first_choice(poll).pk})
    assert response.status_code == 302
    assert response.cookies[COOKIES["poll"]].value != value
    assert Vote.objects.count() == 1


def test_a_cookie_claiming_another_polls_answer_does_not_block_this_one(client, poll):
    other = PollFactory()
    client.post(poll_url(other), {"choice": first_choice(other).pk})
    assert client.post(poll_url(poll), {"choice": first_choice(poll).pk}).status_code == 302
    assert Vote.objects.count() == 2


def test_a_closed_poll_refuses_answers_and_shows_its_results(client, db):
    closed = PollFactory(opens_at=timezone.now() - 10 * DAY, closes_at=timezone.now() - DAY)
    add_votes(closed, [2, 2, 0])
    response = client.post(poll_url(closed), {"choice": first_choice(closed).pk})
    assert response.status_code == 200
    assert response.context["refusal"]
    assert response.context["results"].total == 4
    assert Vote.objects.count() == 4
    assert 'type="radio"' not in client.get(poll_url(closed)).text


@pytest.mark.parametrize("data", [{}, {"choice": ""}, {"choice": "abc"}, {"choice": "999999"}])
def test_a_missing_or_unknown_answer_is_refused_on_its_field(client, poll, data):
    response = client.post(poll_url(poll), data)
    assert response.status_code == 200
    assert "choice" in response.context["form"].errors
    assert 'href="#id_choice_0"' in response.text
    assert not Vote.objects.exists()


def test_an_answer_of_another_poll_is_refused(client, poll):
    other = PollFactory()
    response = client.post(poll_url(poll), {"choice": first_choice(other).pk})
    assert "choice" in response.context["form"].errors
    assert not Vote.objects.exists()


def test_a_flood_of_answers_is_stopped_at_the_limit(poll, settings):
    settings.FEEDBACK_RATE_LIMITS = {**settings.FEEDBACK_RATE_LIMITS, "poll-vote": "2/h"}
    for _n in range(2):
        assert Client().post(poll_url(poll), {"choice": first_choice(poll).pk}).status_code == 302
    response = Client().post(poll_url(poll), {"choice": first_choice(poll).pk})
    assert response.status_code == 429
    assert Vote.objects.count() == 2


@pytest.mark.parametrize(
    "fields",
    [
        {"is_active": False},
        {"opens_at": timezone.now() + DAY},
    ],
)
def test_an_inactive_or_not_yet_open_poll_is_not_found(client, db, fields):
    hidden = PollFactory(**fields)
    assert client.get(poll_url(hidden)).status_code == 404
    assert client.post(poll_url(hidden), {"choice": first_choice(hidden).pk}).status_code == 404
    assert hidden.question not in client.get(reverse("engagement:polls")).text
    assert not Vote.objects.exists()


def test_an_unknown_poll_is_not_found(client, db):
    assert client.get("/tham-do/999999/").status_code == 404
    assert client.get("/tham-do/abc/").status_code == 404


def test_the_answer_picked_on_the_home_page_is_ticked(client, poll):
    choice = first_choice(poll)
    response = client.get(poll_url(poll), {"lua-chon": choice.pk})
    assert re.search(rf'value="{choice.pk}"[^>]*id="id_choice_0" checked', response.text)
    for bad in ["abc", "999999", ""]:
        assert client.get(poll_url(poll), {"lua-chon": bad}).status_code == 200


def test_the_poll_page_is_never_cached(client, poll):
    assert "no-store" in client.get(poll_url(poll))["Cache-Control"]


def test_the_poll_list_shows_open_and_closed_polls(client, poll):
    closed = PollFactory(closes_at=timezone.now() - DAY, opens_at=timezone.now() - 5 * DAY)
    text = client.get(reverse("engagement:polls")).text
    assert poll.question in text and closed.question in text
    assert client.get(reverse("engagement:polls"), {"page": "abc"}).status_code == 200


def test_poll_pages_run_a_bounded_number_of_queries(client, poll, django_assert_max_num_queries):
    for _n in range(20):
        PollFactory()
    add_votes(poll, [5, 3, 1])
    with django_assert_max_num_queries(6):
        assert client.get(reverse("engagement:polls")).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(poll_url(poll)).status_code == 200
    client.post(poll_url(poll), {"choice": first_choice(poll).pk})
    with django_assert_max_num_queries(6):
        assert client.get(poll_url(poll)).context["results"].total == 10


# --- The home page's block


def render_home_poll() -> str:
    return Template("{% load engagement_tags %}{% home_poll %}").render(Context({}))


def test_the_home_block_shows_the_latest_open_poll_meant_for_it(db):
    now = timezone.now()
    PollFactory(question="Cũ hơn", opens_at=now - 5 * DAY)
    PollFactory(question="Mới nhất", opens_at=now - DAY)
    PollFactory(question="Không lên trang chủ", opens_at=now - DAY / 2, show_on_home_page=False)
    PollFactory(question="Đã đóng", opens_at=now - DAY / 4, closes_at=now - DAY / 8)
    PollFactory(question="Đã tắt", opens_at=now - DAY / 4, is_active=False)
    html = render_home_poll()
    assert "Mới nhất" in html
    assert 'method="get"' in html and "csrfmiddlewaretoken" not in html
    assert 'name="lua-chon"' in html


def test_the_home_block_is_empty_without_an_open_poll(db, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        assert render_home_poll().strip() == ""
    PollFactory()
    with django_assert_max_num_queries(2):
        assert "lua-chon" in render_home_poll()


def test_a_poll_change_empties_the_page_cache(db):
    from giamngheo.portal import cache as page_cache

    before = page_cache.version()
    poll = PollFactory()
    assert page_cache.version() != before
    before = page_cache.version()
    poll.delete()
    assert page_cache.version() != before


def test_a_poll_is_deleted_with_its_votes(poll):
    add_votes(poll, [1, 1, 1])
    Poll.objects.get(pk=poll.pk).delete()
    assert not Vote.objects.exists()
