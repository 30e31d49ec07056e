"""Events: upcoming ones first, soonest first; past ones after, newest first, with their report."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from giamngheo.portal.events import EventIndexPage, EventKind, EventPage, upcoming_events
from tests.accounts.factories import UserFactory
from tests.conftest import unit

from .factories import EventPageFactory

DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def events(db):
    """Two events to come, one under way, two over, one without an end that has begun."""
    now = timezone.now()
    EventPageFactory(title="Hội thi tuyên truyền viên", starts_at=now + 10 * DAY)
    EventPageFactory(title="Đối thoại chính sách ở Phú Đa", starts_at=now + 2 * DAY)
    EventPageFactory(title="Hội nghị đang diễn ra", starts_at=now - HOUR, ends_at=now + HOUR)
    EventPageFactory(title="Hội thảo tháng trước", starts_at=now - 30 * DAY)
    EventPageFactory(title="Hội nghị năm ngoái", starts_at=now - 400 * DAY)
    EventPageFactory(title="Buổi diễn sáng nay", starts_at=now - 3 * HOUR, ends_at=None)
    return EventIndexPage.objects.get()


def titles(events) -> list[str]:
    return [event.title for event in events]


def test_upcoming_events_come_first_soonest_first_then_past_ones_newest_first(client, events):
    response = client.get(events.url)
    assert response.status_code == 200
    assert titles(response.context["upcoming"]) == [
        "Hội nghị đang diễn ra",
        "Đối thoại chính sách ở Phú Đa",
        "Hội thi tuyên truyền viên",
    ]
    assert titles(response.context["page_obj"].object_list) == [
        "Buổi diễn sáng nay",
        "Hội thảo tháng trước",
        "Hội nghị năm ngoái",
    ]
    text = response.text
    assert text.index("Đối thoại chính sách ở Phú Đa") < text.index("Hội thảo tháng trước")


def test_the_home_page_list_takes_the_next_events_of_the_portal(events):
    assert titles(upcoming_events(2)) == ["Hội nghị đang diễn ra", "Đối thoại chính sách ở Phú Đa"]


def test_past_events_are_paginated_and_later_pages_skip_the_upcoming_ones(client, events):
    start = timezone.now() - 100 * DAY
    for n in range(20):
        EventPageFactory(title=f"Hội nghị cũ {n}", starts_at=start - n * DAY)
    first = client.get(events.url)
    assert len(first.context["page_obj"].object_list) == 20
    second = client.get(events.url, {"page": "2"})
    assert titles(second.context["page_obj"].object_list) == [
        "Hội nghị cũ 18",
        "Hội nghị cũ 19",
        "Hội nghị năm ngoái",
    ]
    assert second.context["upcoming"] == []


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1" * 40])
def test_a_bad_page_number_gives_a_normal_page(client, events, page):
    assert client.get(events.url, {"page": page}).status_code == 200


def test_the_event_page_shows_kind_times_place_unit_and_organiser(client, hue_units):
    # 01:30 UTC is 08:30 in Huế.
    start = datetime.datetime(2024, 5, 3, 1, 30, tzinfo=datetime.UTC)
    event = EventPageFactory(
        title="Gặp gỡ người dân thị trấn",
        kind=EventKind.DIALOGUE,
        starts_at=start,
        ends_at=start + 3 * HOUR,
        place="Nhà văn hóa thôn 3",
        unit=unit("19942"),
        organiser="Ủy ban nhân dân thị trấn Phú Đa",
        body="<p>8 giờ 30: khai mạc.</p>",
    )
    response = client.get(event.url)
    assert response.status_code == 200
    text = response.text
    assert "03/05/2024 08:30" in text and "11:30" in text
    assert "Nhà văn hóa thôn 3" in text and "Thị trấn Phú Đa" in text
    assert "Ủy ban nhân dân thị trấn Phú Đa" in text and "8 giờ 30: khai mạc." in text
    with translation.override("vi"):
        assert str(EventKind.DIALOGUE.label) in text


def test_an_event_over_several_days_shows_both_dates(client, db):
    start = datetime.datetime(2024, 5, 3, 1, 0, tzinfo=datetime.UTC)
    event = EventPageFactory(starts_at=start, ends_at=start + 2 * DAY)
    assert "05/05/2024 08:00" in client.get(event.url).text


def test_the_report_and_its_document_appear_once_the_event_is_over(client, db):
    document = get_document_model().objects.create(
        title="Báo cáo kết quả hội nghị", file=ContentFile(b"%PDF-1.4", name="bao-cao.pdf")
    )
    report = {"report": "<p>Hơn 200 đại biểu tham dự.</p>", "report_document": document}
    future = EventPageFactory(starts_at=timezone.now() + DAY, **report)
    past = EventPageFactory(starts_at=timezone.now() - 5 * DAY, **report)

    assert "Hơn 200 đại biểu tham dự." not in client.get(future.url).text
    text = client.get(past.url).text
    assert "Hơn 200 đại biểu tham dự." in text
    assert f'href="{document.url}"' in text and "Báo cáo kết quả hội nghị" in text


def test_an_event_cannot_end_before_it_starts(client, db):
    EventPageFactory()  # sets the portal up
    index = EventIndexPage.objects.get()
    editor = UserFactory(role="editor")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("portal", "eventpage", index.pk))
    response = client.post(
        url,
        {
            "title": "Hội nghị ngược giờ",
            "slug": "hoi-nghi-nguoc-gio",
            "kind": "conference",
            "starts_at": "03/05/2024 14:00",
            "ends_at": "03/05/2024 08:00",
            "place": "Hội trường",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200  # the form again, not a redirect
    assert "ends_at" in response.context["form"].errors
    # Shown at the field, in the staff's language (Vietnamese once the catalogue has it).
    with translation.override("vi"):
        message = gettext("The event cannot end before it starts.")
    assert message in response.text
    assert not EventPage.objects.filter(slug="hoi-nghi-nguoc-gio").exists()


def test_drafts_unpublished_and_private_events_are_neither_listed_nor_reachable(client, events):
    soon = timezone.now() + DAY
    draft = EventPageFactory(title="Sự kiện nháp", starts_at=soon, live=False)
    withdrawn = EventPageFactory(title="Sự kiện đã gỡ", starts_at=soon)
    withdrawn_url = withdrawn.url
    withdrawn.unpublish()
    private = EventPageFactory(title="Họp nội bộ", starts_at=soon)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    response = client.get(events.url)
    for hidden in ("Sự kiện nháp", "Sự kiện đã gỡ", "Họp nội bộ"):
        assert hidden not in response.text
        assert hidden not in titles(upcoming_events(10))
    assert client.get(f"{events.url}{draft.slug}/").status_code == 404
    assert client.get(withdrawn_url).status_code == 404
    assert "Họp nội bộ" not in client.get(private.url).text


def test_the_events_section_and_an_event_render_in_a_bounded_number_of_queries(
    client, events, hue_units, django_assert_max_num_queries
):
    start = timezone.now() - 100 * DAY
    for n in range(25):
        EventPageFactory(starts_at=start - n * DAY, unit=unit("19942"))
    for n in range(5):
        EventPageFactory(starts_at=timezone.now() + (n + 1) * DAY, unit=unit("20068"))
    with django_assert_max_num_queries(15):
        assert client.get(events.url).status_code == 200
    event = EventPage.objects.filter(unit__isnull=False).first()
    with django_assert_max_num_queries(12):
        assert client.get(event.url).status_code == 200
