"""A production setup builds the portal once and keeps the address it was given."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Site

from giamngheo.portal.models import HomePage, NewsIndexPage
from giamngheo.portal.services import ensure_portal


def test_setup_portal_builds_the_sections_and_sets_the_public_address(db):
    call_command("setup_portal", "--hostname", "giamngheo.hue.gov.vn")
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "https://giamngheo.hue.gov.vn"
    assert isinstance(site.root_page.specific, HomePage)
    assert NewsIndexPage.objects.count() == 1


def test_setting_up_again_keeps_the_address_and_adds_nothing(db):
    call_command("setup_portal", "--hostname", "giamngheo.hue.gov.vn")
    call_command("setup_portal")
    ensure_portal()  # as load_demo does
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "https://giamngheo.hue.gov.vn"
    assert NewsIndexPage.objects.count() == 1


def test_a_bad_host_name_is_refused_with_a_message(db):
    call_command("setup_portal")
    with pytest.raises(CommandError, match="not a host/name"):
        call_command("setup_portal", "--hostname", "not a host/name")
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
