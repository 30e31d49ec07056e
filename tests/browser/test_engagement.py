"""On a phone, a citizen asks a question before a policy dialogue, agrees with another,
and answers a poll; every page fits the screen."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from giamngheo.engagement.models import DialogueQuestion, Vote
from giamngheo.portal.services import ensure_portal
from tests.conftest import unit
from tests.engagement.factories import DialogueFactory, PollFactory, QuestionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390


@pytest.fixture
def world(hue_units, wagtail_tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # The real widget solves a real challenge, a small one.
    settings.FEEDBACK_ALTCHA_ALGORITHM = "SHA-256"
    settings.FEEDBACK_ALTCHA_COST = 1
    cache.clear()
    ensure_portal()
    dialogue = DialogueFactory(
        title="Đối thoại về vốn vay cho hộ nghèo ở Phú Đa",
        unit=unit("19942"),
        officials=[("Nguyễn Văn Bình", "Chủ tịch Ủy ban nhân dân thị trấn")],
    )
    QuestionFactory(dialogue=dialogue, text="Khi nào Ngân hàng Chính sách giải ngân đợt hai?")
    poll = PollFactory(
        question="Bạn biết Chương trình giảm nghèo qua kênh nào?",
        choices=["Loa truyền thanh xã", "Tivi", "Zalo, Facebook"],
    )
    yield {"dialogue": dialogue, "poll": poll}
    cache.clear()


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH + 1


def test_a_citizen_agrees_with_a_question_and_asks_their_own(live_server, phone, world):
    phone.goto(live_server.url + "/")
    # On a phone the sections are behind the menu's button.
    phone.locator("nav.main-menu button.menu-toggle").click()
    phone.get_by_role("navigation").get_by_role("link", name="Đối thoại chính sách").click()
    expect(phone.locator("h1")).to_have_text("Đối thoại chính sách")
    assert fits_the_phone(phone)
    phone.get_by_role("link", name="Đối thoại về vốn vay cho hộ nghèo ở Phú Đa").click()
    expect(phone.locator("body")).to_contain_text("Nguyễn Văn Bình")
    assert fits_the_phone(phone)

    # Agree with the published question: counted once, the button gives way to a note.
    question = phone.locator("li.question", has_text="Ngân hàng Chính sách giải ngân")
    question.locator("form.upvote-form button").click()
    expect(question.locator(".upvoted")).to_be_visible()
    expect(question.locator(".upvotes")).to_contain_text("1")
    assert fits_the_phone(phone)

    # Ask a question: the proof of work runs in the page, then the question waits for review.
    phone.fill("textarea[name=text]", "Hộ cận nghèo có được vay vốn sửa nhà không?")
    phone.fill("input[name=name]", "Trần Thị Mai")
    expect(phone.locator("input[name=altcha]")).not_to_have_value("", timeout=60_000)
    assert fits_the_phone(phone)
    phone.locator("form.engagement-form button[type=submit]").click()
    phone.wait_for_url(re.compile(r".*#dat-cau-hoi$"))
    expect(phone.locator(".notice")).to_be_visible()
    asked = DialogueQuestion.objects.get(name="Trần Thị Mai")
    assert asked.status == "pending"
    expect(phone.locator("body")).not_to_contain_text("Hộ cận nghèo có được vay vốn sửa nhà")
    assert fits_the_phone(phone)


def test_script_in_a_question_is_refused_on_its_field(live_server, phone, world):
    phone.goto(live_server.url + world["dialogue"].url)
    phone.fill("textarea[name=text]", "<script>alert('x')</script>")
    expect(phone.locator("input[name=altcha]")).not_to_have_value("", timeout=60_000)
    phone.locator("form.engagement-form button[type=submit]").click()
    expect(phone.locator("#form-errors")).to_be_visible()
    expect(phone.locator("#id_text")).to_have_attribute("aria-invalid", "true")
    assert DialogueQuestion.objects.count() == 1
    assert fits_the_phone(phone)


def test_a_citizen_answers_a_poll_and_sees_the_results(live_server, phone, world):
    phone.goto(live_server.url + "/tham-do/")
    phone.get_by_role("link", name="Bạn biết Chương trình giảm nghèo qua kênh nào?").click()
    assert fits_the_phone(phone)
    phone.get_by_label("Tivi").check()
    phone.locator("form.poll-form button[type=submit]").click()
    results = phone.locator("table.poll-results")
    expect(results).to_be_visible()
    expect(results.locator("tr", has_text="Tivi")).to_contain_text("100%")
    expect(phone.locator("form.poll-form")).to_have_count(0)
    assert Vote.objects.count() == 1
    assert fits_the_phone(phone)

    # Back on the poll: the browser remembers its answer.
    phone.reload()
    expect(phone.locator("table.poll-results")).to_be_visible()
    expect(phone.locator("form.poll-form")).to_have_count(0)
