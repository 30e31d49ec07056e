from wagtail import hooks

from .viewsets import EngagementViewSetGroup


@hooks.register("register_admin_viewset")
def register_engagement_viewsets():
    return EngagementViewSetGroup()
