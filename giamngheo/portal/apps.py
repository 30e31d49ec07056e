from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "giamngheo.portal"
    label = "portal"
    verbose_name = _("Public portal")

    def ready(self) -> None:
        # Connect the page cache's invalidation, also in management commands
        # (publish_scheduled from cron), where no middleware is loaded.
        from . import cache  # noqa: F401
        from .restrictions import install

        install()
