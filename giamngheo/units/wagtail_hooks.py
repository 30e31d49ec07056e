from django.urls import path
from wagtail import hooks

from . import views
from .viewsets import unit_viewset


@hooks.register("register_admin_viewset")
def register_unit_viewset():
    return unit_viewset


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("units/import-succession/", views.import_succession, name="units_import_succession")
    ]
