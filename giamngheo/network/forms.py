from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from giamngheo.accounts.viewsets import ScopedUnitForm
from giamngheo.core.forms import RowImportForm
from giamngheo.training.choosers import cadres_for
from giamngheo.training.models import Cadre


class CommunicatorForm(ScopedUnitForm):
    unit_field = "unit"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("cadre")
        if field is not None and self.for_user is not None:
            # Only cadres of the user's units; the one already linked stays offered.
            field.queryset = Cadre.objects.filter(
                Q(pk__in=cadres_for(self.for_user).values("pk")) | Q(pk=self.instance.cadre_id)
            ).select_related("unit")


class CommunicatorUploadForm(RowImportForm):
    file_help_text = _("Fill in the template: one communicator a row.")
