from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PovertyConfig(AppConfig):
    name = "giamngheo.poverty"
    label = "poverty"
    verbose_name = _("Poverty figures")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from giamngheo.accounts.scoping import UnitScopedPermissionPolicy

        from .models import PovertyStatistic

        register_permission_policy(
            PovertyStatistic, UnitScopedPermissionPolicy(PovertyStatistic, unit_field="unit")
        )
