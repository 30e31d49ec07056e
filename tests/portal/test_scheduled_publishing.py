"""An editor's page scheduled for later appears by itself at its time."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from giamngheo.portal.models import ArticlePage, NewsIndexPage
from giamngheo.portal.services import ensure_portal


def test_a_scheduled_article_goes_live_when_its_time_has_come(client, db):
    ensure_portal()
    news = NewsIndexPage.objects.get()
    article = news.add_child(instance=ArticlePage(title="Tin hẹn giờ", live=False))
    revision = article.save_revision()
    revision.approved_go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision.save()
    call_command("run_scheduler", "--once")
    assert not ArticlePage.objects.get(pk=article.pk).live

    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    call_command("run_scheduler", "--once")
    article.refresh_from_db()
    assert article.live
    assert client.get(article.url).status_code == 200


def test_an_editors_draft_approved_for_later_appears_at_its_time(client, db):
    # The whole editorial path: the editor sets a go-live time and submits; the
    # approver approves; the page waits, then the scheduler publishes it.
    from wagtail.models import Revision

    from tests.accounts.factories import UserFactory

    ensure_portal()
    editor, approver = UserFactory(role="editor"), UserFactory(role="approver")
    news = NewsIndexPage.objects.get()
    article = news.add_child(instance=ArticlePage(title="Tin duyệt trước", live=False))
    article.go_live_at = timezone.now() + datetime.timedelta(hours=2)
    article.save_revision(user=editor)
    state = article.get_workflow().start(article, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, approver, "approve")

    article.refresh_from_db()
    assert not article.live  # approved, but its time has not come
    scheduled = Revision.page_revisions.filter(
        object_id=str(article.pk), approved_go_live_at__isnull=False
    )
    assert scheduled.count() == 1
    assert client.get(f"{news.url}{article.slug}/").status_code == 404

    # Two hours later: the stored times (schedule and the page's own go-live time)
    # moved back rather than the clock forward.
    revision = scheduled.get()
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("run_scheduler", "--once")
    article.refresh_from_db()
    assert article.live
    assert "Tin duyệt trước" in client.get(news.url).text
