"""Writes of the dialogues and polls: each a function in a transaction, checked whole.

A refused write raises ``ValidationError`` with the message the visitor or the
officer reads, and stores nothing.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from giamngheo.portal import cache as page_cache
from giamngheo.units.models import Unit

from .models import (
    DialogueIndexPage,
    DialogueQuestion,
    PolicyDialogue,
    Poll,
    PollChoice,
    QuestionStatus,
    Upvote,
    Vote,
)

SECTION_SLUG = "doi-thoai-chinh-sach"


def closed_for_questions_error() -> ValidationError:
    return ValidationError(
        _(
            "This dialogue no longer takes questions: the deadline has passed. You can still "
            "send a question to the programme through the feedback page."
        ),
        code="closed",
    )


@transaction.atomic
def submit_question(
    *,
    dialogue: PolicyDialogue,
    text: str,
    name: str = "",
    commune: Unit | None = None,
    now: datetime.datetime | None = None,
) -> DialogueQuestion:
    """A citizen's question, kept for review by the dialogue's unit before it shows."""
    if not dialogue.is_open_for_questions(now):
        raise closed_for_questions_error()
    question = DialogueQuestion(
        dialogue=dialogue,
        text=text.strip(),
        name=name.strip(),
        commune=commune,
        status=QuestionStatus.PENDING,
    )
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def save_question(*, question: DialogueQuestion, by) -> DialogueQuestion:
    """A question published, hidden, corrected or answered by staff (the admin form).

    Who answered and when is set here whenever the answer's text changes.
    """
    previous = (
        DialogueQuestion.objects.filter(pk=question.pk).values_list("answer", flat=True).first()
        if question.pk
        else None
    )
    question.answer = question.answer.strip()
    if not question.answer:
        question.answered_by, question.answered_at = None, None
    elif question.answer != previous:
        question.answered_by, question.answered_at = by, timezone.now()
    question.full_clean()
    question.save()
    # The dialogue's page shows published questions and their answers.
    page_cache.clear()
    return question


@transaction.atomic
def upvote_question(
    *, question: DialogueQuestion, voter_hash: str, now: datetime.datetime | None = None
) -> bool:
    """One browser agrees with a published question; False if it already had."""
    if not question.is_published:
        raise ValidationError(_("This question is not published."), code="unpublished")
    if not question.dialogue.is_open_for_questions(now):
        raise closed_for_questions_error()
    _upvote, created = Upvote.objects.get_or_create(question=question, voter_hash=voter_hash)
    return created


def closed_poll_error() -> ValidationError:
    return ValidationError(_("This poll is closed: your answer was not recorded."), code="closed")


@transaction.atomic
def cast_vote(
    *, poll: Poll, choice: PollChoice, voter_hash: str, now: datetime.datetime | None = None
) -> bool:
    """One browser's answer to an open poll; False if it had already answered."""
    if not poll.is_open(now):
        raise closed_poll_error()
    if choice.poll_id != poll.pk:
        raise ValidationError({"choice": _("Pick one of the answers shown.")})
    _vote, created = Vote.objects.get_or_create(
        poll=poll, voter_hash=voter_hash, defaults={"choice": choice}
    )
    return created


@transaction.atomic
def ensure_dialogues_section(home: Page | None = None) -> DialogueIndexPage:
    """The portal's policy dialogues section, after the events in the menu; idempotent."""
    from giamngheo.portal.models import HomePage

    home = home or HomePage.objects.get()
    section = DialogueIndexPage.objects.child_of(home).first()
    if section is not None:
        return section
    # Content, not interface: written in Vietnamese; editors change everything but the slug.
    section = home.add_child(
        instance=DialogueIndexPage(
            title="Đối thoại chính sách",
            slug=SECTION_SLUG,
            show_in_menus=True,
            intro=(
                "Đối thoại giữa người dân và chính quyền các cấp về chính sách giảm nghèo: "
                "gửi câu hỏi trước buổi đối thoại, đọc câu trả lời và biên bản sau đó."
            ),
        )
    )
    events = Page.objects.child_of(home).filter(slug="su-kien").first()
    if events is not None:
        section.move(events, pos="right")
        section.refresh_from_db()
    return section
