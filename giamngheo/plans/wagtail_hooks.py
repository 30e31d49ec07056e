from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .panels import PlansDuePanel
from .viewsets import CommunicationPlanViewSet

register_snippet(CommunicationPlanViewSet)


@hooks.register("construct_homepage_panels")
def add_plans_panel(request, panels):
    """A commune (or, while districts exist, a district) sees the plans it still owes."""
    if PlansDuePanel.is_for(request.user):
        panels.append(PlansDuePanel(request.user))
