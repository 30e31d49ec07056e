"""Staff side: results and exports by role and unit; phone numbers for the province only."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from giamngheo.contests import services
from giamngheo.contests.models import Attempt, Question
from tests.accounts.factories import UserFactory

from .conftest import take
from .factories import ParticipantFactory, add_prizes
from .test_ranking import close

pytestmark = pytest.mark.django_db

PHONES = ("0911000001", "0911000002", "0911000003")


@pytest.fixture
def played(open_round, phu_vang, phu_xuan):
    """Three participants (two in Phú Vang, one in Phú Xuân) who took the round, now closed."""
    add_prizes(open_round, ("Giải Nhất", 1))
    people = [
        ParticipantFactory(contest=open_round.contest, unit=unit, name=name, phone=phone)
        for unit, name, phone in (
            (phu_xuan, "Phạm Văn Xuân", PHONES[0]),
            (phu_vang, "Lê Thị Vang", PHONES[1]),
            (phu_vang, "Đặng Văn Đa", PHONES[2]),
        )
    ]
    for right, who in zip((3, 2, 1), people, strict=True):
        take(services.start_attempt(participant=who, round=open_round), right=right)
    close(open_round)
    return open_round


def refused(response) -> bool:
    """Wagtail answers a permission refusal with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def sheet_rows(response) -> list[list]:
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def flat(rows) -> str:
    return " ".join(str(cell) for row in rows for cell in row)


def test_province_staff_see_the_whole_ranking_with_phones(client, played, province_staff):
    client.force_login(province_staff)
    page = client.get(reverse("contests_round_results", args=[played.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Phạm Văn Xuân" in html and "0911 000 001" in html
    rows = sheet_rows(client.get(reverse("contests_export_ranking", args=[played.pk])))
    assert [row[1] for row in rows[1:]] == ["Phạm Văn Xuân", "Lê Thị Vang", "Đặng Văn Đa"]
    assert all(phone in flat(rows) for phone in PHONES) and len(rows[0]) == 11
    people = sheet_rows(
        client.get(reverse("contests_export_participants", args=[played.contest_id]))
    )
    assert len(people) == 4 and all(phone in flat(people) for phone in PHONES)


def test_a_district_officer_never_gets_participants_phone_numbers(client, played, district_officer):
    client.force_login(district_officer)
    page = client.get(reverse("contests_round_results", args=[played.pk]))
    assert page.status_code == 200
    assert not any(phone in page.content.decode() for phone in PHONES)
    assert "0911 000" not in page.content.decode()
    rows = sheet_rows(client.get(reverse("contests_export_ranking", args=[played.pk])))
    assert not any(phone in flat(rows) for phone in PHONES)
    assert len(rows[0]) == 9  # the province's 11 columns less phone and e-mail
    assert refused(client.get(reverse("contests_export_participants", args=[played.contest_id])))
    assert refused(client.get(reverse("contest_participants:index")))


def test_a_commune_officer_reads_their_communes_participants_with_their_province_rank(
    client, played, commune_officer
):
    client.force_login(commune_officer)  # Phú Đa, code 19942: today's Xã Phú Vang
    rows = sheet_rows(client.get(reverse("contests_export_ranking", args=[played.pk])))
    assert [(row[0], row[1]) for row in rows[1:]] == [(2, "Lê Thị Vang"), (3, "Đặng Văn Đa")]
    assert not any(phone in flat(rows) for phone in PHONES)


def test_staff_without_contest_rights_are_refused(client, played):
    editor = UserFactory(role="editor")
    client.force_login(editor)
    for url in (
        reverse("contests_round_results", args=[played.pk]),
        reverse("contests_export_ranking", args=[played.pk]),
        reverse("contests_export_participants", args=[played.contest_id]),
        reverse("contests_import_questions"),
    ):
        assert refused(client.get(url))
    client.logout()
    response = client.get(reverse("contests_export_ranking", args=[played.pk]))
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_province_staff_publish_the_results_a_district_cannot(
    client, played, province_staff, district_officer
):
    url = reverse("contests_publish_results", args=[played.pk])
    client.force_login(district_officer)
    assert refused(client.post(url))
    client.force_login(province_staff)
    assert client.post(url).status_code == 302
    played.refresh_from_db()
    assert played.results_published_at is not None
    winner = Attempt.objects.get(rank=1)
    assert winner.participant.name == "Phạm Văn Xuân" and winner.prize.name == "Giải Nhất"


def test_publishing_an_open_round_is_refused_with_a_message(client, open_round, province_staff):
    client.force_login(province_staff)
    response = client.post(reverse("contests_publish_results", args=[open_round.pk]), follow=True)
    assert response.status_code == 200
    open_round.refresh_from_db()
    assert open_round.results_published_at is None


def test_the_results_page_runs_a_bounded_number_of_queries(
    client, played, province_staff, django_assert_max_num_queries
):
    client.force_login(province_staff)
    client.get(reverse("contests_round_results", args=[played.pk]))
    with django_assert_max_num_queries(30):
        assert client.get(reverse("contests_round_results", args=[played.pk])).status_code == 200


def test_the_participant_listing_is_for_the_province_and_shows_phones(
    client, played, province_staff
):
    client.force_login(province_staff)
    page = client.get(reverse("contest_participants:index"))
    assert page.status_code == 200
    assert "Lê Thị Vang" in page.content.decode() and "0911 000 002" in page.content.decode()


@pytest.mark.parametrize(
    "name", ["contests_admin:index", "contest_rounds:index", "contest_questions:index"]
)
def test_the_admin_listings_open_for_province_staff(client, played, province_staff, name):
    client.force_login(province_staff)
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize(
    "name",
    [
        "contests_admin:add",
        "contest_rounds:add",
        "contest_questions:add",
        "contests_import_questions",
    ],
)
def test_the_admin_forms_open_for_province_staff(client, province_staff, bank, name):
    client.force_login(province_staff)
    assert client.get(reverse(name)).status_code == 200


def test_the_edit_forms_and_an_empty_rounds_results_open(client, province_staff, open_round):
    client.force_login(province_staff)
    question = Question.objects.first()
    for url in (
        reverse("contests_admin:edit", args=[open_round.contest_id]),
        reverse("contest_rounds:edit", args=[open_round.pk]),
        reverse("contest_questions:edit", args=[question.pk]),
        reverse("contests_round_results", args=[open_round.pk]),
    ):
        assert client.get(url).status_code == 200, url
