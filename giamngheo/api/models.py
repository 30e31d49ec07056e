"""Keys of the data API: one per app or unit system, each belonging to a unit.

A key acts for its unit only: everything it reads or writes is scoped by the
one policy (``accounts.scoping.UnitPrincipal``) as an officer of that unit
would be. Issued, stored and revoked like the Open311 keys (``core.api_keys``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from giamngheo.accounts.scoping import UnitPrincipal
from giamngheo.core.api_keys import AbstractApiKey
from giamngheo.units.models import Unit


class UnitApiKey(AbstractApiKey):
    key_prefix = "gnapi_"

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The key reads and writes the records of this unit (and of its communes)."),
    )

    class Meta(AbstractApiKey.Meta):
        verbose_name = _("data API key")
        verbose_name_plural = _("data API keys")

    def principal(self) -> UnitPrincipal:
        return UnitPrincipal(unit=self.unit)
