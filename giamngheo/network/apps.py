from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "giamngheo.network"
    label = "network"
    verbose_name = _("Network of communicators")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from giamngheo.accounts.scoping import UnitScopedPermissionPolicy

        from .models import Communicator

        register_permission_policy(Communicator, UnitScopedPermissionPolicy(Communicator))
