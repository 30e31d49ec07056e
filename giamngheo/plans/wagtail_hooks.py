from wagtail.snippets.models import register_snippet

from .viewsets import CommunicationPlanViewSet

register_snippet(CommunicationPlanViewSet)
