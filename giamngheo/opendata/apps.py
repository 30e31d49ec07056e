from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    name = "giamngheo.opendata"
    label = "opendata"
    verbose_name = _("Open data and DHIS2 exchange")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from .models import ReceivedBatch, ReceivedValue
        from .permissions import ReceivedPolicy

        for model in (ReceivedBatch, ReceivedValue):
            register_permission_policy(model, ReceivedPolicy(model))
