"""Dialogues, questions and polls for tests.

dialogue = DialogueFactory(starts_at=timezone.now() + timedelta(days=7))   # open
QuestionFactory(dialogue=dialogue, status="published", upvotes=3)
poll = PollFactory(choices=["Loa xã", "Tivi", "Zalo"])
"""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from giamngheo.engagement.models import (
    DialogueIndexPage,
    DialogueOfficial,
    DialogueQuestion,
    PolicyDialogue,
    Poll,
    PollChoice,
    QuestionStatus,
    Upvote,
    Vote,
)
from tests.conftest import unit
from tests.portal.factories import PortalPageFactory

PHU_VANG, PHU_DA, A_LUOI, A_NGO = "478", "19942", "481", "20068"
WEEK = datetime.timedelta(days=7)


class DialogueFactory(PortalPageFactory):
    """A dialogue a week from now (open for questions) of Phú Vang district, published."""

    class Meta:
        model = PolicyDialogue

    _section = DialogueIndexPage

    title = factory.Sequence(lambda n: f"Đối thoại chính sách số {n}")
    unit = factory.LazyFunction(lambda: unit(PHU_VANG))
    starts_at = factory.LazyFunction(lambda: timezone.now() + WEEK)
    place = "Hội trường Ủy ban nhân dân huyện"
    summary = "Người dân hỏi, lãnh đạo huyện trả lời về chính sách hỗ trợ hộ nghèo."

    @classmethod
    def _create(cls, model_class, *args, officials=(), **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        for name, position in officials:
            DialogueOfficial.objects.create(page=page, name=name, position=position)
        return page


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DialogueQuestion
        skip_postgeneration_save = True

    dialogue = factory.SubFactory(DialogueFactory)
    text = factory.Sequence(lambda n: f"Câu hỏi số {n} về hỗ trợ nhà ở cho hộ nghèo?")
    status = QuestionStatus.PUBLISHED

    @factory.post_generation
    def upvotes(self, create, extracted, **kwargs):
        for n in range(extracted or 0):
            Upvote.objects.create(question=self, voter_hash=f"test-{self.pk}-{n}")


class PollFactory(factory.django.DjangoModelFactory):
    """An open poll with three answers (``choices=[...]`` for others)."""

    class Meta:
        model = Poll
        skip_postgeneration_save = True

    question = factory.Sequence(lambda n: f"Thăm dò số {n}: bạn biết Chương trình qua kênh nào?")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    @factory.post_generation
    def choices(self, create, extracted, **kwargs):
        for order, text in enumerate(extracted or ["Loa truyền thanh xã", "Tivi", "Zalo"]):
            PollChoice.objects.create(poll=self, text=text, sort_order=order)


def add_votes(poll: Poll, counts: list[int]) -> None:
    """``counts[i]`` votes for the poll's i-th answer, from made-up browsers."""
    for choice, count in zip(poll.choices.order_by("sort_order"), counts, strict=False):
        for n in range(count):
            Vote.objects.create(poll=poll, choice=choice, voter_hash=f"v-{choice.pk}-{n}")
