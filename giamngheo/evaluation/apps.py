from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "giamngheo.evaluation"
    label = "evaluation"
    verbose_name = _("Supervision and evaluation")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from giamngheo.accounts.scoping import UnitScopedPermissionPolicy

        from .models import Recommendation, SupervisionPlan, SupervisionVisit
        from .permissions import OrganiserAndUnitPolicy

        # A plan belongs to its organiser; a visit to the visited unit and a
        # recommendation to its responsible unit, the organiser seeing both.
        register_permission_policy(
            SupervisionPlan, UnitScopedPermissionPolicy(SupervisionPlan, unit_field="organiser")
        )
        register_permission_policy(
            SupervisionVisit,
            OrganiserAndUnitPolicy(
                SupervisionVisit, unit_field="unit", organiser_field="plan__organiser"
            ),
        )
        register_permission_policy(
            Recommendation,
            OrganiserAndUnitPolicy(
                Recommendation,
                unit_field="responsible_unit",
                organiser_field="visit__plan__organiser",
            ),
        )
