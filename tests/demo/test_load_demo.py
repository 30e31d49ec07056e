"""The demo data set: every role, labelled, reproducible, loaded once."""

import pytest
from django.core.management import call_command

from giamngheo.accounts.models import User
from giamngheo.accounts.roles import ROLES
from giamngheo.broadcasts.models import Broadcast
from giamngheo.demo.models import DemoDataSet
from giamngheo.demo.services import DEMO_EMAIL_DOMAIN, load_demo

pytestmark = pytest.mark.usefixtures("hue_units")


def broadcast_rows():
    return list(
        Broadcast.objects.order_by("commune__code", "on", "title", "minutes").values_list(
            "commune__code", "on", "title", "minutes", "source"
        )
    )


def test_demo_has_a_user_for_every_role_with_a_unit():
    assert load_demo(seed=7) is True
    users = User.objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}")
    roles = {group.name for user in users for group in user.groups.all()}
    assert roles == {role.name for role in ROLES}
    assert all(user.unit is not None for user in users)
    assert User.objects.get(username="xa").unit.code == "19942"
    assert User.objects.get(username="huyen").unit.level == "district"


def test_second_load_changes_nothing():
    load_demo(seed=7)
    rows = broadcast_rows()
    assert load_demo(seed=7) is False
    assert broadcast_rows() == rows


def test_same_seed_gives_the_same_data():
    load_demo(seed=7)
    first = broadcast_rows()
    load_demo(seed=7, force=True)
    assert broadcast_rows() == first
    load_demo(seed=8, force=True)
    assert broadcast_rows() != first


def test_demo_is_labelled(capsys):
    call_command("load_demo", "--seed", "7")
    assert DemoDataSet.objects.get().seed == 7
    out = capsys.readouterr().out
    assert "tinh" in out and "GiamNgheo@2025" in out
