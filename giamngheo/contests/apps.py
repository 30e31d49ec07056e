from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContestsConfig(AppConfig):
    name = "giamngheo.contests"
    label = "contests"
    verbose_name = _("Online contests")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from giamngheo.accounts.scoping import UnitScopedPermissionPolicy

        from .models import Participant

        # Participants are the only unit records here: contests are province-wide.
        register_permission_policy(Participant, UnitScopedPermissionPolicy(Participant))
