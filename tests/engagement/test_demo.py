"""The demo dialogues and polls: labelled, and a second load changes nothing."""

import random

from wagtail.models import Revision

from giamngheo.engagement.demo import load_engagement
from giamngheo.engagement.models import DialogueQuestion, PolicyDialogue, Poll, Upvote, Vote


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (PolicyDialogue, DialogueQuestion, Upvote, Poll, Vote, Revision)
    )


def test_the_demo_loads_a_held_and_an_open_dialogue_and_two_polls_once(client, portal):
    assert load_engagement(random.Random("2021-engagement")) == 2
    first = counts()
    load_engagement(random.Random("2021-engagement"))
    assert counts() == first

    statuses = sorted(dialogue.status() for dialogue in PolicyDialogue.objects.all())
    assert statuses == ["answered", "open"]
    assert [poll.is_open() for poll in Poll.objects.order_by("-opens_at")] == [True, False]
    for dialogue in PolicyDialogue.objects.all():
        page = client.get(dialogue.url)
        assert page.status_code == 200 and "Dữ liệu mẫu" in page.text
