import datetime

import factory
from django.utils import timezone

from giamngheo.contests.models import Choice, Contest, Participant, PrizeTier, Question, Round


class ContestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contest

    title = factory.Sequence(lambda n: f"Tìm hiểu chính sách giảm nghèo {n}")
    slug = factory.Sequence(lambda n: f"tim-hieu-{n}")
    intro = "Cuộc thi trực tuyến tìm hiểu chính sách giảm nghèo bền vững."
    is_published = True


class RoundFactory(factory.django.DjangoModelFactory):
    """A round open now, for an hour either side."""

    class Meta:
        model = Round

    contest = factory.SubFactory(ContestFactory)
    number = factory.Sequence(lambda n: n + 1)
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=1))
    questions_per_attempt = 3
    time_limit_seconds = 300
    prediction_question = "Bao nhiêu người trả lời đúng tất cả các câu?"


def make_question(text: str, *, correct: int = 0, answers: int = 4, topic: str = "") -> Question:
    question = Question.objects.create(text=text, topic=topic, explanation=f"Giải thích: {text}")
    Choice.objects.bulk_create(
        Choice(
            question=question,
            text=f"Đáp án {letter} của «{text}»",
            is_correct=index == correct,
            sort_order=index,
        )
        for index, letter in enumerate("ABCDE"[:answers])
    )
    return question


def make_bank(count: int, *, topic: str = "") -> list[Question]:
    return [
        make_question(f"Câu hỏi số {n} về chính sách", correct=n % 4, topic=topic)
        for n in range(1, count + 1)
    ]


def add_prizes(round: Round, *tiers: tuple[str, int]) -> None:
    for index, (name, winners) in enumerate(tiers):
        PrizeTier.objects.create(round=round, name=name, winners=winners, sort_order=index)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    contest = factory.SubFactory(ContestFactory)
    name = "Nguyễn Văn An"
    phone = factory.Sequence(lambda n: f"09123{n:05d}")
    consent_at = factory.LazyFunction(timezone.now)
