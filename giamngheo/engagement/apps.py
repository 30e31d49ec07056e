from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "giamngheo.engagement"
    label = "engagement"
    verbose_name = _("Policy dialogues and polls")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from giamngheo.accounts.scoping import UnitScopedPermissionPolicy

        from . import signals  # noqa: F401  (the page cache forgets pages showing a poll)
        from .models import DialogueQuestion

        # A question belongs to its dialogue's unit.
        register_permission_policy(
            DialogueQuestion,
            UnitScopedPermissionPolicy(DialogueQuestion, unit_field="dialogue__unit"),
        )
