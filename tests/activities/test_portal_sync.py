"""Portal items count in the register without being entered twice."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from giamngheo.activities.models import Activity
from giamngheo.activities.services import sync_portal_activities
from tests.contests.factories import ContestFactory, RoundFactory
from tests.engagement.factories import DialogueFactory
from tests.portal.factories import ArticlePageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal(hue_units, wagtail_tree):
    from giamngheo.portal.services import ensure_portal

    return ensure_portal()


def entries_of(item):
    return Activity.objects.filter(
        source_id=item.pk, source_type__model=type(item)._meta.model_name
    )


def test_publishing_a_news_article_creates_one_register_entry(portal):
    article = ArticlePageFactory(title="Hội nghị sơ kết giảm nghèo", date=datetime.date(2023, 4, 5))
    entry = entries_of(article).get()
    assert (entry.kind.name, entry.title, entry.start_date) == (
        "Tin bài",
        "Hội nghị sơ kết giảm nghèo",
        datetime.date(2023, 4, 5),
    )
    # No unit of its own: the province's in force on that day.
    assert (entry.unit.code, entry.unit.level) == ("46", "province")


def test_republishing_updates_the_entry_and_keeps_staff_figures(portal):
    article = ArticlePageFactory(title="Bản tin số 1", date=datetime.date(2023, 4, 5))
    entry = entries_of(article).get()
    entry.audience_reached, entry.cost = 2500, 1_000_000
    entry.save()
    article.title = "Bản tin số 1 (cập nhật)"
    article.save_revision().publish()
    entry = entries_of(article).get()
    assert (entry.title, entry.audience_reached, entry.cost) == (
        "Bản tin số 1 (cập nhật)",
        2500,
        1_000_000,
    )
    assert Activity.objects.count() == 1


def test_unpublishing_removes_the_entry(portal):
    article = ArticlePageFactory(date=datetime.date(2023, 4, 5))
    article.unpublish()
    assert not entries_of(article).exists()


def test_deleting_the_page_removes_the_entry(portal):
    article = ArticlePageFactory(date=datetime.date(2023, 4, 5))
    article.delete()
    assert not Activity.objects.exists()


def test_a_draft_makes_no_entry(portal):
    ArticlePageFactory(live=False)
    assert not Activity.objects.exists()


def test_an_event_counts_by_its_kind_and_its_unit(portal):
    from tests.conftest import unit

    starts = timezone.make_aware(datetime.datetime(2023, 9, 12, 8, 0))
    event = EventPageFactory(kind="seminar", starts_at=starts, unit=unit("478"))
    entry = entries_of(event).get()
    assert (entry.kind.name, entry.unit.code, entry.start_date) == (
        "Hội thảo",
        "478",
        datetime.date(2023, 9, 12),
    )


def test_a_policy_dialogue_counts_as_a_dialogue_of_its_unit(portal):
    starts = timezone.make_aware(datetime.datetime(2023, 10, 2, 14, 0))
    dialogue = DialogueFactory(starts_at=starts)
    entry = entries_of(dialogue).get()
    assert (entry.kind.name, entry.unit.code) == ("Đối thoại chính sách", "478")


def test_a_published_contest_counts_from_its_first_round(hue_units):
    contest = ContestFactory(title="Tìm hiểu giảm nghèo 2023")
    RoundFactory(contest=contest, opens_at=timezone.make_aware(datetime.datetime(2023, 8, 1)))
    entry = entries_of(contest).get()
    assert (entry.kind.name, entry.start_date) == ("Cuộc thi", datetime.date(2023, 8, 1))
    contest.is_published = False
    contest.save()
    assert not entries_of(contest).exists()


def test_the_backfill_makes_entries_for_published_items_only(portal):
    published = ArticlePageFactory(date=datetime.date(2023, 4, 5))
    ArticlePageFactory(live=False)
    Activity.objects.all().delete()
    assert sync_portal_activities() == 1
    assert entries_of(published).count() == 1
    call_command("sync_portal_activities", verbosity=0)  # idempotent
    assert Activity.objects.count() == 1
