from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PovertyConfig(AppConfig):
    name = "giamngheo.poverty"
    label = "poverty"
    verbose_name = _("Poverty figures")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from giamngheo.accounts.scoping import UnitScopedPermissionPolicy

        from .models import PovertyStatistic
        from .services import ensure_poverty_workflow_after_migrate

        register_permission_policy(
            PovertyStatistic, UnitScopedPermissionPolicy(PovertyStatistic, unit_field="unit")
        )
        # The approval workflow is data every database needs, like the roles.
        post_migrate.connect(ensure_poverty_workflow_after_migrate, sender=self)
