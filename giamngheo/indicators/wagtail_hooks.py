from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .panels import TargetsPanel
from .viewsets import indicators_group


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("kpi/", views.dashboard, name="indicators_dashboard")]


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("indicators.view_indicator")


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        _("Targets dashboard"), reverse("indicators_dashboard"), icon_name="table", order=100
    )


@hooks.register("register_admin_viewset")
def register_indicator_viewsets():
    return indicators_group


@hooks.register("construct_homepage_panels")
def add_targets_panel(request, panels):
    """Leaders land on the targets; province staff see them after what waits for approval."""
    if TargetsPanel.is_for(request.user):
        panels.append(TargetsPanel(request.user))
