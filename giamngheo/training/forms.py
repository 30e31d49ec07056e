"""Admin forms of the training app; each offers only the user's units and cadres."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel

from giamngheo.accounts.viewsets import ScopedUnitForm
from giamngheo.core.forms import RowImportForm

from .choosers import CadreChooserWidget, cadres_for
from .models import Attendance, Cadre


class CadreForm(ScopedUnitForm):
    unit_field = "unit"


class CourseForm(ScopedUnitForm):
    unit_field = "organising_unit"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # On the add form, modelcluster gives the participant formset a course of its
        # own; share ours so that participant rows are checked against its dates.
        if "attendances" in self.formsets:
            self.formsets["attendances"].instance = self.instance


class AttendanceForm(WagtailAdminModelForm):
    """A participant row: the cadre is chosen among the user's units' cadres."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("cadre")
        if field is None:
            return
        # A row already on the course keeps its cadre even if another unit's
        # officer added it; new rows only take cadres the user may see.
        visible = cadres_for(self.for_user).values("pk") if self.for_user else Cadre.objects.none()
        field.queryset = Cadre.objects.filter(Q(pk__in=visible) | Q(pk=self.instance.cadre_id))
        known = self.instance.cadre if self.instance.cadre_id else None
        field.widget = CadreChooserWidget(known=known)


class AttendanceFormSet(BaseChildFormSet):
    """Loads the participants with their cadres and units in one query, and ties each
    row to the course being edited so that its rules see the course's dates."""

    def __init__(self, data=None, files=None, instance=None, queryset=None, **kwargs):
        if queryset is None and instance is not None and instance.pk:
            queryset = (
                Attendance.objects.filter(course=instance)
                .select_related("cadre__unit")
                .order_by("cadre__sort_name", "pk")
            )
        super().__init__(data, files, instance=instance, queryset=queryset, **kwargs)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # The (possibly unsaved) course, whose start date Attendance.clean checks against.
        form.instance.course = self.instance
        return form


class AttendancePanel(InlinePanel):
    """The course's participants, with the scoped form and the one-query formset above."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name].update(
            form=AttendanceForm, formset=AttendanceFormSet, inherit_kwargs=["for_user"]
        )
        return options


class ParticipantUploadForm(RowImportForm):
    file_help_text = _("Fill in the template: one participant a row.")
