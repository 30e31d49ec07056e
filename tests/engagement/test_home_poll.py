"""The home page's poll under the page cache: a citizen who answers sees the results at
once, and the cached home page never carries one visitor's answer to another."""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from giamngheo.engagement.models import Vote
from giamngheo.portal.services import ensure_portal

from .factories import PollFactory

QUESTION = "Bạn biết Chương trình giảm nghèo qua kênh nào?"


@pytest.fixture
def poll(hue_units, settings):
    # The page cache as in production (the test settings turn it off).
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()
    ensure_portal()
    yield PollFactory(question=QUESTION, choices=["Loa truyền thanh xã", "Tivi", "Zalo"])
    cache.clear()


def block_url(poll) -> str:
    return reverse("engagement:home_poll", args=[poll.pk])


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def tivi(poll):
    return poll.choices.get(text="Tivi")


def test_an_answer_from_the_home_page_shows_the_results_at_once(poll):
    citizen = Client(enforce_csrf_checks=True)
    home = citizen.get("/")
    assert QUESTION in home.text and 'data-poll-live="' + block_url(poll) in home.text

    block = citizen.get(block_url(poll))
    assert "no-store" in block["Cache-Control"] and "X-Page-Cache" not in block
    assert 'method="post"' in block.text and 'name="choice"' in block.text
    answer = citizen.post(
        reverse("engagement:poll", args=[poll.pk]),
        {"choice": tivi(poll).pk, "csrfmiddlewaretoken": csrf_token(block.text)},
        follow=True,
    )
    assert Vote.objects.get().choice == tivi(poll)
    assert answer.redirect_chain[-1][0] == reverse("engagement:poll", args=[poll.pk])
    assert answer.context["results"].total == 1
    assert "poll-results" in answer.text and "no-store" in answer["Cache-Control"]

    # Back on the home page: the same cached copy, and this browser's own block. (The
    # test client keeps the emptied flash-message cookie; a browser drops it.)
    for name in [name for name, morsel in citizen.cookies.items() if not morsel.value]:
        del citizen.cookies[name]
    again = citizen.get("/")
    assert again["X-Page-Cache"] == "hit" and "poll-results" not in again.text
    mine = citizen.get(block_url(poll))
    assert "poll-results" in mine.text and 'name="choice"' not in mine.text


def test_another_visitor_gets_the_form_not_the_first_ones_results(poll):
    first = Client()
    first.get("/")
    first.post(reverse("engagement:poll", args=[poll.pk]), {"choice": tivi(poll).pk})
    assert first.get(block_url(poll)).text.count("poll-results") == 1

    other = Client()
    home = other.get("/")
    assert home["X-Page-Cache"] == "hit"
    assert "poll-results" not in home.text and "csrfmiddlewaretoken" not in home.text
    block = other.get(block_url(poll))
    assert "poll-results" not in block.text and 'name="choice"' in block.text


def test_the_block_of_a_closed_poll_shows_its_results(poll):
    from django.utils import timezone

    poll.closes_at = timezone.now()
    poll.save()
    block = Client().get(block_url(poll))
    assert block.status_code == 200
    assert "poll-results" in block.text and 'name="choice"' not in block.text


def test_the_block_costs_few_queries(client, poll, django_assert_max_num_queries):
    client.post(reverse("engagement:poll", args=[poll.pk]), {"choice": tivi(poll).pk})
    with django_assert_max_num_queries(4):
        assert client.get(block_url(poll)).status_code == 200


def test_the_block_of_an_unknown_poll_is_not_found(poll):
    assert Client().get(reverse("engagement:home_poll", args=[poll.pk + 99])).status_code == 404
