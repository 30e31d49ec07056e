"""Admin forms of the activity register; each offers only the user's units."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from giamngheo.accounts import scoping
from giamngheo.accounts.viewsets import ScopedUnitForm
from giamngheo.core.forms import RowImportForm
from giamngheo.plans.models import PlannedActivity
from giamngheo.units.models import UnitLevel

# Taken from the portal item for an entry made from it: staff add figures only.
SOURCE_FIELDS = ("kind", "title", "unit", "start_date", "end_date")


def planned_activity_label(planned: PlannedActivity) -> str:
    return f"{planned.plan.title} — {planned}"


class ActivityForm(ScopedUnitForm):
    unit_field = "unit"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("planned_activity")
        if field is not None and self.for_user is not None:
            # Planned activities of the plans of the user's districts (a commune's: its
            # district's); the one already linked stays offered.
            allowed = Q()
            if not scoping.is_province_wide(self.for_user):
                visible = scoping.units_visible_to(self.for_user)
                allowed = Q(
                    plan__unit__code__in=visible.filter(level=UnitLevel.DISTRICT).values("code")
                ) | Q(
                    plan__unit__code__in=visible.filter(
                        level=UnitLevel.COMMUNE, parent__level=UnitLevel.DISTRICT
                    ).values("parent__code")
                )
            field.queryset = (
                PlannedActivity.objects.filter(allowed | Q(pk=self.instance.planned_activity_id))
                .select_related("plan")
                .order_by("-plan__year", "plan__title", "sort_order")
            )
            field.label_from_instance = planned_activity_label
        field = self.fields.get("communicators")
        if field is not None and self.for_user is not None:
            # Communicators of the user's units; those already linked stay offered.
            linked = (
                list(self.instance.communicators.values_list("pk", flat=True))
                if self.instance.pk
                else []
            )
            field.queryset = (
                scoping.scope(field.queryset, self.for_user) | field.queryset.filter(pk__in=linked)
            ).select_related("unit")
        if "kind" in self.fields:
            kinds = self.fields["kind"].queryset
            self.fields["kind"].queryset = kinds.filter(
                Q(is_active=True) | Q(pk=self.instance.kind_id)
            )
        if self.instance.pk and self.instance.is_from_portal:
            for name in SOURCE_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = _("Taken from the portal item.")


class ActivityUploadForm(RowImportForm):
    file_help_text = _("Fill in the template: one activity a row.")
