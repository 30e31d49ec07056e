from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BroadcastsConfig(AppConfig):
    name = "giamngheo.broadcasts"
    label = "broadcasts"
    verbose_name = _("Commune radio")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from giamngheo.accounts.scoping import UnitScopedPermissionPolicy

        from .models import Broadcast, WeekReopening

        register_permission_policy(
            Broadcast, UnitScopedPermissionPolicy(Broadcast, unit_field="commune")
        )
        register_permission_policy(
            WeekReopening, UnitScopedPermissionPolicy(WeekReopening, unit_field="log__commune")
        )
