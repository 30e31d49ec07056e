"""The demo data set: every role, labelled, reproducible, loaded once."""

import datetime
import random

import pytest
from django.core.management import call_command
from wagtail.models import Page

from giamngheo.accounts.models import User
from giamngheo.accounts.roles import ROLES
from giamngheo.broadcasts.models import Broadcast
from giamngheo.demo.models import DemoDataSet
from giamngheo.demo.services import DEMO_EMAIL_DOMAIN, load_broadcasts, load_demo
from giamngheo.portal.models import ArticlePage
from giamngheo.units.models import Unit

pytestmark = pytest.mark.usefixtures("hue_units")


def broadcast_rows(communes):
    return list(
        Broadcast.objects.filter(commune__in=communes)
        .order_by("commune__code", "on", "title", "minutes")
        .values_list("commune__code", "on", "title", "minutes", "source")
    )


def test_demo_has_a_user_for_every_role_with_a_unit():
    assert load_demo(seed=7, parts=["users"]) is True
    users = User.objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}")
    roles = {group.name for user in users for group in user.groups.all()}
    assert roles == {role.name for role in ROLES}
    assert all(user.unit is not None for user in users)
    assert User.objects.get(username="xa").unit.code == "19942"
    assert User.objects.get(username="huyen").unit.level == "district"


def test_same_seed_gives_the_same_radio_logs():
    communes = Unit.objects.filter(code__in=["19942", "20068"])
    load_broadcasts(random.Random("a"), communes=communes)
    first = broadcast_rows(communes)
    load_broadcasts(random.Random("a"), communes=communes)
    assert broadcast_rows(communes) == first
    load_broadcasts(random.Random("b"), communes=communes)
    assert broadcast_rows(communes) != first


def test_full_demo_covers_every_commune_and_a_second_load_changes_nothing(
    capsys, settings, tmp_path, wagtail_tree
):
    settings.MEDIA_ROOT = tmp_path  # the portal's generated pictures and sounds
    call_command("load_demo", "--seed", "7")
    assert DemoDataSet.objects.get().seed == 7
    out = capsys.readouterr().out
    assert "tinh" in out and "GiamNgheo@2025" in out
    communes_2023 = Unit.objects.in_force(datetime.date(2023, 6, 30)).filter(level="commune")
    logged = Broadcast.objects.filter(on__year=2023).values("commune").distinct().count()
    assert logged == communes_2023.count() == 141
    assert ArticlePage.objects.live().count() >= 30
    count, pages = Broadcast.objects.count(), Page.objects.count()
    assert load_demo(seed=7) is False
    assert Broadcast.objects.count() == count
    assert Page.objects.count() == pages
