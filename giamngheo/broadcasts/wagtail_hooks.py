from django.urls import path
from wagtail import hooks

from . import views
from .panels import CommuneGapsPanel, RadioWeekPanel
from .viewsets import broadcast_viewset, reopening_viewset


@hooks.register("register_admin_viewset")
def register_broadcast_viewset():
    return broadcast_viewset


@hooks.register("register_admin_viewset")
def register_reopening_viewset():
    return reopening_viewset


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("radio/week/", views.week_entry, name="broadcasts_week"),
        path("radio/import/", views.ImportView.as_view(), name="broadcasts_import"),
        path(
            "radio/import/template.xlsx", views.import_template, name="broadcasts_import_template"
        ),
        path("radio/reopen/", views.reopen_week, name="broadcasts_reopen"),
    ]


@hooks.register("construct_homepage_panels")
def add_radio_panels(request, panels):
    """A commune officer lands on this week's radio; a district officer on their communes'."""
    for panel_class in (RadioWeekPanel, CommuneGapsPanel):
        if panel_class.is_for(request.user):
            panels.append(panel_class(request.user))
