"""Policy dialogues on the portal: their status, the section's listing, the page itself."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction

from giamngheo.engagement.models import DialogueIndexPage, PolicyDialogue
from giamngheo.engagement.pages import DialogueStatus
from giamngheo.engagement.services import ensure_dialogues_section
from giamngheo.portal.services import ensure_portal
from tests.conftest import unit

from .factories import PHU_DA, DialogueFactory, QuestionFactory

DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def now():
    return timezone.now()


# --- Status


def test_a_dialogue_is_open_for_questions_until_its_deadline(portal, now):
    dialogue = DialogueFactory(starts_at=now + 3 * DAY, questions_close_at=now + DAY)
    assert dialogue.status(now) == DialogueStatus.OPEN
    assert dialogue.status(now + 2 * DAY) == DialogueStatus.UPCOMING
    assert dialogue.status(now + 4 * DAY) == DialogueStatus.HELD


def test_without_a_deadline_questions_close_when_the_dialogue_starts(portal, now):
    dialogue = DialogueFactory(starts_at=now + DAY)
    assert dialogue.status(now) == DialogueStatus.OPEN
    assert dialogue.status(now + DAY) == DialogueStatus.HELD


def test_a_held_dialogue_with_minutes_is_answered(portal, now):
    dialogue = DialogueFactory(starts_at=now - DAY, minutes="<p>Biên bản buổi đối thoại.</p>")
    assert dialogue.status() == DialogueStatus.ANSWERED


def test_a_deadline_after_the_start_is_refused_with_a_message_on_the_field(portal, now):
    dialogue = PolicyDialogue(
        title="Đối thoại",
        slug="doi-thoai",
        unit=unit("478"),
        starts_at=now + DAY,
        questions_close_at=now + 2 * DAY,
        place="Hội trường",
    )
    with pytest.raises(Exception) as error:
        dialogue.full_clean()
    assert "questions_close_at" in error.value.message_dict


def test_the_level_follows_the_unit(portal):
    assert DialogueFactory(unit=unit(PHU_DA)).level == "commune"
    assert DialogueFactory(unit=unit("478")).level == "district"


# --- The section


def test_the_section_is_created_once_after_the_events_and_shows_in_the_menu(client, portal):
    section = DialogueIndexPage.objects.get()
    assert ensure_dialogues_section(portal) == section
    ensure_portal()
    assert DialogueIndexPage.objects.count() == 1
    slugs = list(Page.objects.child_of(portal).in_menu().values_list("slug", flat=True))
    assert slugs[slugs.index("su-kien") + 1] == "doi-thoai-chinh-sach"
    assert 'href="/doi-thoai-chinh-sach/"' in client.get("/").text


@pytest.fixture
def dialogues(portal, now):
    DialogueFactory(title="Đối thoại sắp tới ở Phú Đa", starts_at=now + 5 * DAY)
    DialogueFactory(
        title="Đối thoại tuần sau", starts_at=now + 2 * DAY, questions_close_at=now - HOUR
    )
    DialogueFactory(title="Đối thoại tháng trước", starts_at=now - 30 * DAY)
    DialogueFactory(
        title="Đối thoại năm ngoái", starts_at=now - 400 * DAY, minutes="<p>Biên bản.</p>"
    )
    DialogueFactory(title="Bản nháp chưa duyệt", starts_at=now + DAY, live=False)
    return DialogueIndexPage.objects.get()


def titles(items) -> list[str]:
    return [item.title for item in items]


def test_the_section_lists_coming_dialogues_soonest_first_then_past_ones_newest_first(
    client, dialogues
):
    response = client.get(dialogues.url)
    assert response.status_code == 200
    assert titles(response.context["coming"]) == [
        "Đối thoại tuần sau",
        "Đối thoại sắp tới ở Phú Đa",
    ]
    assert titles(response.context["page_obj"].object_list) == [
        "Đối thoại tháng trước",
        "Đối thoại năm ngoái",
    ]
    assert "Bản nháp chưa duyệt" not in response.text


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("open", ["Đối thoại sắp tới ở Phú Đa"]),
        ("upcoming", ["Đối thoại tuần sau"]),
        ("held", ["Đối thoại tháng trước"]),
        ("answered", ["Đối thoại năm ngoái"]),
    ],
)
def test_the_section_filters_by_status(client, dialogues, status, expected):
    context = client.get(dialogues.url, {"trang-thai": status}).context
    assert titles([*context["coming"], *context["page_obj"].object_list]) == expected


@pytest.mark.parametrize(
    "params", [{"trang-thai": "xyz"}, {"page": "abc"}, {"page": "999"}, {"page": "-1"}]
)
def test_bad_parameters_give_a_normal_listing(client, dialogues, params):
    response = client.get(dialogues.url, params)
    assert response.status_code == 200


def test_the_listing_runs_a_bounded_number_of_queries(
    client, dialogues, django_assert_max_num_queries
):
    for n in range(15):
        DialogueFactory(title=f"Đối thoại cũ {n}", starts_at=timezone.now() - (40 + n) * DAY)
    with django_assert_max_num_queries(14):
        assert client.get(dialogues.url).status_code == 200


# --- The page


def test_the_page_shows_its_facts_officials_and_published_questions_only(client, portal, now):
    dialogue = DialogueFactory(
        title="Đối thoại về nhà ở cho hộ nghèo",
        unit=unit(PHU_DA),
        place="Nhà văn hóa thôn 3",
        officials=[("Nguyễn Văn Bình", "Chủ tịch UBND thị trấn"), ("Lê Thị Hoa", "")],
    )
    QuestionFactory(dialogue=dialogue, text="Khi nào có tiền hỗ trợ làm nhà?", name="Bà Tư")
    QuestionFactory(dialogue=dialogue, text="Câu hỏi chưa duyệt", status="pending")
    QuestionFactory(dialogue=dialogue, text="Câu hỏi bị ẩn", status="hidden")
    text = client.get(dialogue.url).text
    assert "Nhà văn hóa thôn 3" in text and "Thị trấn Phú Đa" in text
    assert "Nguyễn Văn Bình" in text and "Chủ tịch UBND thị trấn" in text and "Lê Thị Hoa" in text
    assert "Khi nào có tiền hỗ trợ làm nhà?" in text and "Bà Tư" in text
    assert "Câu hỏi chưa duyệt" not in text and "Câu hỏi bị ẩn" not in text


def test_questions_are_ordered_by_how_many_agree(client, portal):
    dialogue = DialogueFactory()
    QuestionFactory(dialogue=dialogue, text="Ít người đồng tình", upvotes=1)
    QuestionFactory(dialogue=dialogue, text="Nhiều người đồng tình", upvotes=4)
    text = client.get(dialogue.url).text
    assert text.index("Nhiều người đồng tình") < text.index("Ít người đồng tình")


def test_answers_and_minutes_appear_only_once_the_dialogue_is_held(client, portal, now):
    document = get_document_model().objects.create(
        title="Biên bản đối thoại", file=ContentFile(b"%PDF-1.4", name="bien-ban.pdf")
    )
    minutes = {"minutes": "<p>Ghi nhận 12 ý kiến.</p>", "minutes_document": document}
    answer = {"answer": "Tháng 10 sẽ chi trả.", "answered_at": now}
    coming = DialogueFactory(starts_at=now + DAY, **minutes)
    QuestionFactory(dialogue=coming, **answer)
    held = DialogueFactory(starts_at=now - DAY, **minutes)
    QuestionFactory(dialogue=held, **answer)

    before = client.get(coming.url).text
    assert "Tháng 10 sẽ chi trả." not in before and "Ghi nhận 12 ý kiến." not in before
    after = client.get(held.url).text
    assert "Tháng 10 sẽ chi trả." in after and "Ghi nhận 12 ý kiến." in after
    assert document.url in after


def test_an_open_dialogue_shows_the_question_form_and_a_closed_one_does_not(client, portal, now):
    open_dialogue = DialogueFactory(starts_at=now + DAY)
    closed = DialogueFactory(starts_at=now + 2 * DAY, questions_close_at=now - HOUR)
    assert 'name="text"' in client.get(open_dialogue.url).text
    assert 'name="text"' not in client.get(closed.url).text


def test_the_page_runs_a_bounded_number_of_queries(client, portal, django_assert_max_num_queries):
    dialogue = DialogueFactory(officials=[("A", "B"), ("C", "D")])
    for n in range(25):
        QuestionFactory(dialogue=dialogue, commune=unit(PHU_DA), upvotes=n % 3)
    with django_assert_max_num_queries(22):
        assert client.get(dialogue.url).status_code == 200


@pytest.mark.parametrize("page", ["abc", "0", "999", "1" * 40])
def test_a_bad_question_page_number_gives_a_normal_page(client, portal, page):
    dialogue = DialogueFactory()
    QuestionFactory(dialogue=dialogue)
    assert client.get(dialogue.url, {"page": page}).status_code == 200


def test_a_draft_dialogue_and_its_addresses_answer_404(client, portal):
    draft = DialogueFactory(live=False, slug="ban-nhap")
    question = QuestionFactory(dialogue=draft)
    url = "/doi-thoai-chinh-sach/ban-nhap/"
    assert client.get(url).status_code == 404
    assert client.post(url + "dat-cau-hoi/", {"text": "Xin hỏi"}).status_code == 404
    assert client.post(url + f"dong-tinh/{question.pk}/").status_code == 404
    assert "ban-nhap" not in client.get("/doi-thoai-chinh-sach/").text


def test_a_private_dialogue_shows_nothing_and_takes_nothing_from_visitors(client, portal):
    dialogue = DialogueFactory(title="Đối thoại nội bộ")
    PageViewRestriction.objects.create(page=dialogue, restriction_type="login")
    question = QuestionFactory(dialogue=dialogue, text="Câu hỏi nội bộ")
    response = client.get(dialogue.url)
    assert response.status_code == 302 and "Câu hỏi nội bộ" not in response.text
    assert client.post(dialogue.url + f"dong-tinh/{question.pk}/").status_code == 302
    assert not question.upvotes.exists()
    assert "Đối thoại nội bộ" not in client.get("/doi-thoai-chinh-sach/").text


def test_a_dialogue_is_found_by_the_site_search_without_accents(client, portal):
    DialogueFactory(title="Đối thoại về tín dụng chính sách", summary="Vay vốn ưu đãi.")
    response = client.get("/tim-kiem/", {"q": "tin dung chinh sach"})
    assert "Đối thoại về tín dụng chính sách" in response.text
