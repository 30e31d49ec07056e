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
        from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

        from . import rollup

        # Programmes saved or deleted one by one (forms, admin, cascades): recount their
        # week in the same transaction; store_programmes recounts its batch itself.
        pre_save.connect(rollup.on_pre_save, sender=Broadcast, dispatch_uid="rollup-pre-save")
        post_save.connect(rollup.on_save, sender=Broadcast, dispatch_uid="rollup-save")
        pre_delete.connect(rollup.on_pre_delete, sender=Broadcast, dispatch_uid="rollup-pre-del")
        post_delete.connect(rollup.on_delete, sender=Broadcast, dispatch_uid="rollup-delete")
        register_permission_policy(
            WeekReopening, UnitScopedPermissionPolicy(WeekReopening, unit_field="log__commune")
        )
