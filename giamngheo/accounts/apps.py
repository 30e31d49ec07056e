from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "giamngheo.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    default = True

    def ready(self) -> None:
        from .permission_names import name_permissions
        from .roles import sync_roles_after_migrate

        # Roles are data that every database needs: keep them in step after each migrate.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
        post_migrate.connect(name_permissions, dispatch_uid="accounts.name_permissions")


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with the user's administrative unit on the form."""

    user_viewset = "giamngheo.accounts.viewsets.UserViewSet"
