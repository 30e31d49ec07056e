"""Every user starts where their work is: the admin home's panels for each role (issue 11 §4)."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from giamngheo.broadcasts.models import WeeklyLog, monday_of
from giamngheo.broadcasts.panels import CommuneGapsPanel, RadioWeekPanel
from giamngheo.evaluation.panels import FollowUpPanel
from giamngheo.feedback.models import AnswerTemplate, FeedbackCategory
from giamngheo.feedback.panels import CasesWaitingPanel
from giamngheo.feedback.seed import seed_categories
from giamngheo.indicators.models import ProgrammePeriod
from giamngheo.indicators.panels import TargetsPanel
from giamngheo.plans.panels import PlansDuePanel
from tests.accounts.factories import UserFactory
from tests.broadcasts.factories import BroadcastFactory
from tests.conftest import unit
from tests.evaluation.factories import RecommendationFactory, VisitFactory
from tests.feedback.factories import FeedbackFactory
from tests.plans.factories import CommunicationPlanFactory

# A Thursday on today's two-level map (no district since 1 July 2025).
THURSDAY = datetime.date(2026, 12, 3)
MONDAY = datetime.date(2026, 11, 30)
XA_PHU_VANG = "19942"  # Xã Phú Vang, the demo's commune officer's commune


@pytest.fixture
def officer_of_today(hue_units):
    return UserFactory(role="commune_officer", unit=unit(XA_PHU_VANG, THURSDAY))


def test_commune_officer_sees_this_weeks_programmes_and_missing_days(officer_of_today):
    commune = officer_of_today.unit
    BroadcastFactory(commune=commune, on=MONDAY)
    BroadcastFactory(commune=commune, on=MONDAY)
    BroadcastFactory(commune=commune, on=MONDAY + datetime.timedelta(days=2))
    BroadcastFactory(commune=unit("19900", THURSDAY), on=MONDAY + datetime.timedelta(days=1))

    html = RadioWeekPanel(officer_of_today, today=THURSDAY).render_html()

    assert "Xã Phú Vang" in html
    assert "30/11/2026" in html and "06/12/2026" in html
    # Tuesday and Thursday so far have nothing (another commune's Tuesday does not count);
    # Friday to Sunday are still to come.
    assert "01/12, 03/12" in html
    assert html.count("radio-day--missing") == 2
    assert html.count("radio-day--logged") == 2
    assert html.count("radio-day--later") == 3
    assert "Đã ghi 3 chương trình" in html


def test_commune_officers_week_buttons_open_the_week_grid_and_the_import(officer_of_today):
    html = RadioWeekPanel(officer_of_today, today=THURSDAY).render_html()

    assert f'href="{reverse("broadcasts_week")}?week=2026-11-30"' in html
    assert f'href="{reverse("broadcasts_import")}"' in html


def test_commune_officer_is_reminded_of_an_unreported_last_week(officer_of_today):
    html = RadioWeekPanel(officer_of_today, today=THURSDAY).render_html()
    assert "23/11/2026" in html and "chưa được báo cáo" in html
    assert "?week=2026-11-23" in html

    WeeklyLog.objects.create(
        commune=officer_of_today.unit, week_start=datetime.date(2026, 11, 23), no_programme=True
    )
    html = RadioWeekPanel(officer_of_today, today=THURSDAY).render_html()
    assert "chưa được báo cáo" not in html


def test_commune_officer_lands_on_this_week_when_signing_in(
    client, officer_of_today, django_assert_max_num_queries
):
    today = timezone.localdate()
    BroadcastFactory(commune=unit(XA_PHU_VANG, today), on=monday_of(today))
    client.force_login(officer_of_today)

    with django_assert_max_num_queries(42):
        response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="radio-week' in html
    assert f"?week={monday_of(today).isoformat()}" in html


def test_the_week_grid_opens_on_the_week_the_button_asks_for(client, officer_of_today):
    client.force_login(officer_of_today)
    monday = monday_of(timezone.localdate())
    response = client.get(reverse("broadcasts_week"), {"week": monday.isoformat()})
    assert f'value="{monday.isoformat()}"' in response.content.decode()
    # An unreadable week is ignored, never an error.
    assert client.get(reverse("broadcasts_week"), {"week": "tuần sau"}).status_code == 200


def test_the_radio_listing_shows_the_weekly_actions_as_header_buttons(client, officer_of_today):
    client.force_login(officer_of_today)
    html = client.get(reverse("broadcasts:index")).content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    # Buttons of their own, not items of the "…" menu (its content is a hidden dropdown).
    menu = header.split('data-w-dropdown-target="content"')
    for url in (reverse("broadcasts_week"), reverse("broadcasts_import")):
        assert f'<a href="{url}" class="w-header-button button"' in menu[0]
        assert all(url not in part for part in menu[1:])


def test_district_officer_sees_their_communes_gaps_while_districts_exist(district_officer):
    thursday = datetime.date(2023, 6, 15)  # Huyện Phú Vang on the 2021 map
    last_monday = datetime.date(2023, 6, 5)
    BroadcastFactory(commune=unit("19942"), on=last_monday)  # Thị trấn Phú Đa reported
    WeeklyLog.objects.create(commune=unit("19903"), week_start=last_monday, no_programme=True)
    BroadcastFactory(commune=unit("19900"), on=last_monday)  # another district's commune

    panel = CommuneGapsPanel(district_officer, today=thursday)
    context = panel.get_context_data()
    html = panel.render_html()

    names = [line["unit"].name for line in context["lines"]]
    assert "Thị trấn Phú Đa" in names and "Phường Thuận An" not in names
    gaps = {line["unit"].name: line for line in context["lines"]}
    assert not gaps["Thị trấn Phú Đa"]["unreported"] and not gaps["Thị trấn Phú Đa"]["behind"]
    # Reported "nothing this week": not missing, but below the weekly minimum.
    phu_thuan = next(line for line in context["lines"] if line["unit"].code == "19903")
    assert not phu_thuan["unreported"] and phu_thuan["behind"]
    assert context["gaps"] == len(names) - 1
    # Gaps come first.
    assert names[-1] == "Thị trấn Phú Đa"
    assert "05/06/2023" in html and "Chưa báo cáo" in html


def test_district_officer_of_a_dissolved_district_is_told_where_its_communes_went(
    district_officer,
):
    html = CommuneGapsPanel(district_officer, today=THURSDAY).render_html()
    assert "30/06/2025" in html


def test_commune_officer_sees_the_plans_it_still_owes_the_province(officer_of_today):
    period = ProgrammePeriod.objects.get(name="2026–2030")
    CommunicationPlanFactory(unit=officer_of_today.unit, period=period, year=2026)

    panel = PlansDuePanel(officer_of_today, today=THURSDAY)
    lines = panel.get_context_data()["lines"]

    # The period plan and 2027's are missing, 2026's is a draft: all three are due.
    assert [(line["year"], line["status"]) for line in lines] == [
        (None, "missing"),
        (2026, "draft"),
        (2027, "missing"),
    ]
    html = panel.render_html()
    assert f'href="{reverse("plans:add")}"' in html


def test_a_dissolved_districts_officer_is_asked_for_no_plan(district_officer):
    assert PlansDuePanel(district_officer, today=THURSDAY).render_html().strip() == ""


@pytest.fixture
def categories(db):
    seed_categories(FeedbackCategory, AnswerTemplate)


def test_commune_officer_sees_the_open_cases_assigned_to_the_commune(officer_of_today, categories):
    commune = officer_of_today.unit
    late = FeedbackFactory(commune=commune, assigned_unit=commune, due_on=THURSDAY.replace(day=1))
    soon = FeedbackFactory(
        commune=commune, assigned_unit=commune, due_on=datetime.date(2026, 12, 20)
    )
    FeedbackFactory(commune=commune, assigned_unit=commune, status="answered")
    elsewhere = unit("19900", THURSDAY)
    other = FeedbackFactory(commune=elsewhere, assigned_unit=elsewhere)

    panel = CasesWaitingPanel(officer_of_today, today=THURSDAY)
    context = panel.get_context_data()

    assert [row["case"] for row in context["cases"]] == [late, soon]
    assert context["total"] == 2 and context["overdue"] == 1
    assert other.tracking_code not in panel.render_html()


def test_province_staff_see_the_cases_waiting_to_be_assigned(province_staff, categories):
    commune = unit("19900", THURSDAY)
    waiting = FeedbackFactory(commune=commune)
    FeedbackFactory(commune=commune, assigned_unit=commune)

    context = CasesWaitingPanel(province_staff, today=THURSDAY).get_context_data()

    assert context["to_assign"]
    assert CasesWaitingPanel(province_staff).order > 220  # after what waits for approval
    assert [row["case"] for row in context["cases"]] == [waiting]


def test_leader_lands_on_the_targets_of_the_current_period(
    client, leader, django_assert_max_num_queries
):
    for code in ("19942", "19900"):
        BroadcastFactory(commune=unit(code, THURSDAY), on=MONDAY)

    context = TargetsPanel(leader, today=THURSDAY).get_context_data()
    assert context["period"].name == "2026–2030" and context["year"] == 2026
    assert len(context["cards"]) == 3
    assert context["confirm_url"] is None  # leaders read; the province confirms

    client.force_login(leader)
    cache.clear()  # the KPI engine computes afresh, as on the first sign-in of the day
    with django_assert_max_num_queries(34):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="targets' in html
    assert 'id="radio-week' not in html and 'id="cases-waiting' not in html
    # The targets come before anything else on the page.
    first_panel = html.index("w-panel--dashboard", html.index("</header>"))
    assert 'id="targets' in html[first_panel : first_panel + 100]


def test_province_staff_see_the_targets_and_can_confirm_a_draft_period(province_staff):
    panel = TargetsPanel(province_staff, today=THURSDAY)
    context = panel.get_context_data()
    assert context["period"].is_draft
    assert context["confirm_url"] == reverse("periods:confirm", args=[context["period"].pk])
    # After what waits for their approval (Wagtail's moderation panels, 210 and 220).
    assert panel.order > 220


def test_commune_officers_home_holds_no_province_figures(client, officer_of_today):
    client.force_login(officer_of_today)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="targets' not in html
    assert 'id="radio-week' in html and 'id="plans-due' in html and 'id="cases-waiting' in html


def test_province_staff_home_keeps_their_approvals_and_adds_targets_and_cases(
    client, province_staff, categories, django_assert_max_num_queries
):
    FeedbackFactory(commune=unit("19900", timezone.localdate()))
    client.force_login(province_staff)
    cache.clear()
    with django_assert_max_num_queries(40):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="targets' in html and 'id="cases-waiting' in html
    assert 'id="radio-week' not in html and 'id="plans-due' not in html


def test_commune_officer_sees_the_recommendations_it_must_report_on(officer_of_today):
    commune = officer_of_today.unit
    visit = VisitFactory(
        unit=commune, status="held", planned_on=MONDAY, held_on=MONDAY, plan__year=2026
    )
    late = RecommendationFactory(visit=visit, due_on=datetime.date(2026, 12, 1))
    RecommendationFactory(visit=visit, due_on=datetime.date(2026, 12, 31), status="closed")
    elsewhere = RecommendationFactory(
        visit=visit, responsible_unit=unit("19900", THURSDAY), due_on=THURSDAY
    )

    panel = FollowUpPanel(officer_of_today, today=THURSDAY)
    context = panel.get_context_data()

    assert [row["recommendation"] for row in context["rows"]] == [late]
    assert context["rows"][0]["is_overdue"]
    html = panel.render_html()
    assert "01/12/2026" in html and elsewhere.text not in html


def test_district_officer_lands_on_their_communes_gaps(
    client, district_officer, django_assert_max_num_queries
):
    client.force_login(district_officer)
    with django_assert_max_num_queries(40):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="commune-gaps' in html
    assert 'id="radio-week' not in html and 'id="targets' not in html
