"""A citizen registers for a contest on a phone, takes a round and sees their score."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from giamngheo.contests.models import Attempt, Participant
from tests.browser.test_accessibility import AXE, serious_violations
from tests.conftest import unit
from tests.contests.factories import ContestFactory, RoundFactory, make_bank

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390


@pytest.fixture
def contest(settings, hue_units, wagtail_tree):
    # A cheap proof of work: the widget solves it in a moment.
    settings.FEEDBACK_ALTCHA_COST = 100
    cache.clear()
    make_bank(8)
    round = RoundFactory(
        contest=ContestFactory(
            title="Tìm hiểu chính sách giảm nghèo bền vững 2025",
            slug="tim-hieu-giam-ngheo-2025",
            rules="<p>Mỗi người đăng ký một lần bằng số điện thoại của mình.</p>",
        ),
        number=1,
        questions_per_attempt=5,
    )
    yield round.contest
    cache.clear()


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH + 1


def accessible(page) -> bool:
    """No serious WCAG 2.1 AA violation (axe-core from npm, when installed)."""
    return not AXE.exists() or serious_violations(page) == []


def test_a_citizen_registers_takes_a_round_on_a_phone_and_sees_the_score(
    live_server, phone, contest
):
    commune = unit("19942", timezone.localdate())  # Xã Phú Vang
    phone.goto(live_server.url + "/cuoc-thi/")
    phone.get_by_role("link", name=contest.title).click()
    expect(phone.locator("h1")).to_have_text(contest.title)
    assert fits_the_phone(phone) and accessible(phone)

    phone.fill("input[name=name]", "Nguyễn Thị Lan")
    phone.select_option("select[name=unit]", str(commune.pk))
    phone.fill("input[name=phone]", "0905 123 456")
    phone.locator("input[name=consent]").check()
    phone.locator("form.contest-form button[type=submit]").click()  # solves the ALTCHA, then sends
    expect(phone.locator("#registered")).to_contain_text("Nguyễn Thị Lan", timeout=60_000)
    assert Participant.objects.get().phone == "0905123456"

    phone.locator("form.start-form button[type=submit]").click()
    phone.wait_for_url(re.compile(r".*/cuoc-thi/bai-thi/[^/]+/$"), timeout=60_000)
    attempt = Attempt.objects.get()
    expect(phone.locator("fieldset.question")).to_have_count(5)
    expect(phone.locator("#time-left")).to_be_visible()  # the optional countdown
    assert fits_the_phone(phone) and accessible(phone)

    # Answer every question right, by the answers' text (the page does not say which).
    for item in attempt.items.select_related("question").order_by("position"):
        right = item.question.choices.get(is_correct=True)
        phone.locator(f"fieldset#id_q{item.position}_0-group").get_by_text(
            right.text, exact=True
        ).click()
    phone.fill("input[name=prediction]", "12")
    phone.locator("#finish").click()
    phone.wait_for_url(re.compile(r".*/ket-qua/$"))
    expect(phone.locator("#score")).to_contain_text("5/5")
    assert fits_the_phone(phone) and accessible(phone)
    attempt.refresh_from_db()
    assert attempt.score == 5 and attempt.prediction == 12 and not attempt.timed_out

    # Back on the contest page, the round shows the result instead of a new start.
    phone.goto(live_server.url + f"/cuoc-thi/{contest.slug}/")
    expect(phone.locator("#vong-1")).to_contain_text("5/5")
    expect(phone.locator("form.start-form")).to_have_count(0)


def test_the_leaderboard_fits_a_phone(live_server, phone, contest):
    from giamngheo.contests import services
    from tests.contests.conftest import take
    from tests.contests.factories import ParticipantFactory

    round = contest.rounds.get()
    for n, commune in enumerate(("19942", "19768") * 4):
        who = ParticipantFactory(
            contest=contest,
            unit=unit(commune, timezone.localdate()),
            name=f"Tôn Nữ Thị Hoàng Anh {n}",
            phone=f"09050000{n:02d}",
        )
        take(services.start_attempt(participant=who, round=round), right=n % 6, seconds=40 + n)
    round.opens_at = timezone.now() - datetime.timedelta(days=2)
    round.closes_at = timezone.now() - datetime.timedelta(days=1)
    round.save()
    phone.goto(live_server.url + f"/cuoc-thi/{contest.slug}/vong-1/xep-hang/")
    expect(phone.locator("table.standings tbody tr")).to_have_count(8)
    expect(phone.locator("body")).not_to_contain_text("Tôn Nữ Thị Hoàng Anh")
    assert fits_the_phone(phone) and accessible(phone)
