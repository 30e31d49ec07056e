"""Every search box takes any text: quotes, colons, FTS operators never make a 500."""

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model

from giamngheo.portal.services import ensure_portal
from tests.accounts.factories import UserFactory
from tests.conftest import unit

pytestmark = pytest.mark.django_db

QUERIES = [
    'nguồn: http://example.vn "giảm',
    '"',
    '""',
    "title:giảm nghèo",
    "giảm* OR nghèo NOT (hộ",
    "NEAR(a b) ^start",
    "'; DROP TABLE x; --",
    # A NUL character answers 400 before any view (tests/portal/test_query_parameters.py).
]
SEARCHES = [
    "wagtaildocs:index",
    "wagtaildocs_chooser:choose",
    "wagtailadmin_choose_page_search",
    "wagtailimages:index",
    "wagtailadmin_pages:search",
]


@pytest.fixture
def staff(client, hue_units, wagtail_tree):
    ensure_portal()
    get_document_model().objects.create(title="Quyết định giảm nghèo nguồn vốn", file="a.pdf")
    client.force_login(UserFactory(role="province_staff", unit=unit("46"), is_superuser=True))
    return client


def test_admin_and_portal_search_boxes_answer_any_text(staff, client):
    failed = [
        (name, query, status)
        for query in QUERIES
        for name in SEARCHES
        if (status := staff.get(reverse(name), {"q": query}).status_code) != 200
    ]
    client.logout()
    failed += [
        ("portal", query, status)
        for query in QUERIES
        if (status := client.get("/tim-kiem/", {"q": query}).status_code) != 200
    ]
    assert failed == []


def test_a_phrase_with_a_colon_still_finds_the_document(staff):
    response = staff.get(reverse("wagtaildocs:index"), {"q": '"giảm nghèo nguồn"'})
    assert "Quyết định giảm nghèo nguồn vốn" in response.content.decode()
