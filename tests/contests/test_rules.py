"""Single-record rules: phone numbers, short names, round times, reserved addresses, drawing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from giamngheo.contests.models import Contest, Round, short_name
from giamngheo.contests.phones import display_phone, normalise_phone
from giamngheo.contests.services import draw


@pytest.mark.parametrize(
    "typed",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "+84 912 345 678",
        "84912345678",
        "0084912345678",
    ],
)
def test_a_mobile_number_typed_any_usual_way_is_stored_one_way(typed):
    assert normalise_phone(typed) == "0912345678"


def test_a_fixed_line_with_its_area_code_is_accepted():
    assert normalise_phone("0234 3822 123") == "02343822123"
    assert display_phone("02343822123") == "0234 3822 123"


@pytest.mark.parametrize(
    "typed", ["", "12345", "0112345678", "091234567", "09123456789", "+1 202 555 0100", "abc"]
)
def test_anything_else_is_refused(typed):
    with pytest.raises(ValidationError):
        normalise_phone(typed)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Nguyễn Văn An", "Nguyễn V. A."),
        ("Tôn Nữ Thị Ánh Tuyết", "Tôn N. T. Á. T."),
        ("  Lê   Đức ", "Lê Đ."),
        ("Hà", "Hà"),
    ],
)
def test_the_public_sees_a_shortened_name(name, shown):
    assert short_name(name) == shown


def test_a_round_closes_after_it_opens(db):
    now = timezone.now()
    contest = Contest.objects.create(title="Cuộc thi", slug="cuoc-thi-a")
    round = Round(contest=contest, number=1, opens_at=now, closes_at=now - datetime.timedelta(1))
    with pytest.raises(ValidationError) as error:
        round.full_clean()
    assert "closes_at" in error.value.message_dict


def test_an_address_the_site_uses_cannot_be_a_contests(db):
    with pytest.raises(ValidationError) as error:
        Contest(title="Bài thi", slug="bai-thi").full_clean()
    assert "slug" in error.value.message_dict


def test_a_draw_is_random_but_the_same_seed_gives_the_same_draw():
    pool = {qid: [qid * 10 + i for i in range(4)] for qid in range(1, 21)}
    first = draw(pool, 5, seed=42)
    assert first == draw(pool, 5, seed=42)
    assert len({qid for qid, _order in first}) == 5
    for qid, order in first:
        assert sorted(order) == pool[qid]  # every answer, in some order
    others = [draw(pool, 5, seed=seed) for seed in range(1, 30)]
    assert any(draw_ != first for draw_ in others)
    # Over many draws the answers are shuffled, not left in the stored order.
    assert any(order != pool[qid] for d in others for qid, order in d)
