"""Property-based: any text at a dialogue's question form and a poll's answer never makes
a 5xx or comes back unescaped, with or without a solved anti-spam challenge."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from giamngheo.engagement.models import DialogueQuestion
from tests.portal.hostile import SETTINGS, assert_handled, values

from .factories import DialogueFactory, PollFactory

pytestmark = pytest.mark.django_db


def test_any_question_to_a_dialogue_is_answered_without_a_server_error(
    client, portal, altcha_payload
):
    dialogue = DialogueFactory(title="Đối thoại về vay vốn")
    address = dialogue.url + "dat-cau-hoi/"

    @SETTINGS
    @given(
        form=st.dictionaries(st.sampled_from(["text", "name", "unit", "website"]), values),
        solved=st.booleans(),
    )
    def check(form, solved):
        stored = DialogueQuestion.objects.count()
        if solved:
            form = {**form, "altcha": altcha_payload()}
        response = client.post(address, form)
        assert_handled(response, " ".join(form.values()))
        if response.status_code != 302:
            assert DialogueQuestion.objects.count() == stored  # refused: nothing kept

    check()


def test_any_answer_to_a_poll_is_answered_without_a_server_error(client, db):
    poll = PollFactory(question="Bạn biết Chương trình giảm nghèo qua kênh nào?")
    address = reverse("engagement:poll", args=[poll.pk])

    @SETTINGS
    @given(form=st.dictionaries(st.sampled_from(["choice", "next"]), values, max_size=2))
    def check(form):
        client.cookies.clear()
        assert_handled(client.post(address, form), " ".join(form.values()))

    check()
