from wagtail import hooks

from .viewsets import unit_viewset


@hooks.register("register_admin_viewset")
def register_unit_viewset():
    return unit_viewset
