from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "giamngheo.plans"
    label = "plans"
    verbose_name = _("Communication plans")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from .models import CommunicationPlan
        from .permissions import PlanPermissionPolicy
        from .services import ensure_plan_workflow_after_migrate

        register_permission_policy(CommunicationPlan, PlanPermissionPolicy(CommunicationPlan))
        # The approval workflow is data every database needs, like the roles.
        post_migrate.connect(ensure_plan_workflow_after_migrate, sender=self)
