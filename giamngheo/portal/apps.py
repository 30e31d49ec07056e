from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "giamngheo.portal"
    label = "portal"
    verbose_name = _("Public portal")

    def ready(self) -> None:
        # Connect the page cache's invalidation, also in management commands
        # (publish_scheduled from cron), where no middleware is loaded. Then add the
        # news and events to the data API: the portal is above the API in the layers.
        from giamngheo.api.site import api

        from . import cache  # noqa: F401
        from .api import router

        api.add_router("/", router)
