"""Figures on /ket-qua/ and the dashboard read as an official writes them: thousands
grouped, one percent style, the unit named."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from giamngheo.indicators.models import ProgrammePeriod, Target
from giamngheo.portal.results import ResultsPage
from giamngheo.portal.services import ensure_portal


@pytest.fixture
def big_target(hue_units, wagtail_tree):
    """The training target raised to 12.500 cadre-turns for 2021–2025."""
    period = ProgrammePeriod.objects.get(name="2021–2025")
    Target.objects.filter(period=period, indicator__code="tap-huan-can-bo").update(value=12500)
    ensure_portal()
    cache.clear()  # indicator values cached by an earlier test of the same database
    return ResultsPage.objects.get()


def _text(html: str) -> str:
    """What a reader sees: no tags, no scripts (the chart's JSON holds raw numbers)."""
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_results_page_groups_thousands_and_writes_shares_one_way(client, big_target):
    html = client.get(big_target.url, {"year": "2023"}).content.decode()
    text = _text(html)
    assert "12.500 lượt" in text and "12500" not in text
    assert "80%" in text  # the radio target: no "80,0%", no "80 %"
    assert not re.search(r"\d %", text) and "-0,0" not in text


def test_the_dashboard_groups_thousands_too(client, province_staff, big_target):
    client.force_login(province_staff)
    response = client.get(reverse("indicators_dashboard"), {"year": 2023})
    text = _text(response.content.decode())
    assert "12.500 lượt" in text and "12500" not in text
    assert "80%" in text and "-0,0" not in text
