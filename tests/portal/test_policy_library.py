"""The library of policy documents: seeded, filterable, typed without accents."""

import pytest

from giamngheo.portal.models import PolicyDocumentPage
from giamngheo.portal.services import ensure_portal


@pytest.fixture
def library(db):
    ensure_portal()
    return PolicyDocumentPage.objects.first().get_parent().specific


def numbers(response):
    return [document.number for document in response.context["page_obj"].object_list]


def test_the_plans_documents_are_seeded_once(library):
    ensure_portal()
    assert sorted(PolicyDocumentPage.objects.live().values_list("number", flat=True)) == [
        "04-NQ/TU",
        "05-CT/TW",
        "NQ Đại hội XIII",
    ]


def test_a_citizen_finds_a_policy_typed_without_accents(client, library):
    response = client.get(library.url, {"q": "giam ngheo ben vung"})
    assert response.status_code == 200
    assert set(numbers(response)) == {"04-NQ/TU", "05-CT/TW"}
    assert numbers(client.get(library.url, {"q": "05-ct"})) == ["05-CT/TW"]
    assert numbers(client.get(library.url, {"q": "dai hoi"})) == ["NQ Đại hội XIII"]


def test_filters_by_type_status_and_year(client, library):
    assert numbers(client.get(library.url, {"type": "chi-thi"})) == ["05-CT/TW"]
    assert len(numbers(client.get(library.url, {"status": "in_force", "year": "2021"}))) == 3
    assert numbers(client.get(library.url, {"status": "expired"})) == []


def test_an_unpublished_document_leaves_the_library(client, library):
    PolicyDocumentPage.objects.get(number="05-CT/TW").unpublish()
    assert "05-CT/TW" not in numbers(client.get(library.url))


def test_a_document_page_shows_its_metadata(client, library):
    document = PolicyDocumentPage.objects.get(number="04-NQ/TU")
    response = client.get(document.url)
    assert response.status_code == 200
    assert "03/11/2021" in response.text
    assert "Ban Chấp hành Đảng bộ tỉnh Thừa Thiên Huế khóa XVI" in response.text


def test_library_and_document_render_in_a_bounded_number_of_queries(
    client, library, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        assert client.get(library.url).status_code == 200
    document = PolicyDocumentPage.objects.get(number="05-CT/TW")
    with django_assert_max_num_queries(12):
        assert client.get(document.url).status_code == 200
