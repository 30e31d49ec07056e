from wagtail import hooks

from .panels import FollowUpPanel
from .viewsets import EvaluationViewSetGroup


@hooks.register("register_admin_viewset")
def register_evaluation_viewsets():
    return EvaluationViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_follow_up_panel(request, panels):
    """A commune or district sees the recommendations it must still report on."""
    if FollowUpPanel.is_for(request.user):
        panels.append(FollowUpPanel(request.user))
