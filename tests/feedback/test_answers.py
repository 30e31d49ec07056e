"""Answers published as public Q&A: anonymised text only, searchable without accents."""

import pytest

from giamngheo.feedback import services
from giamngheo.feedback.models import PublishedAnswer
from tests.accounts.factories import UserFactory
from tests.conftest import unit

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def province(hue_units):
    return UserFactory(role="province_staff", unit=unit("46"))


@pytest.fixture
def answered(categories, phu_vang, officer, wagtail_tree):
    feedback = FeedbackFactory(
        commune=phu_vang,
        assigned_unit=phu_vang,
        text="Tôi là Trần Thị Bình ở thôn 3, hộ cận nghèo có được vay vốn không?",
    )
    return services.answer_feedback(
        feedback=feedback, answer="Chị Bình liên hệ Ngân hàng Chính sách xã.", by=officer
    )


def publish(feedback, by):
    return services.publish_answer(
        feedback=feedback,
        question="Hộ cận nghèo có được vay vốn ưu đãi không?",
        answer="Có. Liên hệ Ngân hàng Chính sách xã hội tại xã.",
        by=by,
    )


def test_a_published_answer_shows_its_anonymised_text_only(
    client, answered, province, django_assert_max_num_queries
):
    item = publish(answered, province)
    with django_assert_max_num_queries(8):
        page = client.get("/hoi-dap/").content.decode()
    assert "Hộ cận nghèo có được vay vốn ưu đãi không?" in page
    detail = client.get(f"/hoi-dap/{item.pk}/").content.decode()
    for private in ("Trần Thị Bình", "Chị Bình", "0912345678", answered.tracking_code):
        assert private not in page and private not in detail


def test_search_finds_answers_with_or_without_accents(client, answered, province):
    publish(answered, province)
    for query in ("vay von uu dai", "VAY VỐN", "ngan hang"):
        page = client.get("/hoi-dap/", {"q": query})
        assert page.context["page_obj"].paginator.count == 1, query
    assert client.get("/hoi-dap/", {"q": "khong co gi"}).context["page_obj"].paginator.count == 0


def test_filter_by_category_and_bad_parameters_never_give_a_500(client, answered, province):
    publish(answered, province)
    assert (
        client.get("/hoi-dap/", {"chu-de": "policy-question"}).context["page_obj"].paginator.count
        == 1
    )
    assert (
        client.get("/hoi-dap/", {"chu-de": "suggestion"}).context["page_obj"].paginator.count == 0
    )
    for params in ({"chu-de": "<x>"}, {"page": "abc"}, {"page": "999"}, {"q": "x" * 1000}):
        assert client.get("/hoi-dap/", params).status_code == 200


def test_a_withdrawn_or_unpublished_answer_is_not_public(client, answered, province):
    item = publish(answered, province)
    services.unpublish_answer(feedback=answered, by=province)
    assert client.get(f"/hoi-dap/{item.pk}/").status_code == 404
    assert client.get("/hoi-dap/").context["page_obj"].paginator.count == 0
    assert client.get("/hoi-dap/999999/").status_code == 404


def test_a_commune_officer_cannot_publish(answered, officer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        publish(answered, officer)
    assert not PublishedAnswer.objects.exists()


def test_an_open_case_cannot_be_published(categories, phu_vang, province):
    from django.core.exceptions import ValidationError

    feedback = FeedbackFactory(commune=phu_vang)
    with pytest.raises(ValidationError):
        publish(feedback, province)


def test_province_publishes_from_the_case_page(client, answered, province):
    client.force_login(province)
    response = client.post(
        f"/admin/phan-anh/ca/{answered.pk}/publish/",
        {"question": "Hộ cận nghèo vay vốn?", "answer": "Được, theo Nghị định."},
    )
    assert response.status_code == 302
    assert PublishedAnswer.objects.get().question == "Hộ cận nghèo vay vốn?"
