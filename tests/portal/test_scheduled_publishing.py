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
