"""Editors write, approvers publish, through Wagtail's workflow."""

from wagtail.models import WorkflowState

from giamngheo.portal.models import ArticlePage, NewsIndexPage
from giamngheo.portal.services import ensure_portal
from tests.accounts.factories import UserFactory


def test_an_editors_draft_is_published_only_after_approval(client, wagtail_tree):
    ensure_portal()
    editor = UserFactory(role="editor")
    approver = UserFactory(role="approver")
    news = NewsIndexPage.objects.get()
    assert not news.permissions_for_user(editor).can_publish_subpage()

    article = news.add_child(instance=ArticlePage(title="Bài chờ duyệt", live=False))
    article.save_revision(user=editor)
    workflow = article.get_workflow()
    assert workflow.name == "Duyệt bài cổng thông tin"
    state = workflow.start(article, editor)
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert client.get(f"{news.url}{article.slug}/").status_code == 404

    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(article, approver)
    assert not task_state.task.specific.user_can_access_editor(article, UserFactory(role="leader"))
    task_state.task.specific.on_action(task_state, approver, "approve")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    article.refresh_from_db()
    assert article.live
    assert client.get(article.url).status_code == 200
