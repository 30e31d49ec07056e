from django.urls import path
from wagtail import hooks

from . import views
from .viewsets import ActivitiesViewSetGroup


@hooks.register("register_admin_viewset")
def register_activities_viewsets():
    return ActivitiesViewSetGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "hoat-dong/ke-hoach-va-thuc-hien/",
            views.planned_vs_done,
            name="activities_planned_vs_done",
        ),
        path("hoat-dong/thong-ke/", views.statistics, name="activities_statistics"),
    ]
