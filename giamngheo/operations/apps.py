from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running a site: backup, restore, upgrades (no models)."""

    name = "giamngheo.operations"
    label = "operations"
    verbose_name = _("Operations")
