from wagtail import hooks

from .viewsets import broadcast_viewset


@hooks.register("register_admin_viewset")
def register_broadcast_viewset():
    return broadcast_viewset
