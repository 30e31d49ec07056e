from django.urls import path
from wagtail import hooks

from . import views
from .viewsets import NetworkViewSetGroup


@hooks.register("register_admin_viewset")
def register_network_viewsets():
    return NetworkViewSetGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("mang-luoi/do-phu/", views.coverage, name="network_coverage")]
