from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "giamngheo.activities"
    label = "activities"
    verbose_name = _("Communication activities")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from giamngheo.accounts.scoping import UnitScopedPermissionPolicy

        from . import signals
        from .models import Activity

        register_permission_policy(Activity, UnitScopedPermissionPolicy(Activity))
        signals.connect()
