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
    # Commune officers work in communes of today's map; huyen keeps the dissolved district.
    today = datetime.date(2026, 12, 3)
    xa, xa2 = User.objects.get(username="xa").unit, User.objects.get(username="xa2").unit
    assert (xa.code, xa.name) == ("19942", "Xã Phú Vang") and xa.is_in_force(today)
    assert xa2.name.startswith("Xã A Lưới") and xa2.is_in_force(today)
    huyen = User.objects.get(username="huyen").unit
    assert huyen.level == "district" and not huyen.is_in_force(today)


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
    assert_2026_runs_through_today()
    count, pages = Broadcast.objects.count(), Page.objects.count()
    assert load_demo(seed=7) is False
    assert Broadcast.objects.count() == count
    assert Page.objects.count() == pages


def assert_2026_runs_through_today():
    """2026 on the two-level map: radio of every commune, plans in every state,
    courses, feedback in every state, nothing done in the future."""
    from django.utils import timezone

    from giamngheo.activities.models import Activity
    from giamngheo.feedback.models import Feedback, FeedbackStatus
    from giamngheo.plans.models import CommunicationPlan
    from giamngheo.training.models import TrainingCourse

    today = timezone.localdate()
    communes_now = Unit.objects.in_force(today).filter(level="commune", province_code="46")
    logged = Broadcast.objects.filter(on__year=2026, commune__in=communes_now)
    assert logged.values("commune").distinct().count() == communes_now.count() == 40
    assert not Broadcast.objects.filter(on__gt=today).exists()
    plans = CommunicationPlan.objects.filter(period__name="2026–2030")
    assert {plan.get_approval_status() for plan in plans} == {"approved", "submitted", "draft"}
    assert plans.filter(unit__level="district").count() == 0
    assert TrainingCourse.objects.filter(start_date__year=2026).exists()
    assert not TrainingCourse.objects.filter(end_date__gt=today).exists()
    assert set(Feedback.objects.values_list("status", flat=True)) == set(FeedbackStatus.values)
    entered = Activity.objects.filter(source_type__isnull=True)
    assert entered.filter(start_date__year=2026).exists()
    assert not entered.filter(start_date__gt=today).exists()
